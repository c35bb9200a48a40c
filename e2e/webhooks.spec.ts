import { expect, test } from "@playwright/test";
import { startWebhookReceiver } from "../src/test-support/webhook-receiver.js";
import { expectNoSeriousViolations } from "./support/axe.js";
import { adminLink } from "./support/nav.js";
import { setUpAdmin } from "./support/team.js";

/**
 * Webhooks end to end: this spec's server may reach loopback (playwright.config.ts sets
 * WEBHOOK_ALLOW_PRIVATE_ADDRESSES for it), and the spec runs the receiver, a real HTTP server on
 * the port the config gives it. An admin registers the endpoint in the browser and copies its
 * secret; a candidate is added; the receiver verifies the delivery with the Standard Webhooks
 * library; the log says it was delivered; "Send again" repeats it under the same message id.
 */
const receiverPort = Number(process.env.E2E_WEBHOOK_PORT_WEBHOOKS);
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;

test.beforeAll(async () => {
  receiver = await startWebhookReceiver(undefined, receiverPort);
});
test.afterAll(async () => receiver.close());

test("an admin registers an endpoint, and the receiver verifies the signed delivery", async ({
  browser,
}) => {
  const { context, admin } = await setUpAdmin(browser);
  const page = await context.newPage();
  await page.goto("/");
  await (await adminLink(page, "Webhooks")).click();
  await expect(page.getByRole("heading", { level: 1, name: "Webhooks" })).toBeVisible();
  await expect(page.getByText("No endpoints yet")).toBeVisible();

  // A URL that is not a web address is named, and nothing is lost from the form.
  await page.getByLabel("Endpoint URL").fill("ftp://files.example.org/in");
  await page.getByLabel("Description").fill("HR system sync");
  await page.getByRole("button", { name: "Add endpoint" }).click();
  await expect(
    page.getByText("Endpoint URL The URL must start with https:// or http://."),
  ).toBeVisible();
  await expect(page.getByLabel("Description")).toHaveValue("HR system sync");

  // Only candidate.created for this receiver.
  await page.getByLabel("Endpoint URL").fill(receiver.url);
  for (const label of [/moves stage/, /submits a scorecard/, /finishes grading/, /decision/])
    await page.getByRole("checkbox", { name: label }).uncheck();
  await page.getByRole("button", { name: "Add endpoint" }).click();
  const secretBox = page.getByLabel("Signing secret", { exact: true });
  await expect(secretBox).toHaveValue(/^whsec_/);
  const secret = await secretBox.inputValue();
  const card = page.getByTestId("webhook-endpoint").filter({ hasText: receiver.url });
  await expect(card.getByText("Sends: a candidate is added.")).toBeVisible();

  // Something happens: a candidate is added (the team's form posts the same request).
  const created = await admin<{ candidate: { id: string } }>("POST", "/api/candidates", {
    name: "Linus Webhook",
    email: "linus.webhook@example.org",
  });
  const delivery = await receiver.waitFor((e) => e.data.candidateId === created.candidate.id);
  const verified = receiver.verify(delivery, secret);
  expect(verified.type).toBe("candidate.created");
  expect(delivery.body).not.toContain("linus.webhook@example.org");

  // The log shows it delivered, with the receiver's answer.
  await card.getByRole("button", { name: `Show deliveries to ${receiver.url}` }).click();
  const row = card.getByTestId("webhook-delivery").first();
  await expect(row.getByText("Delivered", { exact: true })).toBeVisible({ timeout: 20_000 });
  await expect(row.getByText(/HTTP 200/)).toBeVisible();
  await expect(card.getByText(/^1 delivered · 0 not delivered/)).toBeVisible();
  await page.screenshot({ path: "test-results/webhooks-page.png", fullPage: true });
  await expectNoSeriousViolations(page);

  // Send again: the same message id, so the receiver can tell it is a repeat.
  const before = receiver.received.length;
  await row.getByRole("button", { name: /^Send again/ }).click();
  await expect.poll(() => receiver.received.length, { timeout: 20_000 }).toBe(before + 1);
  expect(receiver.received[before]?.headers["webhook-id"]).toBe(delivery.headers["webhook-id"]);
  receiver.verify(receiver.received[before] ?? delivery, secret);

  // A new secret: shown once, and the previous one keeps signing for a day.
  await card.getByRole("button", { name: `New signing secret for ${receiver.url}` }).click();
  await expect(secretBox).not.toHaveValue(secret);
  await expect(card.getByText(/the previous secret also signs until/)).toBeVisible();
  await context.close();
});
