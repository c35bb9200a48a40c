import { expect, test } from "@playwright/test";
import { startTestSmtpServer } from "../src/test-support/test-smtp-server.js";
import { expectNoSeriousViolations } from "./support/axe.js";
import { adminLink } from "./support/nav.js";
import { setUpAdmin } from "./support/team.js";

/**
 * E-mail end to end: this spec's server sends to a real SMTP server the spec starts on loopback
 * (playwright.config.ts gives the server SMTP_URL and the spec the port). An admin invites a
 * colleague in the browser, the invite arrives, the Outbox says it was sent, and the admin edits
 * the invite's wording with the preview following the draft.
 */
const smtpPort = Number(process.env.E2E_SMTP_PORT_MAIL);
let smtp: Awaited<ReturnType<typeof startTestSmtpServer>>;

test.beforeAll(async () => {
  smtp = await startTestSmtpServer("accept", smtpPort);
});
test.afterAll(async () => smtp.close());

test("an invite goes out by e-mail, shows in the Outbox, and its wording can be edited", async ({
  browser,
}) => {
  const { context } = await setUpAdmin(browser);
  const page = await context.newPage();

  await page.goto("/team");
  await page.getByLabel("Name").fill("Grace Colleague");
  await page.getByLabel("E-mail").fill("grace@example.com");
  await page.getByRole("button", { name: "Create invite link" }).click();
  await expect(page.getByText("Send this link to")).toBeVisible();

  // The invite arrives at the SMTP server, addressed to the colleague, with the accept link.
  await expect.poll(() => smtp.received.length, { timeout: 20_000 }).toBeGreaterThan(0);
  const mail = smtp.received.find((m) => m.to.includes("grace@example.com"));
  expect(mail, "no mail to grace@example.com").toBeDefined();
  expect(mail?.decoded).toContain("Hello Grace Colleague");
  expect(mail?.decoded).toMatch(/https?:\/\/\S+\/invite\S*/);

  // The Outbox lists it as sent, with its link clickable.
  await (await adminLink(page, "Outbox")).click();
  await expect(page.getByRole("heading", { name: "Outbox" })).toBeVisible();
  const message = page.getByTestId("outbox-message").filter({ hasText: "grace@example.com" });
  await expect(async () => {
    await page.reload();
    await expect(message.getByText("Sent", { exact: true })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await expect(page.getByTestId("outbox-count")).toHaveText("Showing 1 of 1 messages");
  await message.getByText("Show the message").click();
  await expect(message.getByRole("link", { name: /\/invite/ })).toBeVisible();
  await expectNoSeriousViolations(page);

  // The invite's wording: the preview follows the draft, an unknown placeholder is named.
  await (await adminLink(page, "E-mail templates")).click();
  await expect(page.getByRole("heading", { name: "Team invite" })).toBeVisible();
  await expect(page.getByTestId("preview-subject")).toHaveText(
    "Grace Hopper invited you to Shortlist",
  );
  await page.getByLabel("Subject").fill("Join {{inviterName}}'s hiring team");
  await expect(page.getByTestId("preview-subject")).toHaveText("Join Grace Hopper's hiring team");
  const body = page.getByLabel("Message");
  await body.fill("Hi {{inviteeName}}, {{nickname}} here: {{link}}");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Message unknown placeholder {{nickname}}")).toBeVisible();
  await body.fill("Hi {{inviteeName}}, sign in here: {{link}}");
  await expect(page.getByTestId("preview-text")).toContainText("Hi Ada Lovelace, sign in here:");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status").getByText("Saved.")).toBeVisible();
  await expect(page.getByText("· edited")).toBeVisible();
  await expectNoSeriousViolations(page);
  await page.screenshot({ path: "test-results/mail-templates.png", fullPage: true });
  // Back to Shortlist's wording: the editor shows the default again.
  await page.getByRole("button", { name: "Go back to Shortlist's wording" }).click();
  await expect(page.getByLabel("Subject")).toHaveValue("{{inviterName}} invited you to Shortlist");
  await expect(page.getByText("· edited")).toHaveCount(0);
  await page.getByLabel("Message").fill("Hi {{inviteeName}}, sign in here: {{link}}");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("· edited")).toBeVisible();

  // The next invite uses the saved wording.
  await page.goto("/team");
  await page.getByLabel("Name").fill("Linus Second");
  await page.getByLabel("E-mail").fill("linus@example.com");
  await page.getByRole("button", { name: "Create invite link" }).click();
  await expect
    .poll(() => smtp.received.find((m) => m.to.includes("linus@example.com"))?.decoded ?? "", {
      timeout: 20_000,
    })
    .toContain("Hi Linus Second, sign in here:");

  // Background jobs: both invites were sent by the mail job, and nothing is dead.
  await (await adminLink(page, "Background jobs")).click();
  await expect(page.getByRole("heading", { level: 1, name: "Background jobs" })).toBeVisible();
  const mailRow = page.getByTestId("job-kind").filter({ hasText: "Sending e-mail" });
  await expect(mailRow.getByRole("cell").nth(2)).toHaveText("2", { timeout: 15_000 });
  await expect(mailRow.getByRole("cell").nth(4)).toHaveText("0");
  await expect(page.getByTestId("job-kind").filter({ hasText: "Sending webhooks" })).toBeVisible();
  await expectNoSeriousViolations(page);
  await page.screenshot({ path: "test-results/background-jobs.png", fullPage: true });
  await context.close();
});
