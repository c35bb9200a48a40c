/* eslint-disable @typescript-eslint/require-await -- the fakes implement async repository methods in memory */
import { describe, expect, it } from "vitest";
import type { TDatabase } from "../../db/client.js";
import { failureOf } from "../../test-support/app-error.js";
import type { TViewerScope } from "../access/viewer-scope.js";
import type { TDecisionsRepo } from "./decisions.repo.js";
import { createDecisionsService } from "./decisions.service.js";

/**
 * The decision rules with fakes of the service's narrow dependencies: an offer only from the
 * decision stage, missing evidence confirmed with a reason (and audited), a closed application
 * left alone, and who may decide at all.
 */
const ROLE = "role-1";
const STAGES = [
  { id: "s-screen", roleId: ROLE, name: "Résumé screen", kind: "resume-screen", position: 0 },
  { id: "s-tech", roleId: ROLE, name: "Technical screen", kind: "technical-screen", position: 1 },
  { id: "s-deep", roleId: ROLE, name: "Deep dive", kind: "technical-deep-dive", position: 2 },
  { id: "s-decide", roleId: ROLE, name: "Hiring decision", kind: "decision", position: 3 },
] as const;
const MANAGER = { id: "mia", role: "hiring_manager" as const, name: "Mia" };
const actor = { userId: MANAGER.id, label: "Mia" };
const WEIGHTS = { "orm-data-modelling": 60, testing: 40 };

type TWorldOptions = {
  stageId?: string;
  status?: "active" | "rejected";
  /** Interviews of the application: stage, interviewer and whether the scorecard is in. */
  interviews?: { stageId: string; interviewerId: string; submitted: boolean }[];
  /** Competencies the shortlist reports with no evidence. */
  uncovered?: string[];
  teamRole?: "hiring_manager" | "recruiter" | "interviewer";
};

function world(options: TWorldOptions = {}) {
  const application = {
    id: "app-1",
    roleId: ROLE,
    candidateId: "cand-1",
    currentStageId: options.stageId ?? "s-tech",
    status: options.status ?? "active",
    closedReason: null as string | null,
    createdAt: new Date("2026-11-01T09:00:00Z"),
    updatedAt: new Date("2026-11-02T09:00:00Z"),
  };
  const audit: { action: string; after?: unknown }[] = [];
  const decisions: { id: string; decision: string; stageId: string; rationale: string }[] = [];
  const history: { fromStageId: string; toStageId: string; statusAfter: string }[] = [];
  const scope: TViewerScope = {
    userId: MANAGER.id,
    isAdmin: false,
    teamRoleByRole: new Map([[ROLE, options.teamRole ?? ("hiring_manager" as const)]]),
    assignedApplicationIds: new Set(),
    assignedRoleIds: new Set(),
  };
  const interviews = (options.interviews ?? []).map((i, n) => ({
    interview: {
      id: `int-${n + 1}`,
      applicationId: application.id,
      stageId: i.stageId,
      interviewerId: i.interviewerId,
      scheduledAt: new Date("2026-11-03T10:00:00Z"),
    },
    stageName: STAGES.find((s) => s.id === i.stageId)?.name ?? "",
    interviewerName: i.interviewerId,
    scorecardStatus: i.submitted ? ("submitted" as const) : ("none" as const),
  }));
  const stageRef = () => {
    const stage = STAGES.find((s) => s.id === application.currentStageId);
    return { id: stage?.id ?? "", name: stage?.name ?? "", kind: stage?.kind ?? "custom" };
  };
  const decisionsRepo = {
    async insertDecision(row: Omit<(typeof decisions)[number], "id">) {
      const made = { ...row, id: `dec-${decisions.length + 1}`, createdAt: new Date() };
      decisions.push(made);
      return made;
    },
    async findDecisionContext() {
      return {
        competencyWeights: WEIGHTS,
        pendingInterviewsInCurrentStage: interviews.filter(
          (i) =>
            i.interview.stageId === application.currentStageId && i.scorecardStatus !== "submitted",
        ).length,
        decisions: decisions.map((decision) => ({
          ...decision,
          stageName: STAGES.find((s) => s.id === decision.stageId)?.name ?? "",
          decidedBy: MANAGER.id,
          deciderName: MANAGER.name,
          createdAt: new Date().toISOString(),
        })),
      };
    },
  } as unknown as TDecisionsRepo;
  const service = createDecisionsService({
    db: { transaction: async (work: (tx: unknown) => unknown) => work({}) } as unknown as TDatabase,
    decisionsRepo,
    applicationsRepo: {
      // Copies, as a database would return: the row read before a change stays as it was.
      lockById: async () => ({ ...application }) as never,
      findSummary: async () =>
        ({
          application,
          candidate: { id: application.candidateId, name: "Jonas Berg" },
          role: { id: ROLE, title: "Django Engineer" },
          stage: stageRef(),
        }) as never,
      updateApplication: async (_id, patch) => {
        Object.assign(application, patch);
        return { ...application } as never;
      },
      insertStageEvent: async (row) => {
        history.push(row as never);
        return row as never;
      },
    },
    rolesRepo: {
      findRole: async () => ({ id: ROLE, competencyWeights: WEIGHTS }) as never,
      listStages: async () => STAGES as never,
    },
    scorecardsRepo: { listForApplication: async () => [] },
    interviewsRepo: { listForApplication: async () => interviews as never },
    questionsRepo: { findVersionsByIds: async () => [] },
    viewerScopeRepo: { loadScope: async () => scope },
    auditService: {
      recordEvent: async (_actor, event) => {
        audit.push({ action: event.action, after: event.after });
      },
    },
    shortlistService: {
      summariseApplicationEvidence: async () =>
        ({
          flags: (options.uncovered ?? []).map((competencyId) => ({
            kind: "missing-evidence",
            competencyId,
          })),
        }) as never,
    },
  });
  return { service, application, audit, decisions, history };
}

const record = (
  w: ReturnType<typeof world>,
  input: { decision: "advance" | "offer" | "reject"; confirm?: boolean; reason?: string },
) =>
  w.service.recordDecision(
    "app-1",
    { rationale: "Strong on the ORM, clear about trade-offs.", ...input },
    MANAGER,
    actor,
  );

describe("decisions service (fakes)", () => {
  it("advances to the next stage of the plan, with a history row and both audit events", async () => {
    const w = world({
      interviews: [{ stageId: "s-tech", interviewerId: "ivan", submitted: true }],
    });
    const summary = await record(w, { decision: "advance" });
    expect(w.application).toMatchObject({ currentStageId: "s-deep", status: "active" });
    expect(w.history).toEqual([
      expect.objectContaining({
        fromStageId: "s-tech",
        toStageId: "s-deep",
        statusAfter: "active",
      }),
    ]);
    expect(w.audit.map((a) => a.action)).toEqual(["decision.recorded", "application.advanced"]);
    expect(summary.recorded).toMatchObject({ decision: "advance", stageId: "s-tech" });
  });

  it("will not advance past a missing scorecard without a confirmation, then needs a reason", async () => {
    const w = world({
      interviews: [{ stageId: "s-tech", interviewerId: "ivan", submitted: false }],
    });
    const unconfirmed = await failureOf(record(w, { decision: "advance" }));
    expect(unconfirmed.code).toBe("CONFIRMATION_REQUIRED");
    expect(unconfirmed.details).toEqual({
      missing: [
        {
          kind: "scorecard",
          stageId: "s-tech",
          stageName: "Technical screen",
          interviewer: { id: "ivan", name: "ivan" },
        },
      ],
    });
    const noReason = await failureOf(record(w, { decision: "advance", confirm: true }));
    expect(noReason.code).toBe("VALIDATION_FAILED");
    expect(noReason.fields).toEqual([
      { field: "reason", message: "is required when confirming missing evidence" },
    ]);
    // Nothing moved, nothing recorded, nothing audited by the refused attempts.
    expect(w.application.currentStageId).toBe("s-tech");
    expect(w.decisions).toEqual([]);
    expect(w.audit).toEqual([]);

    await record(w, {
      decision: "advance",
      confirm: true,
      reason: "Ivan is on leave; his notes were shared verbally.",
    });
    expect(w.application.currentStageId).toBe("s-deep");
    expect(w.audit[0]).toEqual({
      action: "decision.confirmed_missing_evidence",
      after: expect.objectContaining({
        decision: "advance",
        reason: "Ivan is on leave; his notes were shared verbally.",
      }) as unknown,
    });
  });

  it("makes an offer only from the decision stage", async () => {
    const w = world({ stageId: "s-deep" });
    const refused = await failureOf(record(w, { decision: "offer" }));
    expect(refused.code).toBe("CONFLICT");
    expect(refused.message).toContain('"Hiring decision"');
    expect(w.application.status).toBe("active");
    expect(w.decisions).toEqual([]);
  });

  it("lists every gap an offer would stand on: skipped stages and uncovered heavy competencies", async () => {
    const w = world({
      stageId: "s-decide",
      interviews: [{ stageId: "s-tech", interviewerId: "ivan", submitted: true }],
      uncovered: ["testing"],
    });
    const refused = await failureOf(record(w, { decision: "offer" }));
    expect(refused.code).toBe("CONFIRMATION_REQUIRED");
    expect((refused.details as { missing: unknown[] }).missing).toEqual([
      { kind: "stage", stageId: "s-deep", stageName: "Deep dive" },
      { kind: "competency", competencyId: "testing", competencyName: "Testing", weight: 40 },
    ]);
    await record(w, {
      decision: "offer",
      confirm: true,
      reason: "The deep dive was replaced by a paid trial week.",
    });
    expect(w.application).toMatchObject({ status: "hired", currentStageId: "s-decide" });
    expect(w.audit.map((a) => a.action)).toEqual([
      "decision.confirmed_missing_evidence",
      "decision.recorded",
      "application.hired",
    ]);
  });

  it("rejects with the rationale as the closing reason, whatever evidence is missing", async () => {
    const w = world({
      interviews: [{ stageId: "s-tech", interviewerId: "ivan", submitted: false }],
    });
    await record(w, { decision: "reject" });
    expect(w.application).toMatchObject({
      status: "rejected",
      currentStageId: "s-tech",
      closedReason: "Strong on the ORM, clear about trade-offs.",
    });
  });

  it("leaves a closed application alone", async () => {
    const w = world({ status: "rejected" });
    const refused = await failureOf(record(w, { decision: "advance" }));
    expect(refused.code).toBe("CONFLICT");
    expect(w.decisions).toEqual([]);
  });

  it("lets only those who lead the role decide; a recruiter on the team is refused", async () => {
    const w = world({ teamRole: "recruiter" });
    const refused = await failureOf(record(w, { decision: "reject" }));
    expect(refused.code).toBe("FORBIDDEN");
    expect(w.application.status).toBe("active");
  });
});
