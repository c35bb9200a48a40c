import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildHiringWorld, expectStatus } from "../../test-support/hiring-world.js";
import { pollUntil, sendRestApiAssessment } from "../../test-support/assessment-world.js";
import { errorOf, inviteAndAccept, setupAdmin } from "../../test-support/http-agent.js";
import type { HttpAgent } from "../../test-support/http-agent.js";
import { createTestApp, testDatabaseKinds } from "../../test-support/test-app.js";
import type { TTestContext } from "../../test-support/test-app.js";
import { startTestSmtpServer } from "../../test-support/test-smtp-server.js";
import { NO_SMTP_ERROR } from "./mail.service.js";
import ICAL from "ical.js";
import { MAIL_KINDS } from "../../db/schema/index.js";

type TMessage = {
  id: string;
  kind: string;
  to: string;
  subject: string;
  text: string;
  status: string;
  attempts: number;
  lastError: string | null;
};
type TOutbox = { messages: TMessage[]; total: number; nextCursor: string | null };

const outbox = async (admin: HttpAgent, query = "") =>
  expectStatus(await admin.get(`/api/mail/outbox${query}`), 200).json<TOutbox>();

const messageTo = (admin: HttpAgent, to: string, done: (m: TMessage) => boolean) =>
  pollUntil(
    async () => (await outbox(admin, "?limit=100")).messages.find((m) => m.to === to),
    (m) => m !== undefined && done(m),
    10_000,
  ) as Promise<TMessage>;

async function invite(admin: HttpAgent, email: string) {
  return expectStatus(
    await admin.post("/api/invites", { email, name: "Grace Hopper", role: "interviewer" }),
    201,
  ).json<{ inviteUrl: string }>().inviteUrl;
}

describe.each(testDatabaseKinds())("e-mail on %s", (kind) => {
  describe("with a real SMTP server on loopback", () => {
    let ctx: TTestContext;
    let smtp: Awaited<ReturnType<typeof startTestSmtpServer>>;
    let w: Awaited<ReturnType<typeof buildHiringWorld>>;
    beforeAll(async () => {
      smtp = await startTestSmtpServer("accept");
      ctx = await createTestApp(kind, {
        withWorker: true,
        mail: { smtpUrl: smtp.url, from: "Shortlist <hiring@example.com>", sendTimeoutMs: 3000 },
      });
      w = await buildHiringWorld(ctx.app);
    });
    afterAll(async () => {
      await ctx.close();
      await smtp.close();
    });

    it("delivers a team invite with its link, and the outbox says sent", async () => {
      const admin = w.admin;
      const inviteUrl = await invite(admin, "grace@example.com");
      const mail = await pollUntil(
        () => Promise.resolve(smtp.received.find((m) => m.to.includes("grace@example.com"))),
        (m) => m !== undefined,
        10_000,
      );
      expect(mail?.from).toBe("hiring@example.com");
      expect(mail?.decoded).toMatch(/^Subject: Ada Admin invited you to Shortlist$/m);
      expect(mail?.decoded).toContain(inviteUrl);
      expect(mail?.decoded).toContain(`<a href="${inviteUrl}">`);
      const sent = await messageTo(admin, "grace@example.com", (m) => m.status === "sent");
      expect(sent).toMatchObject({ kind: "team_invite", attempts: 1, lastError: null });
    });

    it("sends the candidate the assessment link", async () => {
      const { candidateUrl } = await sendRestApiAssessment(
        w.recruiterOn.agent,
        w.main.applicationId,
      );
      const candidate = expectStatus(
        await w.admin.get(`/api/candidates/${w.main.candidateId}`),
        200,
      ).json<{ candidate: { email: string } }>().candidate;
      const mail = await pollUntil(
        () =>
          Promise.resolve(
            smtp.received.find(
              (m) => m.to.includes(candidate.email) && m.subject.startsWith("Your practical"),
            ),
          ),
        (m) => m !== undefined,
        10_000,
      );
      expect(mail?.subject).toBe("Your practical assessment for Senior Django Engineer — Payments");
      expect(mail?.decoded).toContain(candidateUrl);
      const sent = await messageTo(
        w.admin,
        candidate.email,
        (m) => m.kind === "assessment_link" && m.status === "sent",
      );
      expect(sent.attempts).toBe(1);
    });

    it("sends the interviewer and the candidate one calendar invite, then its update and its cancel", async () => {
      const fresh = await w.newApplication("technical-screen");
      const candidate = expectStatus(
        await w.admin.get(`/api/candidates/${fresh.candidateId}`),
        200,
      ).json<{ candidate: { email: string } }>().candidate;
      const interviewer = { email: "int.a@example.com" };
      const when = new Date(Date.now() + 3 * 86_400_000);
      when.setUTCHours(14, 0, 0, 0);
      const [interview] = expectStatus(
        await w.recruiterOn.agent.post(`/api/applications/${fresh.applicationId}/interviews`, {
          stageId: w.stage("technical-screen").id,
          interviewerIds: [w.interviewerA.userId],
          scheduledAt: when.toISOString(),
          durationMinutes: 50,
          timeZone: "America/New_York",
          meetingUrl: "https://meet.example.com/abc-defg",
        }),
        201,
      ).json<{ interviews: { id: string }[] }>().interviews;
      const uid = `UID:interview-${interview?.id ?? ""}@shortlist`;
      const invitesFor = (method: string) =>
        pollUntil(
          () =>
            Promise.resolve(
              smtp.received.filter((m) =>
                m.calendars.some((c) => c.method === method && c.ics.includes(uid)),
              ),
            ),
          (found) => found.length === 2,
          10_000,
        );
      const invites = await invitesFor("REQUEST");
      expect(invites.flatMap((m) => m.to).sort()).toEqual(
        [candidate.email, interviewer.email].sort(),
      );
      const event = ICAL.Component.fromString(
        invites[0]?.calendars[0]?.ics ?? "",
      ).getFirstSubcomponent("vevent");
      const parsed = new ICAL.Event(event ?? undefined);
      expect(parsed.startDate.toJSDate().toISOString()).toBe(when.toISOString());
      expect(parsed.duration.toSeconds()).toBe(50 * 60);
      expect(parsed.sequence).toBe(0);
      expect(parsed.location).toBe("https://meet.example.com/abc-defg");
      expect(parsed.attendees.map((a) => String(a.getFirstValue()).toLowerCase()).sort()).toEqual(
        [`mailto:${candidate.email}`, `mailto:${interviewer.email}`].sort(),
      );
      // The mail states the time as the zone it was set in reads it: 14:00 UTC is 09:00 in New York.
      expect(invites[0]?.decoded).toContain("09:00 (America/New_York)");

      const moved = new Date(when.getTime() + 86_400_000);
      expectStatus(
        await w.recruiterOn.agent.patch(`/api/interviews/${interview?.id ?? ""}`, {
          scheduledAt: moved.toISOString(),
        }),
        200,
      );
      const sequences = await pollUntil(
        () =>
          Promise.resolve(
            smtp.received
              .flatMap((m) => m.calendars)
              .filter((c) => c.ics.includes(uid) && /^SEQUENCE:1/m.test(c.ics)),
          ),
        (found) => found.length === 2,
        10_000,
      );
      expect(sequences[0]?.ics).toContain("METHOD:REQUEST");

      expectStatus(await w.recruiterOn.agent.delete(`/api/interviews/${interview?.id ?? ""}`), 200);
      const cancels = await invitesFor("CANCEL");
      expect(cancels[0]?.calendars[0]?.ics).toMatch(/^SEQUENCE:2/m);
      expect(cancels[0]?.calendars[0]?.ics).toMatch(/^STATUS:CANCELLED/m);
    });
  });

  describe.each(["refuse", "hang"] as const)("with an SMTP server that %ss", (behaviour) => {
    let ctx: TTestContext;
    let smtp: Awaited<ReturnType<typeof startTestSmtpServer>>;
    beforeAll(async () => {
      smtp = await startTestSmtpServer(behaviour);
      ctx = await createTestApp(kind, {
        withWorker: true,
        mail: { smtpUrl: smtp.url, from: "hiring@example.com", sendTimeoutMs: 400 },
      });
    });
    afterAll(async () => {
      await ctx.close();
      await smtp.close();
    });

    it("keeps the message queued with the error, and retries it", async () => {
      const admin = await setupAdmin(ctx.app);
      const inviteUrl = await invite(admin, "linus@example.com");
      const first = await messageTo(admin, "linus@example.com", (m) => m.lastError !== null);
      expect(["queued", "sending"]).toContain(first.status);
      expect(first.lastError).toMatch(
        behaviour === "refuse" ? /550|Mailbox unavailable/ : /timeout|greeting/i,
      );
      expect(first.text).toContain(inviteUrl);
      // The queue's backoff tries again: the attempts grow, the message is still there.
      const later = await messageTo(admin, "linus@example.com", (m) => m.attempts >= 2);
      expect(later.status).not.toBe("sent");
      expect(smtp.received).toHaveLength(0);
    });
  });

  describe("without SMTP (the embedded default)", () => {
    let ctx: TTestContext;
    let admin: HttpAgent;
    beforeAll(async () => {
      ctx = await createTestApp(kind, { withWorker: true });
      admin = await setupAdmin(ctx.app);
    });
    afterAll(() => ctx.close());

    it("keeps the mail in the outbox, link included, for admins to read", async () => {
      const inviteUrl = await invite(admin, "margaret@example.com");
      const held = await messageTo(admin, "margaret@example.com", (m) => m.lastError !== null);
      expect(held).toMatchObject({
        status: "queued",
        lastError: NO_SMTP_ERROR,
        kind: "team_invite",
      });
      expect(held.text).toContain(inviteUrl);
      const full = expectStatus(await admin.get(`/api/mail/outbox/${held.id}`), 200).json<{
        message: { html: string };
      }>().message;
      expect(full.html).toContain(`<a href="${inviteUrl}">`);
      expect(
        expectStatus(await admin.post(`/api/mail/outbox/${held.id}/retry`, {}), 200).json<{
          message: TMessage;
        }>().message.status,
      ).toBe("queued");
    });

    it("pages the outbox newest first by keyset, with the total", async () => {
      for (const n of [1, 2, 3]) await invite(admin, `page${n}@example.com`);
      const first = await outbox(admin, "?limit=2");
      expect(first.messages).toHaveLength(2);
      expect(first.total).toBeGreaterThanOrEqual(4);
      expect(first.messages[0]?.to).toBe("page3@example.com");
      const seen = new Set(first.messages.map((m) => m.id));
      let cursor = first.nextCursor;
      while (cursor) {
        const page = await outbox(admin, `?limit=2&cursor=${cursor}`);
        for (const m of page.messages) {
          expect(seen.has(m.id)).toBe(false);
          seen.add(m.id);
        }
        cursor = page.nextCursor;
      }
      expect(seen.size).toBe(first.total);
      const bad = await admin.get("/api/mail/outbox?cursor=nonsense");
      expect(bad.statusCode).toBe(400);
      expect(errorOf(bad).fields?.[0]?.field).toBe("cursor");
    });

    it("refuses a template with unknown placeholders, naming them", async () => {
      const response = await admin.put("/api/mail/templates/team_invite", {
        subject: "Welcome {{inviteeName}} {{nickname}}",
        body: "Click {{link}} {{password}}",
      });
      expect(response.statusCode).toBe(400);
      const error = errorOf(response);
      expect(error.message).toContain("{{nickname}}");
      expect(error.message).toContain("{{password}}");
      expect(error.fields).toEqual([
        { field: "subject", message: "unknown placeholder {{nickname}}" },
        { field: "body", message: "unknown placeholder {{password}}" },
      ]);
    });

    it("previews with the HTML escaped, saves, uses the saved wording, and resets", async () => {
      const wording = {
        subject: "Join us, {{inviteeName}}",
        body: "<b>Hi</b> {{inviteeName}}\n\n{{link}}",
      };
      const preview = expectStatus(
        await admin.post("/api/mail/templates/team_invite/preview", wording),
        200,
      ).json<{ preview: { subject: string; html: string; text: string } }>().preview;
      expect(preview.subject).toBe("Join us, Ada Lovelace");
      expect(preview.html).toContain("&lt;b&gt;Hi&lt;/b&gt; Ada Lovelace");
      expect(preview.html).not.toContain("<b>");
      expect(preview.text).toContain("<b>Hi</b> Ada Lovelace");

      expectStatus(await admin.put("/api/mail/templates/team_invite", wording), 200);
      await invite(admin, "katherine@example.com");
      const mail = await messageTo(admin, "katherine@example.com", () => true);
      expect(mail.subject).toBe("Join us, Grace Hopper");

      const listed = expectStatus(await admin.get("/api/mail/templates"), 200).json<{
        templates: { kind: string; isDefault: boolean }[];
      }>().templates;
      // Every kind of mail is listed, in the schema's order.
      expect(listed.map((t) => t.kind)).toEqual([...MAIL_KINDS]);
      expect(listed.find((t) => t.kind === "team_invite")?.isDefault).toBe(false);
      const reset = expectStatus(await admin.delete("/api/mail/templates/team_invite"), 200).json<{
        template: { isDefault: boolean; subject: string };
      }>().template;
      expect(reset).toMatchObject({
        isDefault: true,
        subject: "{{inviterName}} invited you to Shortlist",
      });
    });

    it("is for admins only", async () => {
      const recruiter = await inviteAndAccept(ctx.app, admin, "rec@example.com", "recruiter");
      expect((await recruiter.agent.get("/api/mail/outbox")).statusCode).toBe(403);
      expect((await recruiter.agent.get("/api/mail/templates")).statusCode).toBe(403);
    });
  });
});
