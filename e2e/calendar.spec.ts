import { expect, test } from "@playwright/test";
import ICAL from "ical.js";
import { daysFromNow } from "../src/test-support/future.js";
import { startTestSmtpServer } from "../src/test-support/test-smtp-server.js";
import { zonedInputToIso } from "../web/src/interviews/zoned-time.js";
import { expectNoSeriousViolations } from "./support/axe.js";
import { inviteAndJoin, roleWithApplicant, setUpAdmin } from "./support/team.js";

/**
 * Calendar and reminders end to end. This spec's server sends to a real SMTP server the spec
 * starts on loopback and runs with SHORTLIST_TEST_CLOCK, so the spec can move time forward: a
 * manager schedules an interview in the browser, the interviewer and the candidate each receive
 * an ICS invite, and once the clock has passed the interview the reminder cron fires and the
 * interviewer is asked for the scorecard, with a link that opens the kit.
 */
const smtpPort = Number(process.env.E2E_SMTP_PORT_CALENDAR);
let smtp: Awaited<ReturnType<typeof startTestSmtpServer>>;

test.beforeAll(async () => {
  smtp = await startTestSmtpServer("accept", smtpPort);
});
test.afterAll(async () => smtp.close());

test("a manager schedules an interview, both people get the invite, and the interviewer is reminded when the cron fires", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const { admin } = await setUpAdmin(browser);
  const hana = await inviteAndJoin(browser, admin, {
    email: "hana@example.com",
    name: "Hana Meyer",
    role: "hiring_manager",
  });
  // The interviewer works from a phone.
  const rui = await inviteAndJoin(
    browser,
    admin,
    { email: "rui@example.com", name: "Rui Costa", role: "interviewer" },
    390,
  );
  const { applicationId } = await roleWithApplicant(admin, {
    title: "Django Engineer — Bookings",
    level: "mid",
    team: [
      { userId: hana.userId, teamRole: "hiring_manager" },
      { userId: rui.userId, teamRole: "interviewer" },
    ],
  });

  // Hana schedules it in the browser: two days ahead, 10:00 London time, 45 minutes, a call link.
  const page = hana.page;
  await page.goto(`/applications/${applicationId}`);
  const local = `${daysFromNow(2).slice(0, 10)}T10:00`;
  await page.getByLabel("Date and time").fill(local);
  await page.getByLabel("Time zone").selectOption("Europe/London");
  await page.getByLabel("Length (minutes)").fill("45");
  await page.getByLabel("Video call link").fill("https://meet.example.com/lin-wei");
  await page.getByRole("checkbox", { name: "Rui Costa" }).check();
  await expectNoSeriousViolations(page);
  await page.screenshot({ path: "test-results/calendar/schedule-form.png", fullPage: true });
  await page.getByRole("button", { name: "Schedule" }).click();
  await expect(page.getByText(/Scheduled Rui Costa\./)).toBeVisible();
  await expect(page.getByText(/45 min · set in Europe\/London/)).toBeVisible();

  // The interviewer and the candidate each receive a METHOD:REQUEST invite for the same event.
  const invitesOf = (to: string) =>
    smtp.received.filter(
      (m) => m.to.includes(to) && m.calendars.some((c) => c.method === "REQUEST"),
    );
  await expect
    .poll(() => invitesOf("rui@example.com").length + invitesOf("lin@example.org").length, {
      timeout: 20_000,
    })
    .toBe(2);
  const expectedStart = zonedInputToIso(local, "Europe/London");
  const uids = new Set<string>();
  for (const to of ["rui@example.com", "lin@example.org"]) {
    const ics = invitesOf(to)[0]?.calendars[0]?.ics ?? "";
    const event = new ICAL.Event(
      ICAL.Component.fromString(ics).getFirstSubcomponent("vevent") ?? undefined,
    );
    expect(event.startDate.toJSDate().toISOString()).toBe(expectedStart);
    expect(event.duration.toSeconds()).toBe(45 * 60);
    expect(event.location).toBe("https://meet.example.com/lin-wei");
    uids.add(event.uid);
  }
  expect(uids.size).toBe(1);

  // Three days later by the test clock: the interview is over and no scorecard came. Moving the
  // clock fires the reminders schedule, and the interviewer's reminder arrives.
  const moved = await admin<{ now: string }>("POST", "/api/admin/test-clock", {
    advanceMinutes: 3 * 24 * 60,
  });
  expect(new Date(moved.now).getTime()).toBeGreaterThan(Date.parse(expectedStart ?? ""));
  const reminderTo = () =>
    smtp.received.find(
      (m) =>
        m.to.includes("rui@example.com") && m.subject === "Your scorecard for Lin Wei is waiting",
    );
  await expect.poll(() => reminderTo() !== undefined, { timeout: 30_000 }).toBe(true);
  const link = /https?:\/\/\S+\/interviews\/[0-9a-f-]{36}/.exec(reminderTo()?.decoded ?? "")?.[0];
  expect(link, "the reminder links to the interview").toBeDefined();

  // The link opens Rui's kit on his phone.
  await rui.page.goto(new URL(link ?? "").pathname);
  await expect(rui.page.getByRole("heading", { level: 1 })).toContainText("Lin Wei");

  // Rui also subscribes to his interviews: the feed link is shown once and serves the event.
  await rui.page.goto("/settings/calendar");
  await rui.page.getByRole("button", { name: "Make a feed link" }).click();
  const feedUrl = await rui.page.getByLabel("Calendar feed link").inputValue();
  await expectNoSeriousViolations(rui.page);
  await rui.page.screenshot({ path: "test-results/calendar/feed-phone.png", fullPage: true });
  const feed = await (await browser.newContext()).request.get(new URL(feedUrl).pathname);
  expect(feed.status()).toBe(200);
  expect(await feed.text()).toContain(`UID:${[...uids][0] ?? ""}`);
});
