import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorOf } from "../../test-support/http-agent.js";
import { buildHiringWorld, expectStatus } from "../../test-support/hiring-world.js";
import type { THiringWorld } from "../../test-support/hiring-world.js";
import { createTestApp, testDatabaseKinds } from "../../test-support/test-app.js";
import type { TTestContext } from "../../test-support/test-app.js";
import { questionBank } from "../questions/bank/index.js";
import { levelTemplateByLevel } from "../roles/templates/level-templates.js";

type TRole = {
  id: string;
  scope: string;
  stackTags: string[];
  competencyWeights: Record<string, number>;
  stages: {
    id: string;
    kind: string;
    name: string;
    durationMinutes: number;
    questions: { questionId: string; minutes: number }[];
    activeApplications: number;
  }[];
};
type TApplication = {
  status: string;
  currentStage: { kind: string };
  history: { statusAfter: string; reason: string | null }[];
};

describe.each(testDatabaseKinds())("roles, candidates and the pipeline on %s", (kind) => {
  let ctx: TTestContext;
  let w: THiringWorld;
  beforeAll(async () => {
    ctx = await createTestApp(kind);
    w = await buildHiringWorld(ctx.app);
  });
  afterAll(async () => ctx.close());

  it("seeds the question bank once, idempotently", async () => {
    expect(await ctx.services.questionsService.ensureQuestionBankSeeded()).toEqual({ inserted: 0 });
    const all = expectStatus(await w.admin.get("/api/questions?limit=200"), 200).json<{
      total: number;
    }>();
    expect(all.total).toBe(questionBank.length);
  });

  it("proposes a whole role from the level template, then lets every part be edited", async () => {
    const template = levelTemplateByLevel.senior;
    const role = w.role as unknown as TRole;
    const full = expectStatus(await w.managerOn.agent.get(`/api/roles/${role.id}`), 200).json<{
      role: TRole;
    }>().role;
    expect(full.scope).toBe(template.scope);
    expect(full.competencyWeights).toEqual(template.competencyWeights);
    expect(full.stages.map((s) => s.kind)).toEqual(template.stages.map((s) => s.id));
    expect(full.stages.find((s) => s.kind === "technical-screen")?.activeApplications).toBe(1);

    const edited = full.stages.map((s) => ({
      id: s.id,
      kind: s.kind,
      name: s.name,
      durationMinutes: s.durationMinutes,
      questions: s.questions,
    }));
    const screen = edited.find((s) => s.kind === "technical-screen");
    if (!screen) throw new Error("no screen");
    screen.questions = [...screen.questions].reverse().map((q) => ({ ...q, minutes: 7 }));
    screen.durationMinutes = 60;
    const saved = expectStatus(
      await w.managerOn.agent.put(`/api/roles/${role.id}/stages`, { stages: edited }),
      200,
    ).json<{ role: TRole }>().role;
    const savedScreen = saved.stages.find((s) => s.kind === "technical-screen");
    expect(savedScreen?.id).toBe(screen.id);
    expect(savedScreen?.durationMinutes).toBe(60);
    expect(savedScreen?.questions[0]).toEqual(screen.questions[0]);

    const unknown = await w.managerOn.agent.put(`/api/roles/${role.id}/stages`, {
      stages: [
        { ...edited[0], questions: [{ questionId: "no-such-question", minutes: 5 }] },
        ...edited.slice(1),
      ],
    });
    expect(unknown.statusCode).toBe(400);
    expect(errorOf(unknown).fields?.[0]?.field).toBe("stages.0.questions.0.questionId");
    // Dropping a stage that holds an application is refused, naming it.
    const dropped = await w.managerOn.agent.put(`/api/roles/${role.id}/stages`, {
      stages: edited.filter((s) => s.kind !== "technical-screen"),
    });
    expect(dropped.statusCode).toBe(409);
    expect(errorOf(dropped).message).toMatch(/Technical screen/);

    const patched = expectStatus(
      await w.managerOn.agent.patch(`/api/roles/${role.id}`, {
        stackTags: ["python", "django", "stripe"],
      }),
      200,
    ).json<{ role: TRole }>().role;
    expect(patched.stackTags).toEqual(["python", "django", "stripe"]);
    const badWeights = await w.managerOn.agent.patch(`/api/roles/${role.id}`, {
      competencyWeights: { ...template.competencyWeights, security: 90 },
    });
    expect(badWeights.statusCode).toBe(400);
    const noTemplate = await w.managerOn.agent.post("/api/roles", {
      title: "Bare role",
      level: "mid",
    });
    expect(noTemplate.statusCode).toBe(400);
    expect(errorOf(noTemplate).fields?.[0]?.field).toBe("scope");
    const wrongTeamRole = await w.admin.post("/api/roles", {
      title: "Odd team",
      level: "mid",
      fromTemplate: true,
      team: [{ userId: w.interviewerA.userId, teamRole: "hiring_manager" }],
    });
    expect(wrongTeamRole.statusCode).toBe(400);
    expect(errorOf(wrongTeamRole).fields?.[0]?.field).toBe("team.0.teamRole");
  });

  it("refuses a duplicate candidate e-mail with 409, naming the existing candidate to those who see it", async () => {
    const first = expectStatus(
      await w.recruiterOn.agent.post("/api/candidates", {
        name: "Lena Fischer",
        email: "Lena.Fischer@Example.com",
        links: { github: "https://github.com/lenaf" },
      }),
      201,
    ).json<{ candidate: { id: string; email: string } }>().candidate;
    expect(first.email).toBe("lena.fischer@example.com");
    const again = await w.recruiterOn.agent.post("/api/candidates", {
      name: "L. Fischer",
      email: "lena.fischer@example.com ",
    });
    expect(again.statusCode).toBe(409);
    expect(errorOf(again).details).toEqual({ existingCandidateId: first.id });
    // The manager cannot see a candidate the recruiter has not yet put on a role: no id for them.
    const hidden = await w.managerOn.agent.post("/api/candidates", {
      name: "L. Fischer",
      email: "lena.fischer@example.com",
    });
    expect(hidden.statusCode).toBe(409);
    expect(errorOf(hidden).details).toEqual({ askAdmin: true });
    const badLink = await w.recruiterOn.agent.post("/api/candidates", {
      name: "X",
      email: "x@example.com",
      links: { github: "javascript:alert(1)" },
    });
    expect(badLink.statusCode).toBe(400);
    expect(errorOf(badLink).fields?.[0]?.field).toBe("links.github");
  });

  it("records every move in the history and keeps closed applications closed", async () => {
    const { applicationId } = await w.newApplication();
    const url = `/api/applications/${applicationId}`;
    expectStatus(
      await w.recruiterOn.agent.post(`${url}/move`, {
        toStageId: w.stage("technical-screen").id,
        reason: "Strong CV",
      }),
      200,
    );
    const noReason = await w.recruiterOn.agent.post(`${url}/reject`, {});
    expect(noReason.statusCode).toBe(400);
    expect(errorOf(noReason).fields?.[0]?.field).toBe("reason");
    const rejected = expectStatus(
      await w.recruiterOn.agent.post(`${url}/reject`, { reason: "Salary expectations far apart." }),
      200,
    ).json<{ application: TApplication }>().application;
    expect(rejected.status).toBe("rejected");
    expect(rejected.history.map((h) => h.statusAfter)).toEqual(["active", "active", "rejected"]);
    const move = await w.recruiterOn.agent.post(`${url}/move`, {
      toStageId: w.stage("culture-fit").id,
    });
    expect(move.statusCode).toBe(409);
    expect(errorOf(move).message).toMatch(/rejected/);
    const audit = expectStatus(
      await w.admin.get("/api/audit?entityType=application&limit=200"),
      200,
    ).json<{
      events: { action: string; entityId: string }[];
    }>();
    expect(
      audit.events
        .filter((e) => e.entityId === applicationId)
        .map((e) => e.action)
        .sort(),
    ).toEqual(["application.created", "application.moved", "application.rejected"]);
  });

  it("versions questions: an edit is a new version and the old one stays readable", async () => {
    const before = expectStatus(await w.admin.get("/api/questions/python-decorators"), 200).json<{
      question: { current: Record<string, unknown> & { id: string; title: string } };
    }>();
    const oldVersionId = before.question.current.id;
    const metadata = new Set([
      "id",
      "questionId",
      "version",
      "changeNote",
      "createdAt",
      "cultureFacets",
    ]);
    const content = Object.fromEntries(
      Object.entries(before.question.current).filter(([key]) => !metadata.has(key)),
    );
    const revised = expectStatus(
      await w.managerOn.agent.post("/api/questions/python-decorators/versions", {
        content: { ...content, title: "Decorators, wraps and arguments" },
        changeNote: "Clearer title",
      }),
      201,
    ).json<{ question: { latestVersion: number; current: { id: string } } }>().question;
    expect(revised.latestVersion).toBe(2);
    const old = expectStatus(await w.admin.get(`/api/question-versions/${oldVersionId}`), 200);
    expect(old.json()).toMatchObject({
      questionVersion: { version: 1, title: before.question.current.title },
    });
    const found = expectStatus(
      await w.admin.get("/api/questions?q=wraps%20and&level=senior"),
      200,
    ).json<{
      questions: { id: string }[];
    }>();
    expect(found.questions.map((q) => q.id)).toContain("python-decorators");
    const byCompetency = expectStatus(
      await w.admin.get("/api/questions?competency=security&area=security"),
      200,
    ).json<{
      questions: { current: { competencies: string[] } }[];
    }>();
    expect(byCompetency.questions.length).toBeGreaterThan(0);
    expect(byCompetency.questions.every((q) => q.current.competencies.includes("security"))).toBe(
      true,
    );
    // The interview scheduled before the edit keeps the version it was planned with.
    const kit = expectStatus(
      await w.interviewerA.agent.get(`/api/interviews/${w.interviewA}/kit`),
      200,
    ).json<{
      questions: { questionId: string; version: number }[];
    }>();
    expect(kit.questions.find((q) => q.questionId === "python-decorators")?.version).toBe(1);
    const bad = await w.managerOn.agent.post("/api/questions/python-decorators/versions", {
      content: { ...content, signals: ["only one signal here"] },
      changeNote: "Oops",
    });
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).fields?.[0]?.field).toBe("content.signals");
  });

  it("shows each caller only what they need on the dashboard and in lists", async () => {
    const { applicationId } = await w.newApplication("resume-screen");
    const screening = expectStatus(await w.recruiterOn.agent.get("/api/dashboard"), 200).json<{
      applicationsToScreen: { id: string }[];
    }>();
    expect(screening.applicationsToScreen.map((a) => a.id)).toEqual([applicationId]);
    const interviewer = expectStatus(await w.interviewerA.agent.get("/api/dashboard"), 200).json<{
      scorecardsToSubmit: { id: string }[];
      applicationsToScreen: unknown[];
    }>();
    expect(interviewer.scorecardsToSubmit.map((i) => i.id)).toEqual([w.interviewA]);
    expect(interviewer.applicationsToScreen).toEqual([]);
    const apps = expectStatus(await w.interviewerA.agent.get("/api/applications"), 200).json<{
      total: number;
    }>();
    expect(apps.total).toBe(1);
    const off = expectStatus(await w.recruiterOff.agent.get("/api/candidates"), 200).json<{
      total: number;
    }>();
    expect(off.total).toBe(0);
    const offRoles = expectStatus(await w.interviewerOff.agent.get("/api/roles"), 200).json<{
      roles: unknown[];
    }>();
    expect(offRoles.roles).toEqual([]);
  });
});
