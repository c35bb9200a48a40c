import { sql } from "drizzle-orm";
import yauzl from "yauzl";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  pollUntil,
  referenceZip,
  sendRestApiAssessment,
  uploadTo,
} from "../../test-support/assessment-world.js";
import { buildZip } from "../../test-support/grader-submissions.js";
import { buildHiringWorld, expectStatus } from "../../test-support/hiring-world.js";
import type { THiringWorld } from "../../test-support/hiring-world.js";
import { errorOf, HttpAgent } from "../../test-support/http-agent.js";
import { createTestApp, TEST_PUBLIC_URL, testDatabaseKinds } from "../../test-support/test-app.js";
import type { TTestContext } from "../../test-support/test-app.js";
import { startWebhookReceiver } from "../../test-support/webhook-receiver.js";

type TPortalPart = {
  position: number;
  pack: { title: string; submissionKind: string };
  instructions: string;
  timeLimitMinutes: number;
  state: string;
  startedAt: string | null;
  dueAt: string | null;
  submissions: {
    version: number;
    isLate: boolean;
    check: string;
    problem: string | null;
  }[];
};
type TPortal = {
  assessment: {
    candidateName: string;
    timing: string;
    timeLimitMinutes: number;
    startedAt: string | null;
    dueAt: string | null;
    parts: TPortalPart[];
  };
};
type TTeamPart = {
  id: string;
  position: number;
  pack: { id: string };
  state: string;
  timeLimitMinutes: number;
  startedAt: string | null;
  dueAt: string | null;
  submissions: {
    id: string;
    version: number;
    isLate: boolean;
    latestGrading: { id: string; status: string; score: number | null } | null;
  }[];
};
type TAssessment = {
  assessment: { id: string; state: string; timing: string; parts: TTeamPart[] };
};
/** The first (here: only) part's uploads, as the team and the candidate see them. */
const firstPart = <T extends { parts: unknown[] }>(a: T) => a.parts[0] as T["parts"][number];
type TGrading = {
  grading: {
    status: string;
    score: number | null;
    report: {
      score: number;
      status: string;
      integrity: { verdict: string };
      groups: { id: string; passed: number; total: number }[];
      timings: Record<string, number>;
    } | null;
    competencies: { competency: string; score: number | null }[];
  };
};

async function zipNames(buffer: Buffer): Promise<string[]> {
  const zip = await yauzl.fromBufferPromise(buffer, { lazyEntries: true });
  const names: string[] = [];
  await new Promise<void>((resolve, reject) => {
    zip.on("entry", (entry: yauzl.Entry) => {
      names.push(entry.fileName);
      zip.readEntry();
    });
    zip.on("end", () => resolve());
    zip.on("error", reject);
    zip.readEntry();
  });
  return names;
}

describe.each(testDatabaseKinds())("practical assessments on %s", (kind) => {
  // Two apps: one with the real worker for the end-to-end gradings, one without for everything
  // else, so bad-input tests do not each start a sandboxed grading.
  let graded: TTestContext;
  let quiet: TTestContext;
  let gw: THiringWorld;
  let w: THiringWorld;

  // An integration's endpoint on loopback: told of every finished grading, signed.
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let webhookSecret: string;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    [graded, quiet] = await Promise.all([
      createTestApp(kind, {
        withWorker: true,
        webhooks: { allowPrivateAddresses: true, timeoutMs: 5_000 },
      }),
      createTestApp(kind),
    ]);
    [gw, w] = await Promise.all([buildHiringWorld(graded.app), buildHiringWorld(quiet.app)]);
    webhookSecret = expectStatus(
      await gw.admin.post("/api/webhooks", { url: receiver.url, events: ["assessment.graded"] }),
      201,
    ).json<{ secret: string }>().secret;
  });
  afterAll(async () => Promise.all([graded.close(), quiet.close(), receiver.close()]));

  it("sends, the candidate starts, downloads, uploads the reference; the team sees a 100 report", async () => {
    const fresh = await gw.newApplication("practical-assessment");
    const packs = expectStatus(
      await gw.managerOn.agent.get(`/api/applications/${fresh.applicationId}/assessment-packs`),
      200,
    ).json<{ packs: { id: string; timeLimitMinutes: number; suitsRoleLevel: boolean }[] }>().packs;
    // Every pack is offered, those for the role's level first (the role is senior: all suit it).
    expect(packs.map((p) => p.id)).toEqual(
      expect.arrayContaining(["rest-api", "slow-query", "debug", "unit-tests", "architecture"]),
    );
    expect(packs.find((p) => p.id === "rest-api")).toMatchObject({ suitsRoleLevel: true });

    const sent = await sendRestApiAssessment(gw.managerOn.agent, fresh.applicationId);
    expect(sent.candidateUrl.startsWith(`${TEST_PUBLIC_URL}/assess/sla_`)).toBe(true);

    const candidate = new HttpAgent(graded.app);
    const opened = expectStatus(
      await candidate.get(`/api/portal/${sent.token}`),
      200,
    ).json<TPortal>();
    expect(opened.assessment).toMatchObject({
      candidateName: "Candidate 2",
      timing: "shared",
      timeLimitMinutes: 120,
      startedAt: null,
    });
    expect(opened.assessment.parts).toHaveLength(1);
    expect(opened.assessment.parts[0]).toMatchObject({ position: 1, submissions: [] });
    expect(opened.assessment.parts[0]?.instructions.length).toBeGreaterThan(200);

    // Uploading before Start is refused: the clock must run on the server.
    const early = await uploadTo(candidate, sent.token, "early.zip", await referenceZip());
    expect(early.statusCode).toBe(409);

    const started = expectStatus(
      await candidate.post(`/api/portal/${sent.token}/start`),
      200,
    ).json<TPortal>().assessment;
    expect(started.startedAt).not.toBeNull();
    const again = expectStatus(
      await candidate.post(`/api/portal/${sent.token}/start`),
      200,
    ).json<TPortal>().assessment;
    expect(again.startedAt).toBe(started.startedAt);

    const starter = expectStatus(
      await candidate.get(`/api/portal/${sent.token}/parts/1/starter.zip`),
      200,
    );
    expect(starter.headers["content-type"]).toBe("application/zip");
    expect(starter.headers["content-disposition"]).toContain("rest-api-starter.zip");
    const names = await zipNames(starter.rawPayload);
    expect(names).toContain("rest-api-starter/manage.py");
    expect(names.some((n) => n.includes("reference") || n.includes("hidden"))).toBe(false);

    const uploaded = expectStatus(
      await uploadTo(candidate, sent.token, "solution.zip", await referenceZip()),
      201,
    ).json<{ submission: { version: number; isLate: boolean } }>();
    expect(uploaded.submission).toMatchObject({ version: 1, isLate: false });

    const done = await pollUntil(
      async () =>
        expectStatus(
          await gw.managerOn.agent.get(`/api/assessments/${sent.assessmentId}`),
          200,
        ).json<TAssessment>().assessment,
      (a) =>
        ["graded", "error"].includes(firstPart(a)?.submissions[0]?.latestGrading?.status ?? ""),
      180_000,
    );
    const submission = firstPart(done)?.submissions[0];
    expect(submission?.latestGrading).toMatchObject({ status: "graded", score: 100 });
    // The endpoint subscribed to assessment.graded hears of it, signed, with the score.
    const told = await receiver.waitFor(
      (e) => e.type === "assessment.graded" && e.data.gradingId === submission?.latestGrading?.id,
    );
    expect(receiver.verify(told, webhookSecret).data).toMatchObject({
      assessmentId: sent.assessmentId,
      applicationId: fresh.applicationId,
      submissionId: submission?.id,
      packId: "rest-api",
      status: "graded",
      score: 100,
    });

    const report = expectStatus(
      await gw.managerOn.agent.get(`/api/gradings/${submission?.latestGrading?.id ?? ""}`),
      200,
    ).json<TGrading>().grading;
    expect(report.report).toMatchObject({ status: "graded", score: 100 });
    expect(report.report?.integrity.verdict).toBe("clean");
    expect(report.report?.groups.map((g) => g.id)).toContain("isolation");
    expect(report.report?.timings.total).toBeGreaterThan(0);
    expect(report.competencies).toContainEqual({
      competency: "security",
      name: "Security",
      groups: ["auth", "isolation"],
      score: 100,
    });

    // The candidate's files, browsable; an interviewer assigned elsewhere sees nothing.
    const files = expectStatus(
      await gw.managerOn.agent.get(`/api/submissions/${submission?.id ?? ""}/files`),
      200,
    ).json<{ files: { path: string }[] }>().files;
    expect(files.map((f) => f.path)).toContain("mine/tasks/views.py");
    const view = expectStatus(
      await gw.managerOn.agent.get(
        `/api/submissions/${submission?.id ?? ""}/file?path=${encodeURIComponent("mine/tasks/views.py")}`,
      ),
      200,
    ).json<{ shown: boolean; content: string }>();
    expect(view).toMatchObject({ shown: true });
    expect(view.content).toContain("class");
    expect(
      (await gw.recruiterOff.agent.get(`/api/assessments/${sent.assessmentId}`)).statusCode,
    ).toBe(404);

    // Re-grade is one click: a new grading row, graded again, the first report kept.
    const regrade = expectStatus(
      await gw.managerOn.agent.post(`/api/submissions/${submission?.id ?? ""}/regrade`),
      201,
    ).json<TGrading & { grading: { id: string } }>().grading;
    expect(regrade.status).toBe("queued");
    const regraded = await pollUntil(
      async () =>
        expectStatus(
          await gw.managerOn.agent.get(`/api/gradings/${regrade.id}`),
          200,
        ).json<TGrading>().grading,
      (g) => g.status === "graded" || g.status === "error",
      180_000,
    );
    expect(regraded).toMatchObject({ status: "graded", score: 100 });
  }, 400_000);

  it("scopes a token to its one assessment and to no hiring-team route", async () => {
    const first = await w.newApplication("practical-assessment");
    const second = await w.newApplication("practical-assessment");
    const a = await sendRestApiAssessment(w.recruiterOn.agent, first.applicationId);
    const b = await sendRestApiAssessment(w.recruiterOn.agent, second.applicationId);
    const candidate = new HttpAgent(quiet.app);

    const seen = expectStatus(await candidate.get(`/api/portal/${a.token}`), 200).json<TPortal>();
    expect(seen.assessment.candidateName).not.toBe(
      expectStatus(await candidate.get(`/api/portal/${b.token}`), 200).json<TPortal>().assessment
        .candidateName,
    );
    // Nothing in the portal takes an id, so a token cannot be pointed at another assessment.
    expect(JSON.stringify(seen)).not.toContain(a.assessmentId);
    expect(JSON.stringify(seen)).not.toContain(b.assessmentId);
    // A mangled or foreign-looking token is simply unknown.
    expect((await candidate.get(`/api/portal/${a.token.slice(0, -1)}x`)).statusCode).toBe(404);
    expect((await candidate.get(`/api/portal/${b.assessmentId}`)).statusCode).toBe(404);

    // The token is no credential anywhere else: not as a bearer token, not as a cookie.
    for (const url of [
      `/api/assessments/${a.assessmentId}`,
      `/api/applications/${first.applicationId}/assessments`,
      `/api/applications/${first.applicationId}`,
      "/api/applications",
      "/api/candidates",
    ]) {
      expect((await candidate.get(url)).statusCode).toBe(401);
      const bearer = await candidate.request({
        method: "GET",
        url,
        headers: { authorization: `Bearer ${a.token}` },
      });
      expect(bearer.statusCode).toBe(401);
      const cookie = await quiet.app.inject({
        method: "GET",
        url,
        headers: { cookie: `sl_session=${a.token}` },
      });
      expect(cookie.statusCode).toBe(401);
    }
    const send = await candidate.request({
      method: "POST",
      url: `/api/applications/${first.applicationId}/assessments`,
      payload: { packId: "rest-api", deadlineAt: new Date(Date.now() + 86_400_000).toISOString() },
      headers: { authorization: `Bearer ${a.token}` },
    });
    expect(send.statusCode).toBe(401);
  });

  it("accepts late work and marks it late; every version is kept and the newest counts", async () => {
    const fresh = await w.newApplication("practical-assessment");
    const sent = await sendRestApiAssessment(w.managerOn.agent, fresh.applicationId, {
      timeLimitMinutes: 60,
    });
    const candidate = new HttpAgent(quiet.app);
    expectStatus(await candidate.post(`/api/portal/${sent.token}/start`), 200);
    const zip = await referenceZip();
    expect(
      expectStatus(await uploadTo(candidate, sent.token, "v1.zip", zip), 201).json<{
        submission: { isLate: boolean };
      }>().submission.isLate,
    ).toBe(false);
    // Two hours pass: the hour is up.
    await quiet.handle.db.execute(
      sql`update assessments set started_at = now() - interval '2 hours' where id = ${sent.assessmentId}`,
    );
    const late = expectStatus(await uploadTo(candidate, sent.token, "v2.zip", zip), 201).json<
      TPortal & { submission: { version: number; isLate: boolean } }
    >();
    expect(late.submission).toMatchObject({ version: 2, isLate: true });
    expect(firstPart(late.assessment)?.submissions.map((s) => [s.version, s.isLate])).toEqual([
      [2, true],
      [1, false],
    ]);
    const team = expectStatus(
      await w.managerOn.agent.get(`/api/assessments/${sent.assessmentId}`),
      200,
    ).json<TAssessment>().assessment;
    expect(team.state).toBe("submitted");
    expect(firstPart(team)?.submissions.map((s) => s.isLate)).toEqual([true, false]);
    expect(firstPart(team)?.submissions[0]?.latestGrading?.status).toBe("queued");
  });

  it("refuses bad uploads with a clear 4xx and keeps what was there", async () => {
    const fresh = await w.newApplication("practical-assessment");
    const sent = await sendRestApiAssessment(w.managerOn.agent, fresh.applicationId);
    const candidate = new HttpAgent(quiet.app);
    expectStatus(await candidate.post(`/api/portal/${sent.token}/start`), 200);
    expectStatus(await uploadTo(candidate, sent.token, "good.zip", await referenceZip()), 201);

    const cases: [string, Buffer, number, RegExp][] = [
      ["notes.txt", Buffer.from("just some text, not a zip"), 400, /not a zip archive/],
      ["empty.zip", Buffer.alloc(0), 400, /empty/],
      ["nothing.zip", await buildZip([]), 400, /empty/],
      ["wrong.zip", await buildZip([{ name: "README.md", data: "hi" }]), 400, /manage\.py/],
      ["huge.zip", Buffer.alloc(5 * 1024 * 1024 + 10, 1), 413, /larger than 5 MB/],
    ];
    for (const [name, content, status, message] of cases) {
      const response = await uploadTo(candidate, sent.token, name, content);
      expect([name, response.statusCode]).toEqual([name, status]);
      expect(errorOf(response).message).toMatch(message);
    }
    const json = await candidate.post(`/api/portal/${sent.token}/parts/1/submissions`, {
      file: "x",
    });
    expect(json.statusCode).toBe(415);

    const after = expectStatus(
      await candidate.get(`/api/portal/${sent.token}`),
      200,
    ).json<TPortal>();
    expect(firstPart(after.assessment)?.submissions.map((s) => s.version)).toEqual([1]);
  });

  it("says so when a link is unknown, withdrawn or expired", async () => {
    const candidate = new HttpAgent(quiet.app);
    expect((await candidate.get("/api/portal/sla_nothing")).statusCode).toBe(404);

    const revoked = await sendRestApiAssessment(
      w.managerOn.agent,
      (await w.newApplication("practical-assessment")).applicationId,
    );
    expect(
      (await w.interviewerA.agent.post(`/api/assessments/${revoked.assessmentId}/revoke`))
        .statusCode,
    ).toBe(403);
    expectStatus(
      await w.recruiterOn.agent.post(`/api/assessments/${revoked.assessmentId}/revoke`),
      200,
    );
    const gone = await candidate.get(`/api/portal/${revoked.token}`);
    expect(gone.statusCode).toBe(410);
    expect(errorOf(gone)).toMatchObject({ details: { reason: "revoked" } });
    expect((await candidate.post(`/api/portal/${revoked.token}/start`)).statusCode).toBe(410);

    const expired = await sendRestApiAssessment(
      w.managerOn.agent,
      (await w.newApplication("practical-assessment")).applicationId,
    );
    await quiet.handle.db.execute(
      sql`update assessments set deadline_at = now() - interval '25 hours' where id = ${expired.assessmentId}`,
    );
    const old = await candidate.get(`/api/portal/${expired.token}`);
    expect(old.statusCode).toBe(410);
    expect(errorOf(old)).toMatchObject({ details: { reason: "expired" } });
    expect(
      (await candidate.get(`/api/portal/${expired.token}/parts/1/starter.zip`)).statusCode,
    ).toBe(410);
  });

  it("validates what is sent", async () => {
    const fresh = await w.newApplication("practical-assessment");
    const url = `/api/applications/${fresh.applicationId}/assessments`;
    const soon = new Date(Date.now() + 60_000).toISOString();
    const bad = await w.managerOn.agent.post(url, { packId: "rest-api", deadlineAt: soon });
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).fields?.[0]?.field).toBe("deadlineAt");
    const later = new Date(Date.now() + 86_400_000).toISOString();
    const unknown = await w.managerOn.agent.post(url, {
      packId: "no-such-pack",
      deadlineAt: later,
    });
    expect(errorOf(unknown).fields?.[0]?.field).toBe("packId");
    const short = await w.managerOn.agent.post(url, {
      packId: "rest-api",
      deadlineAt: later,
      timeLimitMinutes: 5,
    });
    expect(short.statusCode).toBe(400);
    // Audited: the sending is in the trail, without the link's secret.
    await sendRestApiAssessment(w.managerOn.agent, fresh.applicationId);
    const audit = expectStatus(await w.admin.get("/api/audit?action=assessment.sent"), 200);
    expect(audit.body).toContain("assessment.sent");
    expect(audit.body).not.toContain("tokenHash");
  });
});
