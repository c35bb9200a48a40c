import { calendarAccessRows } from "../../test-support/calendar-access-rows.js";
import { createTestClock } from "../../shared/clock.js";
import { daysFromNow } from "../../test-support/future.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HttpAgent } from "../../test-support/http-agent.js";
import {
  buildHiringWorld,
  completeScorecard,
  expectStatus,
} from "../../test-support/hiring-world.js";
import type { THiringWorld } from "../../test-support/hiring-world.js";
import { createTestApp, testDatabaseKinds } from "../../test-support/test-app.js";
import type { TTestContext } from "../../test-support/test-app.js";
import { assessmentAccessRows } from "../../test-support/assessment-access-rows.js";
import { designReviewAccessRows } from "../../test-support/design-review-access-rows.js";
import { shortlistAccessRows } from "../../test-support/shortlist-access-rows.js";
import {
  ACTORS,
  adminOnly,
  applicationReaders,
  everyUser,
  leadsOnly,
  OTHER_TEAM_ACTORS,
  OTHER_TEAM_STANDS_IN_FOR,
  otherTeamExpect,
  ownInterviewOnly,
  pipelineWriters,
} from "../../test-support/access-matrix.js";
import type { TActorName, TOtherTeamActor, TRow } from "../../test-support/access-matrix.js";
import { questionBank } from "../questions/bank/index.js";
import { screeningAccessRows } from "../../test-support/screening-access-rows.js";
import { privacyAccessRows } from "../../test-support/privacy-access-rows.js";
import { feedbackAccessRows } from "../../test-support/feedback-access-rows.js";
import { boardAccessRows } from "../../test-support/board-access-rows.js";
import { fairnessAccessRows } from "../../test-support/fairness-access-rows.js";
import { analyticsAccessRows } from "../../test-support/analytics-access-rows.js";
import { mailAccessRows } from "../../test-support/mail-access-rows.js";
import { webhookAccessRows } from "../../test-support/webhook-access-rows.js";
import { notificationAccessRows } from "../../test-support/notification-access-rows.js";

// Routes that predate hiring and are covered by their own suites (auth, users, tokens, audit).
const FOUNDATION_OPERATIONS = new Set([
  "getHealth",
  "getReadiness",
  "getSession",
  "setupFirstAdmin",
  "login",
  "logout",
  "describeSso",
  "startSso",
  "finishSso",
  "listUsers",
  "updateUser",
  "listInvites",
  "createInvite",
  "revokeInvite",
  "describeInvite",
  "acceptInvite",
  "listMyApiTokens",
  "createMyApiToken",
  "revokeMyApiToken",
  "listMySessions",
  "revokeMySession",
  "revokeMyOtherSessions",
  "listAuditEvents",
  "exportAuditEvents",
]);

describe.each(testDatabaseKinds())(
  "access matrix: every hiring route x every role on %s",
  (kind) => {
    let ctx: TTestContext;
    let w: THiringWorld;
    let agents: Record<TActorName | TOtherTeamActor, HttpAgent>;
    let counter = 0;
    const unique = () => `${Date.now().toString(36)}${++counter}`;

    beforeAll(async () => {
      // With the test clock, so its admin routes are in the matrix like every other route.
      ctx = await createTestApp(kind, { testClock: createTestClock() });
      w = await buildHiringWorld(ctx.app);
      agents = {
        admin: w.admin,
        recruiterOn: w.recruiterOn.agent,
        recruiterOff: w.recruiterOff.agent,
        managerOn: w.managerOn.agent,
        interviewerAssigned: w.interviewerA.agent,
        interviewerUnassigned: w.interviewerOff.agent,
        anonymous: w.anonymous,
        recruiterOtherTeam: w.otherTeam.recruiter.agent,
        managerOtherTeam: w.otherTeam.manager.agent,
        interviewerOtherTeam: w.otherTeam.interviewer.agent,
      };
    });
    afterAll(async () => ctx.close());

    const seed = questionBank[0];
    const content = () => {
      if (!seed) throw new Error("empty bank");
      return Object.fromEntries(Object.entries(seed).filter(([key]) => key !== "id"));
    };

    type TKit = Parameters<typeof completeScorecard>[0];
    async function kitOf(interviewId: string, agent = w.interviewerA.agent) {
      return expectStatus(await agent.get(`/api/interviews/${interviewId}/kit`), 200).json<TKit>();
    }
    /** A fresh technical-screen application with interviewer A (and optionally B) assigned. */
    async function freshInterview(withB = false) {
      const fresh = await w.newApplication("technical-screen");
      const ids = withB ? [w.interviewerA.userId, w.interviewerB.userId] : [w.interviewerA.userId];
      const interviews = await w.schedule(fresh.applicationId, "technical-screen", ids);
      const idOf = (userId: string) =>
        interviews.find((i) => i.interviewer.id === userId)?.id ?? "";
      return {
        ...fresh,
        interviewA: idOf(w.interviewerA.userId),
        interviewB: idOf(w.interviewerB.userId),
      };
    }
    async function submitAs(agent: HttpAgent, interviewId: string) {
      const kit = await kitOf(interviewId, agent);
      const saved = expectStatus(
        await agent.put(`/api/interviews/${interviewId}/scorecard/draft`, {
          revision: 0,
          ...completeScorecard(kit, 3, "yes"),
        }),
        200,
      ).json<{ scorecard: { revision: number } }>().scorecard;
      return expectStatus(
        await agent.post(`/api/interviews/${interviewId}/scorecard/submit`, {
          revision: saved.revision,
        }),
        200,
      ).json<{ scorecard: { id: string } }>().scorecard;
    }
    const currentStages = () =>
      w.role.stages.map((s) => ({
        id: s.id,
        kind: s.kind,
        name: s.name,
        durationMinutes: 30,
        questions: s.questions,
      }));

    const rows: TRow[] = [
      {
        route: "GET /api/questions",
        operationId: "listQuestions",
        expect: everyUser(200),
        request: () => ({ url: "/api/questions?q=decorator" }),
      },
      {
        route: "POST /api/questions",
        operationId: "createQuestion",
        expect: leadsOnly(201),
        request: () => ({
          url: "/api/questions",
          body: { id: `matrix-question-${unique()}`, content: content() },
        }),
      },
      {
        route: "GET /api/questions/:questionId",
        operationId: "getQuestion",
        expect: everyUser(200),
        request: () => ({ url: "/api/questions/python-decorators" }),
      },
      {
        route: "POST /api/questions/:questionId/versions",
        operationId: "reviseQuestion",
        expect: leadsOnly(201),
        request: () => ({
          url: `/api/questions/${seed?.id ?? ""}/versions`,
          body: { content: content(), changeNote: "Matrix test edit" },
        }),
      },
      {
        route: "GET /api/question-versions/:versionId",
        operationId: "getQuestionVersion",
        expect: everyUser(200),
        request: async () => {
          const kit = await kitOf(w.interviewA);
          return { url: `/api/question-versions/${kit.questions[0]?.questionVersionId ?? ""}` };
        },
      },
      {
        route: "GET /api/role-templates",
        operationId: "listRoleTemplates",
        expect: everyUser(200),
        request: () => ({ url: "/api/role-templates" }),
      },
      {
        route: "GET /api/people",
        operationId: "listPeople",
        expect: { ...everyUser(200), interviewerAssigned: 403, interviewerUnassigned: 403 },
        request: () => ({ url: "/api/people" }),
      },
      {
        route: "GET /api/roles",
        operationId: "listRoles",
        expect: everyUser(200),
        request: () => ({ url: "/api/roles" }),
      },
      {
        route: "POST /api/roles",
        operationId: "createRole",
        expect: { ...everyUser(201), interviewerAssigned: 403, interviewerUnassigned: 403 },
        request: () => ({
          url: "/api/roles",
          body: { title: "Matrix role", level: "mid", fromTemplate: true },
        }),
      },
      {
        route: "GET /api/roles/:roleId",
        operationId: "getRole",
        expect: applicationReaders(200),
        request: () => ({ url: `/api/roles/${w.role.id}` }),
      },
      {
        route: "PATCH /api/roles/:roleId",
        operationId: "updateRole",
        // The route gate lets any hiring manager in; another team's manager still finds nothing.
        otherTeam: { managerOtherTeam: 404 },
        expect: leadsOnly(200),
        request: () => ({
          url: `/api/roles/${w.role.id}`,
          body: { title: "Senior Django Engineer — Payments" },
        }),
      },
      {
        route: "PUT /api/roles/:roleId/stages",
        operationId: "replaceRoleStages",
        // The route gate lets any hiring manager in; another team's manager still finds nothing.
        otherTeam: { managerOtherTeam: 404 },
        expect: leadsOnly(200),
        request: () => ({
          url: `/api/roles/${w.role.id}/stages`,
          body: { stages: currentStages() },
        }),
      },
      {
        route: "PUT /api/roles/:roleId/team",
        operationId: "replaceRoleTeam",
        // The route gate lets any hiring manager in; another team's manager still finds nothing.
        otherTeam: { managerOtherTeam: 404 },
        expect: leadsOnly(200),
        request: async () => {
          const team = [{ userId: w.managerOn.userId, teamRole: "hiring_manager" }];
          const role = expectStatus(
            await w.admin.post("/api/roles", {
              title: "Team matrix",
              level: "junior",
              fromTemplate: true,
              team,
            }),
            201,
          ).json<{ role: { id: string } }>().role;
          return { url: `/api/roles/${role.id}/team`, body: { members: team } };
        },
      },
      {
        route: "GET /api/candidates",
        operationId: "listCandidates",
        expect: everyUser(200),
        request: () => ({ url: "/api/candidates" }),
      },
      {
        route: "POST /api/candidates",
        operationId: "createCandidate",
        expect: { ...everyUser(201), interviewerAssigned: 403, interviewerUnassigned: 403 },
        request: () => ({
          url: "/api/candidates",
          body: { name: "Matrix Person", email: `m${unique()}@example.org` },
        }),
      },
      {
        route: "GET /api/candidates/:candidateId",
        operationId: "getCandidate",
        expect: applicationReaders(200),
        request: () => ({ url: `/api/candidates/${w.main.candidateId}` }),
      },
      {
        route: "PATCH /api/candidates/:candidateId",
        operationId: "updateCandidate",
        expect: pipelineWriters(200),
        request: () => ({
          url: `/api/candidates/${w.main.candidateId}`,
          body: { notes: "Referred by Ana." },
        }),
      },
      {
        route: "POST /api/candidates/:candidateId/merge",
        operationId: "mergeCandidate",
        expect: {
          admin: 200,
          recruiterOn: 403,
          recruiterOff: 403,
          managerOn: 403,
          interviewerAssigned: 403,
          interviewerUnassigned: 403,
          anonymous: 401,
        },
        request: async () => {
          const made = async (email: string) =>
            expectStatus(await w.admin.post("/api/candidates", { name: "Twin", email }), 201).json<{
              candidate: { id: string };
            }>().candidate.id;
          const from = await made(`t${unique()}@example.org`);
          const into = await made(`t${unique()}@example.org`);
          return { url: `/api/candidates/${from}/merge`, body: { intoCandidateId: into } };
        },
      },
      {
        route: "GET /api/applications",
        operationId: "listApplications",
        expect: everyUser(200),
        request: () => ({ url: "/api/applications" }),
      },
      {
        route: "POST /api/applications",
        operationId: "createApplication",
        expect: pipelineWriters(201),
        // Each caller attaches a candidate of their own: attaching one they cannot see is a
        // takeover, refused below in "cross-team attempts".
        request: async (actor) => {
          const creator =
            actor === "recruiterOn" || actor === "recruiterOff" || actor === "managerOn"
              ? agents[actor]
              : w.admin;
          const candidate = expectStatus(
            await creator.post("/api/candidates", {
              name: "Applicant",
              email: `a${unique()}@example.org`,
            }),
            201,
          ).json<{ candidate: { id: string } }>().candidate;
          return {
            url: "/api/applications",
            body: { candidateId: candidate.id, roleId: w.role.id },
          };
        },
      },
      {
        route: "GET /api/applications/:applicationId",
        operationId: "getApplication",
        expect: applicationReaders(200),
        request: () => ({ url: `/api/applications/${w.main.applicationId}` }),
      },
      {
        route: "POST /api/applications/:applicationId/move",
        operationId: "moveApplication",
        expect: pipelineWriters(200),
        request: async () => {
          const fresh = await w.newApplication();
          return {
            url: `/api/applications/${fresh.applicationId}/move`,
            body: { toStageId: w.stage("technical-screen").id },
          };
        },
      },
      {
        route: "POST /api/applications/:applicationId/reject",
        operationId: "rejectApplication",
        expect: pipelineWriters(200),
        request: async () => {
          const fresh = await w.newApplication();
          return {
            url: `/api/applications/${fresh.applicationId}/reject`,
            body: { reason: "Not enough Django experience." },
          };
        },
      },
      {
        route: "POST /api/applications/:applicationId/withdraw",
        operationId: "withdrawApplication",
        expect: pipelineWriters(200),
        request: async () => {
          const fresh = await w.newApplication();
          return {
            url: `/api/applications/${fresh.applicationId}/withdraw`,
            body: { reason: "Accepted another offer." },
          };
        },
      },
      {
        route: "POST /api/applications/:applicationId/interviews",
        operationId: "scheduleInterviews",
        expect: pipelineWriters(201),
        request: async () => {
          const fresh = await w.newApplication("technical-screen");
          return {
            url: `/api/applications/${fresh.applicationId}/interviews`,
            body: {
              stageId: w.stage("technical-screen").id,
              interviewerIds: [w.interviewerB.userId],
              scheduledAt: daysFromNow(2, 9),
            },
          };
        },
      },
      {
        route: "PATCH /api/interviews/:interviewId",
        operationId: "rescheduleInterview",
        expect: { ...pipelineWriters(200), interviewerAssigned: 403 },
        request: async () => ({
          url: `/api/interviews/${(await freshInterview()).interviewA}`,
          body: { scheduledAt: daysFromNow(3, 14) },
        }),
      },
      {
        route: "DELETE /api/interviews/:interviewId",
        operationId: "cancelInterview",
        expect: { ...pipelineWriters(200), interviewerAssigned: 403 },
        request: async () => ({ url: `/api/interviews/${(await freshInterview()).interviewA}` }),
      },
      {
        route: "GET /api/me/interviews",
        operationId: "listMyInterviews",
        expect: everyUser(200),
        request: () => ({ url: "/api/me/interviews" }),
      },
      {
        route: "GET /api/interviews/:interviewId/kit",
        operationId: "getInterviewKit",
        expect: applicationReaders(200),
        request: () => ({ url: `/api/interviews/${w.interviewA}/kit` }),
      },
      {
        route: "GET /api/interviews/:interviewId/scorecard",
        operationId: "getMyScorecard",
        expect: ownInterviewOnly(200),
        request: () => ({ url: `/api/interviews/${w.interviewA}/scorecard` }),
      },
      {
        route: "PUT /api/interviews/:interviewId/scorecard/draft",
        operationId: "saveScorecardDraft",
        expect: ownInterviewOnly(200),
        request: async () => ({
          url: `/api/interviews/${(await freshInterview()).interviewA}/scorecard/draft`,
          body: { revision: 0, keyTakeaways: "First impressions." },
        }),
      },
      {
        route: "POST /api/interviews/:interviewId/scorecard/submit",
        operationId: "submitScorecard",
        expect: ownInterviewOnly(200),
        request: async () => {
          const { interviewA } = await freshInterview();
          const kit = await kitOf(interviewA);
          expectStatus(
            await w.interviewerA.agent.put(`/api/interviews/${interviewA}/scorecard/draft`, {
              revision: 0,
              ...completeScorecard(kit, 3, "yes"),
            }),
            200,
          );
          return { url: `/api/interviews/${interviewA}/scorecard/submit`, body: { revision: 1 } };
        },
      },
      {
        route: "GET /api/applications/:applicationId/scorecards",
        operationId: "listApplicationScorecards",
        expect: applicationReaders(200),
        request: () => ({ url: `/api/applications/${w.main.applicationId}/scorecards` }),
      },
      {
        // Interviewer B submitted, A has not: independence hides B's card from A (and from recruiters).
        route: "GET /api/scorecards/:scorecardId",
        operationId: "getScorecard",
        expect: { ...applicationReaders(200), recruiterOn: 404, interviewerAssigned: 404 },
        request: async () => {
          const { interviewB } = await freshInterview(true);
          const card = await submitAs(w.interviewerB.agent, interviewB);
          return { url: `/api/scorecards/${card.id}` };
        },
      },
      {
        route: "POST /api/scorecards/:scorecardId/corrections",
        operationId: "correctScorecard",
        expect: ownInterviewOnly(201),
        request: async () => {
          const { interviewA } = await freshInterview();
          const card = await submitAs(w.interviewerA.agent, interviewA);
          const kit = await kitOf(interviewA);
          return {
            url: `/api/scorecards/${card.id}/corrections`,
            body: {
              ...completeScorecard(kit, 2, "no"),
              reason: "Re-read my notes after the debrief.",
            },
          };
        },
      },
      {
        route: "GET /api/applications/:applicationId/decision",
        operationId: "getDecisionSummary",
        // The route gate lets any hiring manager in; another team's manager still finds nothing.
        otherTeam: { managerOtherTeam: 404 },
        expect: leadsOnly(200),
        request: () => ({ url: `/api/applications/${w.main.applicationId}/decision` }),
      },
      {
        route: "POST /api/applications/:applicationId/decisions",
        operationId: "recordDecision",
        // The route gate lets any hiring manager in; another team's manager still finds nothing.
        otherTeam: { managerOtherTeam: 404 },
        expect: leadsOnly(201),
        request: async () => {
          const fresh = await w.newApplication("technical-screen");
          return {
            url: `/api/applications/${fresh.applicationId}/decisions`,
            body: {
              decision: "advance",
              rationale: "Screen went well; move to the practical assessment.",
            },
          };
        },
      },
      {
        route: "GET /api/dashboard",
        operationId: "getDashboard",
        expect: everyUser(200),
        request: () => ({ url: "/api/dashboard" }),
      },
      {
        route: "GET /api/dashboard/scorecards-to-submit",
        operationId: "listScorecardsToSubmit",
        expect: everyUser(200),
        request: () => ({ url: "/api/dashboard/scorecards-to-submit" }),
      },
      {
        route: "GET /api/dashboard/applications-to-screen",
        operationId: "listApplicationsToScreen",
        expect: everyUser(200),
        request: () => ({ url: "/api/dashboard/applications-to-screen" }),
      },
      {
        route: "GET /api/dashboard/decisions-to-make",
        operationId: "listDecisionsToMake",
        expect: everyUser(200),
        request: () => ({ url: "/api/dashboard/decisions-to-make" }),
      },
      ...screeningAccessRows(() => w),
      ...assessmentAccessRows(() => w),
      ...privacyAccessRows(() => w),
      ...designReviewAccessRows(() => w),
      ...feedbackAccessRows(() => w),
      ...boardAccessRows(() => w),
      ...shortlistAccessRows(() => w),
      ...fairnessAccessRows(() => w),
      ...analyticsAccessRows(() => w),
      {
        route: "GET /api/admin/background-jobs",
        operationId: "listBackgroundJobs",
        expect: adminOnly(200),
        request: () => ({ url: "/api/admin/background-jobs" }),
      },
      {
        route: "GET /api/admin/test-clock",
        operationId: "getTestClock",
        expect: adminOnly(200),
        request: () => ({ url: "/api/admin/test-clock" }),
      },
      {
        route: "POST /api/admin/test-clock",
        operationId: "advanceTestClock",
        expect: adminOnly(200),
        request: () => ({ url: "/api/admin/test-clock", body: { advanceMinutes: 1 } }),
      },
      ...mailAccessRows(() => w),
      ...webhookAccessRows(() => w),
      ...calendarAccessRows(),
      ...notificationAccessRows(() => w),
    ];

    it("has exactly one row per API operation that is not a foundation route", () => {
      const spec = ctx.app.swagger() as {
        paths: Record<string, Record<string, { operationId?: string }>>;
      };
      const registered = Object.entries(spec.paths).flatMap(([path, methods]) =>
        Object.entries(methods).map(([method, op]) => ({
          operationId: op.operationId ?? `${method} ${path}`,
          route: `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ":$1")}`,
        })),
      );
      const hiring = registered.filter((r) => !FOUNDATION_OPERATIONS.has(r.operationId));
      expect(rows.map((r) => `${r.operationId} ${r.route}`).sort()).toEqual(
        hiring.map((r) => `${r.operationId} ${r.route}`).sort(),
      );
    });

    it.each(rows.map((row) => [row.operationId, row] as const))("%s", async (_, row) => {
      const method = (row.route.split(" ")[0] ?? "GET") as
        "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
      const mismatches: string[] = [];
      const expected = { ...row.expect, ...otherTeamExpect(row) };
      const callers = [
        ...ACTORS.map((actor) => [actor, actor] as const),
        ...OTHER_TEAM_ACTORS.map((actor) => [actor, OTHER_TEAM_STANDS_IN_FOR[actor]] as const),
      ];
      for (const [actor, requestFor] of callers) {
        const { url, body, headers } = await row.request(requestFor);
        const response = await agents[actor].request({
          method,
          url,
          ...(body === undefined ? {} : { payload: body }),
          ...(headers === undefined ? {} : { headers }),
        });
        if (response.statusCode !== expected[actor])
          mismatches.push(
            `${actor}: expected ${expected[actor]}, got ${response.statusCode} ${response.body.slice(0, 200)}`,
          );
      }
      expect(mismatches).toEqual([]);
    });
  },
);
