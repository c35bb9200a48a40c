import { sql } from "drizzle-orm";
import { queryRows } from "../../db/raw-query.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildHiringWorld,
  completeScorecard,
  expectStatus,
} from "../../test-support/hiring-world.js";
import type { THiringWorld } from "../../test-support/hiring-world.js";
import { errorOf } from "../../test-support/http-agent.js";
import { unzip } from "../../test-support/zip-entries.js";
import { multipartBody } from "../../test-support/multipart-body.js";
import { buildResumePdf } from "../../test-support/resume-fixtures.js";
import { createTestApp, testDatabaseKinds } from "../../test-support/test-app.js";
import type { TTestContext } from "../../test-support/test-app.js";
import { sendRestApiAssessment } from "../../test-support/assessment-world.js";
import { retentionSweepJob } from "./retention-sweep.job.js";

type TCandidateBody = {
  candidate: {
    id: string;
    name: string;
    email: string | null;
    phone: string | null;
    notes: string | null;
    erasedAt: string | null;
    contactVisible: boolean;
  };
};

describe.each(testDatabaseKinds())("candidates' personal data on %s", (kind) => {
  let ctx: TTestContext;
  let w: THiringWorld;
  let counter = 0;

  beforeAll(async () => {
    ctx = await createTestApp(kind);
    w = await buildHiringWorld(ctx.app);
  });
  afterAll(async () => ctx.close());

  /** A candidate of the recruiter's with contact details, notes, a résumé and an application. */
  async function personOnFile(stageKind = "technical-screen") {
    counter += 1;
    const email = `privacy.person${counter}@example.org`;
    const name = `Privacy Person ${counter}`;
    const phone = `+44 20 7946 ${String(1000 + counter)}`;
    const candidate = expectStatus(
      await w.recruiterOn.agent.post("/api/candidates", {
        name,
        email,
        phone,
        notes: `Met ${name} at DjangoCon; phone after 5pm.`,
        lawfulBasis: "consent",
      }),
      201,
    ).json<TCandidateBody>().candidate;
    const application = expectStatus(
      await w.recruiterOn.agent.post("/api/applications", {
        candidateId: candidate.id,
        roleId: w.role.id,
        stageId: w.stage(stageKind).id,
      }),
      201,
    ).json<{ application: { id: string } }>().application;
    const pdf = await buildResumePdf([
      name,
      email,
      { heading: "Experience" },
      { bullet: "Six years of Django and PostgreSQL." },
    ]);
    expectStatus(
      await w.recruiterOn.agent.request({
        method: "POST",
        url: `/api/candidates/${candidate.id}/resume`,
        ...multipartBody([{ field: "file", filename: `${name}.pdf`, bytes: pdf }]),
      }),
      201,
    );
    return { id: candidate.id, applicationId: application.id, name, email, phone };
  }

  it("records the lawful basis with the notice in force when the team adds a candidate", async () => {
    expectStatus(
      await w.admin.put("/api/privacy/settings", {
        privacyNoticeUrl: "https://example.org/privacy",
        retentionMonths: null,
      }),
      200,
    );
    const person = await personOnFile();
    const consents = expectStatus(
      await w.recruiterOn.agent.get(`/api/candidates/${person.id}/consents`),
      200,
    ).json<{ consents: Record<string, unknown>[] }>().consents;
    expect(consents).toEqual([
      expect.objectContaining({
        lawfulBasis: "consent",
        source: "team_form",
        noticeUrl: "https://example.org/privacy",
        recordedBy: { id: w.recruiterOn.userId, name: expect.any(String) as string },
      }),
    ]);
    // A recruiter off the role cannot see the candidate, so not their consent records either.
    expectStatus(await w.recruiterOff.agent.get(`/api/candidates/${person.id}/consents`), 404);
  });

  it("asks the candidate to acknowledge the notice on Start and records their consent", async () => {
    const person = await personOnFile("practical-assessment");
    const sent = await sendRestApiAssessment(w.recruiterOn.agent, person.applicationId);
    const shown = expectStatus(await w.anonymous.get(`/api/portal/${sent.token}`), 200).json<{
      assessment: { privacyNoticeUrl: string | null };
    }>().assessment;
    expect(shown.privacyNoticeUrl).toBe("https://example.org/privacy");
    const unacknowledged = await w.anonymous.post(`/api/portal/${sent.token}/start`);
    expect(unacknowledged.statusCode).toBe(400);
    expect(errorOf(unacknowledged).fields?.[0]?.field).toBe("acknowledgedNotice");
    expectStatus(
      await w.anonymous.post(`/api/portal/${sent.token}/start`, { acknowledgedNotice: true }),
      200,
    );
    const consents = expectStatus(
      await w.admin.get(`/api/candidates/${person.id}/consents`),
      200,
    ).json<{ consents: Record<string, unknown>[] }>().consents;
    expect(consents.at(-1)).toMatchObject({
      lawfulBasis: "consent",
      source: "assessment",
      noticeUrl: "https://example.org/privacy",
      recordedBy: null,
    });
  });

  it("records a consent for every candidate a CSV import brings", async () => {
    const csv = `name,email\nImported Ines,imported.ines.${kind}@example.org\n`;
    const report = expectStatus(
      await w.recruiterOn.agent.post("/api/candidates/import", { csv }),
      200,
    ).json<{ rows: { candidateId: string | null }[] }>();
    const candidateId = report.rows[0]?.candidateId ?? "";
    const consents = expectStatus(
      await w.admin.get(`/api/candidates/${candidateId}/consents`),
      200,
    ).json<{ consents: { source: string; lawfulBasis: string }[] }>().consents;
    expect(consents).toEqual([
      expect.objectContaining({ source: "csv_import", lawfulBasis: "legitimate_interest" }),
    ]);
  });

  it("refuses settings that are not a link or a sensible period, naming the field", async () => {
    const bad = await w.admin.put("/api/privacy/settings", {
      privacyNoticeUrl: "javascript:alert(1)",
      retentionMonths: 0,
    });
    expect(bad.statusCode).toBe(400);
    expect(
      errorOf(bad)
        .fields?.map((f) => f.field)
        .sort(),
    ).toEqual(["privacyNoticeUrl", "retentionMonths"]);
  });

  it("keeps the résumé from a hiring manager who sees the candidate only as their interviewer", async () => {
    const person = await personOnFile();
    // The other team's hiring manager, on our panel: they see the candidate's name, not their
    // contact details, and the résumé carries those.
    const { role } = expectStatus(await w.admin.get(`/api/roles/${w.role.id}`), 200).json<{
      role: { team: { userId: string; teamRole: string }[] };
    }>();
    expectStatus(
      await w.admin.put(`/api/roles/${w.role.id}/team`, {
        members: [
          ...role.team.map((m) => ({ userId: m.userId, teamRole: m.teamRole })),
          { userId: w.otherTeam.manager.userId, teamRole: "interviewer" },
        ],
      }),
      200,
    );
    await w.schedule(person.applicationId, "technical-screen", [w.otherTeam.manager.userId]);
    const panelist = w.otherTeam.manager.agent;
    const shown = expectStatus(await panelist.get(`/api/candidates/${person.id}`), 200).json<{
      candidate: { contactVisible: boolean; email: string | null };
    }>().candidate;
    expect(shown).toMatchObject({ contactVisible: false, email: null });
    for (const url of [
      `/api/candidates/${person.id}/resume`,
      `/api/candidates/${person.id}/resume/file`,
    ]) {
      const refused = await panelist.get(url);
      expect(refused.statusCode).toBe(403);
      expect(refused.body).not.toContain(person.email);
    }
    // Their own role's manager still reads it.
    expectStatus(await w.managerOn.agent.get(`/api/candidates/${person.id}/resume`), 200);
  });

  it("keeps an access trail of contact and résumé views, for admins only", async () => {
    const person = await personOnFile();
    expectStatus(await w.recruiterOn.agent.get(`/api/candidates/${person.id}`), 200);
    expectStatus(await w.managerOn.agent.get(`/api/candidates/${person.id}/resume`), 200);
    expectStatus(await w.managerOn.agent.get(`/api/candidates/${person.id}/resume/file`), 200);
    expectStatus(
      await w.recruiterOn.agent.get(`/api/applications/${person.applicationId}/screening`),
      200,
    );
    // Lists carry contact details but are not views of one person: no trail rows for them.
    expectStatus(await w.recruiterOn.agent.get("/api/candidates?limit=50"), 200);
    const trail = expectStatus(
      await w.admin.get(`/api/candidates/${person.id}/access-trail`),
      200,
    ).json<{ events: { kind: string; user: { id: string } | null }[] }>().events;
    expect(trail.map((e) => [e.kind, e.user?.id])).toEqual([
      ["resume_text", w.recruiterOn.userId],
      ["resume_file", w.managerOn.userId],
      ["resume_text", w.managerOn.userId],
      ["contact", w.recruiterOn.userId],
    ]);
    expectStatus(await w.recruiterOn.agent.get(`/api/candidates/${person.id}/access-trail`), 403);
  });

  it("records every view of contact details, also those the read cache answers, and shows edits at once", async () => {
    const person = await personOnFile();
    const first = expectStatus(await w.managerOn.agent.get(`/api/candidates/${person.id}`), 200);
    const second = expectStatus(await w.managerOn.agent.get(`/api/candidates/${person.id}`), 200);
    expect(second.body).toBe(first.body);
    const trail = expectStatus(
      await w.admin.get(`/api/candidates/${person.id}/access-trail`),
      200,
    ).json<{ events: { kind: string; user: { id: string } | null }[] }>().events;
    expect(
      trail.filter((e) => e.kind === "contact" && e.user?.id === w.managerOn.userId),
    ).toHaveLength(2);
    // An edit moves the data version: the next read is the new record, not the cached one.
    expectStatus(
      await w.recruiterOn.agent.patch(`/api/candidates/${person.id}`, {
        phone: "+44 20 7946 0999",
      }),
      200,
    );
    const edited = expectStatus(
      await w.managerOn.agent.get(`/api/candidates/${person.id}`),
      200,
    ).json<{ candidate: { phone: string | null } }>().candidate;
    expect(edited.phone).toBe("+44 20 7946 0999");
  });

  it("does not record a view when the caller is not shown contact details", async () => {
    const before = expectStatus(
      await w.admin.get(`/api/candidates/${w.main.candidateId}/access-trail`),
      200,
    ).json<{ events: unknown[] }>().events.length;
    const seen = expectStatus(
      await w.interviewerA.agent.get(`/api/candidates/${w.main.candidateId}`),
      200,
    ).json<TCandidateBody>().candidate;
    expect(seen.contactVisible).toBe(false);
    const after = expectStatus(
      await w.admin.get(`/api/candidates/${w.main.candidateId}/access-trail`),
      200,
    ).json<{ events: unknown[] }>().events.length;
    expect(after).toBe(before);
  });

  it("exports everything held about a candidate as a zip, and audits the export", async () => {
    const person = await personOnFile();
    expectStatus(
      await w.managerOn.agent.post(`/api/applications/${person.applicationId}/notes`, {
        body: "Strong on migrations; ask about on-call next time.",
      }),
      201,
    );
    const response = expectStatus(await w.admin.get(`/api/candidates/${person.id}/export`), 200);
    expect(response.headers["content-type"]).toBe("application/zip");
    const files = await unzip(response.rawPayload);
    const document = JSON.parse(files.get("candidate.json")?.toString("utf8") ?? "{}") as {
      candidate: { name: string; email: string; notes: string };
      applications: { id: string }[];
      stageHistory: unknown[];
      consents: unknown[];
      resumes: { text: string }[];
      teamNotes: { applicationId: string; body: string }[];
      files: { path: string; kind: string }[];
    };
    expect(document.candidate).toMatchObject({ name: person.name, email: person.email });
    expect(document.teamNotes).toEqual([
      expect.objectContaining({
        applicationId: person.applicationId,
        body: "Strong on migrations; ask about on-call next time.",
      }),
    ]);
    expect(document.applications.map((a) => a.id)).toEqual([person.applicationId]);
    expect(document.stageHistory.length).toBeGreaterThan(0);
    expect(document.consents).toHaveLength(1);
    expect(document.resumes[0]?.text).toContain("Six years of Django");
    const resumeFile = document.files.find((f) => f.kind === "resume");
    expect(resumeFile && files.get(resumeFile.path)?.subarray(0, 4).toString()).toBe("%PDF");
    const audit = expectStatus(
      await w.admin.get("/api/audit?action=candidate.exported"),
      200,
    ).json<{ events: { entityId: string; after: unknown }[] }>().events;
    expect(audit[0]).toMatchObject({ entityId: person.id, after: { files: 1 } });
    expectStatus(await w.admin.get(`/api/candidates/${crypto.randomUUID()}/export`), 404);
  });

  it("erases a candidate's personal data everywhere and keeps an anonymous record that still counts", async () => {
    const person = await personOnFile();
    // Scored by interviewer A, so there is a rating to keep.
    const [interview] = await w.schedule(person.applicationId, "technical-screen", [
      w.interviewerA.userId,
    ]);
    const kit = expectStatus(
      await w.interviewerA.agent.get(`/api/interviews/${interview?.id}/kit`),
      200,
    ).json<Parameters<typeof completeScorecard>[0]>();
    const draft = expectStatus(
      await w.interviewerA.agent.put(`/api/interviews/${interview?.id}/scorecard/draft`, {
        revision: 0,
        ...completeScorecard(kit, 4, "strong_yes"),
        keyTakeaways: `${person.name} explained select_related clearly.`,
      }),
      200,
    ).json<{ scorecard: { revision: number } }>().scorecard;
    expectStatus(
      await w.interviewerA.agent.post(`/api/interviews/${interview?.id}/scorecard/submit`, {
        revision: draft.revision,
      }),
      200,
    );
    // A team note that names them and mentions a colleague (who gets a notification).
    expectStatus(
      await w.admin.post(`/api/applications/${person.applicationId}/notes`, {
        body: `${person.name} (${person.email}) asked to move the call; @rec.on can you?`,
      }),
      201,
    );
    const counts = async () =>
      expectStatus(await w.admin.get("/api/dashboard"), 200)
        .json<{ roles: { id: string; stages: { activeApplications: number }[] }[] }>()
        .roles.find((r) => r.id === w.role.id)
        ?.stages.map((s) => s.activeApplications);
    const ratings = async () =>
      expectStatus(await w.admin.get(`/api/applications/${person.applicationId}/scorecards`), 200)
        .json<{
          scorecards: { recommendation: string | null; competencyRatings: object }[];
        }>()
        .scorecards.map((s) => [s.recommendation, s.competencyRatings]);
    const countsBefore = await counts();
    const ratingsBefore = await ratings();

    const wrongName = await w.admin.post(`/api/candidates/${person.id}/erase`, {
      confirmName: "Someone Else",
      reason: "Asked us to delete their data.",
    });
    expect(wrongName.statusCode).toBe(400);
    expect(errorOf(wrongName).fields?.[0]?.field).toBe("confirmName");
    const namedReason = await w.admin.post(`/api/candidates/${person.id}/erase`, {
      confirmName: person.name,
      reason: `${person.name} asked us to delete their data.`,
    });
    expect(errorOf(namedReason).fields?.[0]?.field).toBe("reason");
    expectStatus(
      await w.recruiterOn.agent.post(`/api/candidates/${person.id}/erase`, {
        confirmName: person.name,
        reason: "Asked us to delete their data.",
      }),
      403,
    );

    const erased = expectStatus(
      await w.admin.post(`/api/candidates/${person.id}/erase`, {
        confirmName: person.name.toUpperCase(),
        reason: "Asked us by e-mail to delete their data.",
      }),
      200,
    ).json<{ removed: { resumes: number; auditPayloads: number } }>();
    expect(erased.removed.resumes).toBe(1);
    expect(erased.removed.auditPayloads).toBeGreaterThan(0);

    const shown = expectStatus(
      await w.admin.get(`/api/candidates/${person.id}`),
      200,
    ).json<TCandidateBody>().candidate;
    expect(shown.name).toBe(`Erased candidate #${person.id.slice(0, 8)}`);
    expect(shown).toMatchObject({ phone: null, notes: null });
    expect(shown.erasedAt).not.toBeNull();
    expectStatus(await w.admin.get(`/api/candidates/${person.id}/resume`), 404);
    expect(await counts()).toEqual(countsBefore);
    expect(await ratings()).toEqual(ratingsBefore);

    // No table still holds the e-mail, the name, the phone or the notes: every text-like column
    // of every table is searched, so a table added later is covered too.
    const columns = await ctx.handle.db.execute(
      sql`select table_name, column_name from information_schema.columns
          where table_schema = 'public' and data_type in ('text', 'jsonb', 'character varying')`,
    );
    const leftovers: string[] = [];
    for (const { table_name, column_name } of rowsOf<{ table_name: string; column_name: string }>(
      columns,
    )) {
      for (const needle of [person.email, person.name, person.phone]) {
        const found = await ctx.handle.db.execute(
          sql`select count(*)::int as n from ${sql.identifier(table_name)}
              where position(${needle} in ${sql.identifier(column_name)}::text) > 0`,
        );
        if ((rowsOf<{ n: number }>(found)[0]?.n ?? 0) > 0)
          leftovers.push(`${table_name}.${column_name} holds ${needle}`);
      }
    }
    expect(leftovers).toEqual([]);

    const again = await w.admin.post(`/api/candidates/${person.id}/erase`, {
      confirmName: shown.name,
      reason: "Asked us to delete their data.",
    });
    expect(again.statusCode).toBe(409);
    const audit = expectStatus(await w.admin.get("/api/audit?action=candidate.erased"), 200).json<{
      events: { entityId: string; actorUserId: string; after: { reason: string } }[];
    }>().events;
    expect(audit.find((e) => e.entityId === person.id)).toMatchObject({
      after: { reason: "Asked us by e-mail to delete their data." },
    });
    expectStatus(
      await w.recruiterOn.agent.patch(`/api/candidates/${person.id}`, { notes: "Back again" }),
      409,
    );
    const twin = expectStatus(
      await w.admin.post("/api/candidates", { name: "Twin", email: `twin.${kind}@example.org` }),
      201,
    ).json<TCandidateBody>().candidate;
    const merge = await w.admin.post(`/api/candidates/${twin.id}/merge`, {
      intoCandidateId: person.id,
    });
    expect(merge.statusCode).toBe(409);
    expect(errorOf(merge).message).toMatch(/erased/);
  });

  it("previews and then applies the retention rule, once per day however often it is enqueued", async () => {
    const person = await personOnFile("resume-screen");
    expectStatus(
      await w.recruiterOn.agent.post(`/api/applications/${person.applicationId}/reject`, {
        reason: "Not enough Django experience yet.",
      }),
      200,
    );
    const dueIds = async (query: string) =>
      expectStatus(await w.admin.get(`/api/privacy/retention/preview${query}`), 200)
        .json<{ due: { candidateId: string }[] }>()
        .due.map((d) => d.candidateId);
    expect(await dueIds("?months=12")).not.toContain(person.id);
    await ctx.handle.db.execute(
      sql`update application_stage_events set at = now() - interval '13 months'
          where application_id = ${person.applicationId}`,
    );
    expect(await dueIds("?months=12")).toContain(person.id);
    expect(await dueIds("?months=24")).not.toContain(person.id);
    // Off: the sweep does nothing and the preview without months says so.
    expect(await ctx.services.candidateErasureService.runRetentionSweep()).toEqual({
      months: null,
      erased: 0,
    });
    expectStatus(
      await w.admin.put("/api/privacy/settings", {
        privacyNoticeUrl: "https://example.org/privacy",
        retentionMonths: 12,
      }),
      200,
    );
    expect(await dueIds("")).toContain(person.id);

    // The sweep is a pg-boss cron schedule, declared with its queue: once a day across processes.
    const [scheduled] = await queryRows<{ cron: string }>(
      ctx.handle.db,
      sql`select cron from pgboss.schedule where name = ${retentionSweepJob.name}`,
    );
    expect(scheduled?.cron).toBe("17 3 * * *");

    const swept = await ctx.services.candidateErasureService.runRetentionSweep();
    expect(swept.erased).toBeGreaterThanOrEqual(1);
    const shown = expectStatus(
      await w.admin.get(`/api/candidates/${person.id}`),
      200,
    ).json<TCandidateBody>().candidate;
    expect(shown.erasedAt).not.toBeNull();
    expect(await dueIds("")).not.toContain(person.id);
    // An active candidate is never due.
    expect(await dueIds("")).not.toContain(w.main.candidateId);
    expectStatus(
      await w.admin.put("/api/privacy/settings", {
        privacyNoticeUrl: "https://example.org/privacy",
        retentionMonths: null,
      }),
      200,
    );
  });

  it("reports how long statements waited for the database in /metrics", async () => {
    const response = expectStatus(
      await ctx.app.inject({ method: "GET", url: "/metrics", remoteAddress: "127.0.0.1" }),
      200,
    );
    const count = /^shortlist_database_wait_seconds_count (\d+)/m.exec(response.body);
    expect(Number(count?.[1] ?? 0)).toBeGreaterThan(0);
    expect(response.body).toContain('shortlist_database_wait_seconds_bucket{le="0.001"}');
  });
});

/** node-postgres answers `{ rows }`, PGlite's driver the same through drizzle; both handled. */
function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as T[];
}
