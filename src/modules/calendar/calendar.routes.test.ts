import { afterAll, beforeAll, describe, expect, it } from "vitest";
import ICAL from "ical.js";
import { buildHiringWorld, expectStatus } from "../../test-support/hiring-world.js";
import type { THiringWorld } from "../../test-support/hiring-world.js";
import { createTestApp, TEST_PUBLIC_URL, testDatabaseKinds } from "../../test-support/test-app.js";
import type { TTestContext } from "../../test-support/test-app.js";

type TFeed = { feed: { active: boolean; url: string } };

describe.each(testDatabaseKinds())("calendar feeds on %s", (kind) => {
  let ctx: TTestContext;
  let w: THiringWorld;
  beforeAll(async () => {
    ctx = await createTestApp(kind);
    w = await buildHiringWorld(ctx.app);
  });
  afterAll(async () => ctx.close());

  // The feed is fetched without a session, as a calendar app would.
  const fetchFeed = (url: string) =>
    ctx.app.inject({ method: "GET", url: url.replace(TEST_PUBLIC_URL, "") });

  it("serves a person's own interviews to whoever holds the URL, until it is replaced or revoked", async () => {
    expect(
      expectStatus(await w.interviewerA.agent.get("/api/me/calendar-feed"), 200).json<TFeed>().feed
        .active,
    ).toBe(false);
    const made = expectStatus(
      await w.interviewerA.agent.post("/api/me/calendar-feed"),
      201,
    ).json<TFeed>().feed;
    expect(made.url).toMatch(
      new RegExp(`^${TEST_PUBLIC_URL}/api/calendar/slcal_[\\w-]+/interviews\\.ics$`),
    );

    const response = await fetchFeed(made.url);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("text/calendar; charset=utf-8");
    const calendar = ICAL.Component.fromString(response.body);
    const uids = calendar
      .getAllSubcomponents("vevent")
      .map((e) => String(e.getFirstPropertyValue("uid")));
    // A's interview on the main application is there; B's, on the same panel, is not.
    expect(uids).toContain(`interview-${w.interviewA}@shortlist`);
    expect(uids).not.toContain(`interview-${w.interviewB}@shortlist`);
    // A feed invites no one: no method, no attendees.
    expect(calendar.getFirstPropertyValue("method")).toBeNull();
    expect(response.body).not.toContain("ATTENDEE");

    // A new URL revokes the old one at once.
    const again = expectStatus(
      await w.interviewerA.agent.post("/api/me/calendar-feed"),
      201,
    ).json<TFeed>().feed;
    expect((await fetchFeed(made.url)).statusCode).toBe(404);
    expect((await fetchFeed(again.url)).statusCode).toBe(200);

    expectStatus(await w.interviewerA.agent.delete("/api/me/calendar-feed"), 200);
    expect((await fetchFeed(again.url)).statusCode).toBe(404);
    expect((await w.interviewerA.agent.delete("/api/me/calendar-feed")).statusCode).toBe(404);
  });
});
