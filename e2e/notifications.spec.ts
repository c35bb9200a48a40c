import { expect, test } from "@playwright/test";
import type { Browser, Page } from "@playwright/test";
import { expectNoSeriousViolations } from "./support/axe.js";
import { apiAs } from "./support/team.js";
import type { TApi } from "./support/team.js";

/**
 * Notes and the bell on the demo organisation (playwright.config.ts DEMO_SPECS): the hiring
 * manager writes a note on an application that mentions the recruiter; the recruiter's bell
 * counts it, the notifications page links to the note, reading it clears the count, and the
 * e-mail copy waits in the outbox (no SMTP here). With in-app turned off on the settings page,
 * the next mention leaves the bell alone. An interviewer's application page has no notes.
 */
const PASSWORD = "shortlist-demo";

async function signedIn(
  browser: Browser,
  who: string,
  width = 1280,
): Promise<{ page: Page; api: TApi }> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("E-mail").fill(`${who}@demo.shortlist.dev`);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  // On a phone the account menu is folded away, so the greeting says the sign-in worked.
  await expect(page.getByRole("heading", { level: 1, name: /^Welcome/ })).toBeVisible();
  return { page, api: await apiAs(context.request) };
}

type TCandidate = { id: string; name: string; applications: { id: string; status: string }[] };

test("a mention in a note rings the colleague's bell, links to the note, and obeys their settings", async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const admin = await signedIn(browser, "admin");
  // The demo's submitted assessments grade in the background, and each report rings the bell:
  // wait for grading to finish so the only news from here on is what this spec causes.
  await expect
    .poll(
      async () => {
        const { kinds } = await admin.api<{
          kinds: { name: string; queued: number; running: number }[];
        }>("GET", "/api/admin/background-jobs");
        return kinds
          .filter((k) => k.name.includes("grade"))
          .reduce((sum, k) => sum + k.queued + k.running, 0);
      },
      { timeout: 150_000, intervals: [2_000] },
    )
    .toBe(0);
  const manager = await signedIn(browser, "manager");
  const recruiter = await signedIn(browser, "recruiter", 390);
  // Start from a quiet bell: whatever the demo's history left unread is read now.
  await recruiter.api("POST", "/api/me/notifications/read", { all: true });

  const { candidates } = await manager.api<{ candidates: TCandidate[] }>("GET", "/api/candidates");
  const candidate = candidates.find((c) => c.applications.some((a) => a.status === "active"));
  const applicationId = candidate?.applications.find((a) => a.status === "active")?.id ?? "";
  expect(applicationId).not.toBe("");

  // The manager writes the note in the browser; the panel says who will be told.
  await manager.page.goto(`/applications/${applicationId}`);
  const notes = manager.page.getByRole("region", { name: "Team notes" });
  await expect(notes.getByText(/Type @ and a name to tell someone: .*Rui Costa/)).toBeVisible();
  await notes.getByLabel("Add a note").fill("@Rui Costa can you check their notice period?");
  await notes.getByRole("button", { name: "Add note" }).click();
  await expect(notes.getByText("Note added; Rui Costa will be told.")).toBeVisible();
  await expect(notes.getByText("can you check their notice period?")).toBeVisible();
  await expectNoSeriousViolations(manager.page);
  await notes.screenshot({ path: "test-results/notifications/notes-1280.png" });

  // The recruiter's bell (on a phone) shows it without a reload: the count is polled.
  const bell = recruiter.page.getByRole("link", { name: "Notifications, 1 unread" });
  await recruiter.page.goto("/");
  await expect(bell).toBeVisible({ timeout: 45_000 });
  // On a phone the bell stays in the one-row bar, beside the Menu button.
  const bellBox = await bell.boundingBox();
  const menuBox = await recruiter.page.getByRole("button", { name: "Menu" }).boundingBox();
  expect(Math.abs((bellBox?.y ?? 0) - (menuBox?.y ?? 100)) < 20).toBe(true);
  await bell.click();
  await expect(
    recruiter.page.getByRole("heading", { level: 1, name: "Notifications" }),
  ).toBeVisible();
  await expect(recruiter.page.getByText("1 unread")).toBeVisible();
  const item = recruiter.page.getByRole("link", { name: /Hana Sato mentioned you/ });
  await expect(item).toBeVisible();
  await expect(recruiter.page.getByText("can you check their notice period?")).toBeVisible();
  await expectNoSeriousViolations(recruiter.page);
  await recruiter.page.screenshot({
    path: "test-results/notifications/list-390.png",
    fullPage: true,
  });
  await item.click();
  await expect(recruiter.page).toHaveURL(new RegExp(`/applications/${applicationId}`));
  await expect(
    recruiter.page.getByRole("region", { name: "Team notes" }).getByText("notice period"),
  ).toBeVisible();
  await expect(
    recruiter.page.getByRole("link", { name: "Notifications, none unread" }),
  ).toBeVisible();

  // The e-mail copy waits in the outbox for the recruiter (no SMTP on this server).
  const outbox = await admin.api<{ messages: { kind: string; to: string; subject: string }[] }>(
    "GET",
    "/api/mail/outbox?limit=100",
  );
  expect(
    outbox.messages.filter(
      (m) => m.kind === "note_mention" && m.to === "recruiter@demo.shortlist.dev",
    ),
  ).toHaveLength(1);

  // The recruiter turns in-app mentions off; the next mention does not ring the bell.
  await recruiter.page.goto("/settings/notifications");
  await recruiter.page.getByRole("checkbox", { name: "Mentioned in a note: in the app" }).uncheck();
  await recruiter.page.getByRole("button", { name: "Save" }).click();
  await expect(recruiter.page.getByText("Your choices are saved.")).toBeVisible();
  await recruiter.page.screenshot({
    path: "test-results/notifications/settings-390.png",
    fullPage: true,
  });
  await expectNoSeriousViolations(recruiter.page);
  await recruiter.page.reload();
  await expect(
    recruiter.page.getByRole("checkbox", { name: "Mentioned in a note: in the app" }),
  ).not.toBeChecked();
  await notes.getByLabel("Add a note").fill("@Rui Costa never mind, found it.");
  await notes.getByRole("button", { name: "Add note" }).click();
  await expect(notes.getByText("never mind, found it.")).toBeVisible();
  const after = await recruiter.api<{ notifications: { kind: string; read: boolean }[] }>(
    "GET",
    "/api/me/notifications",
  );
  expect(after.notifications.filter((n) => n.kind === "note_mention" && !n.read)).toEqual([]);
  expect(after.notifications.filter((n) => n.kind === "note_mention")).toHaveLength(1);

  // Interviewers score on their own evidence: no notes on their view of an application.
  const interviewer = await signedIn(browser, "interviewer");
  const { interviews } = await interviewer.api<{ interviews: { application: { id: string } }[] }>(
    "GET",
    "/api/me/interviews",
  );
  const theirs = interviews[0]?.application.id;
  if (theirs) {
    await interviewer.page.goto(`/applications/${theirs}`);
    await expect(
      interviewer.page.getByRole("heading", { level: 2, name: "Interviews" }),
    ).toBeVisible();
    await expect(interviewer.page.getByRole("region", { name: "Team notes" })).toHaveCount(0);
  }
});
