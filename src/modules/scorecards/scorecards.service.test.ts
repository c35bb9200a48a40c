/* eslint-disable @typescript-eslint/require-await -- the fakes implement async repository methods in memory */
import { describe, expect, it } from "vitest";
import type { TDatabase } from "../../db/client.js";
import { failureOf } from "../../test-support/app-error.js";
import type { TViewerScope } from "../access/viewer-scope.js";
import type { TInterviewRow } from "../interviews/interviews.repo.js";
import type { TQuestionVersionRow } from "../questions/questions.repo.js";
import type { TScorecardRow, TScorecardsRepo } from "./scorecards.repo.js";
import { createScorecardsService } from "./scorecards.service.js";

/**
 * The scorecard rules with fakes of the service's narrow dependencies: no database, so each case
 * names exactly the state it starts from. The HTTP suite checks the same rules end to end.
 */
const ROLE = "role-1";
const APPLICATION = { id: "app-1", roleId: ROLE };
const STAGE = "stage-tech";
const ME = { id: "user-me", role: "interviewer" as const, name: "Me" };
const COLLEAGUE = { id: "user-colleague", role: "interviewer" as const, name: "Colleague" };
const MANAGER = { id: "user-manager", role: "hiring_manager" as const, name: "Manager" };

function interview(id: string, interviewerId: string): TInterviewRow {
  return {
    id,
    applicationId: APPLICATION.id,
    stageId: STAGE,
    interviewerId,
    kit: [{ questionId: "q-1", questionVersionId: "qv-1" }],
  } as unknown as TInterviewRow;
}

function scopeOf(userId: string): TViewerScope {
  return {
    userId,
    isAdmin: false,
    teamRoleByRole: new Map(
      userId === MANAGER.id
        ? [[ROLE, "hiring_manager" as const]]
        : [[ROLE, "interviewer" as const]],
    ),
    assignedApplicationIds: new Set([APPLICATION.id]),
    assignedRoleIds: new Set([ROLE]),
  };
}

function world() {
  const cards: TScorecardRow[] = [];
  const audit: string[] = [];
  const interviews = new Map([
    ["int-me", interview("int-me", ME.id)],
    ["int-colleague", interview("int-colleague", COLLEAGUE.id)],
  ]);
  let nextId = 1;
  const row = (card: TScorecardRow) => ({
    scorecard: card,
    stageName: "Technical screen",
    interviewerName: card.interviewerId,
  });
  const latestFor = (interviewId: string) =>
    cards
      .filter((c) => c.interviewId === interviewId)
      .sort((a, b) => b.version - a.version)
      .at(0);
  const scorecardsRepo: TScorecardsRepo = {
    async insertScorecard(values: Partial<TScorecardRow>) {
      const card = {
        id: `card-${nextId++}`,
        submittedAt: null,
        supersededAt: null,
        correctionReason: null,
        updatedAt: new Date(),
        createdAt: new Date(),
        ...values,
      } as TScorecardRow;
      cards.push(card);
      return card;
    },
    async findById(id: string) {
      const card = cards.find((c) => c.id === id);
      return card ? row(card) : undefined;
    },
    async findLatestForInterview(interviewId: string) {
      const card = latestFor(interviewId);
      return card ? row(card) : undefined;
    },
    async updateDraftAtRevision(id: string, revision: number, values: Partial<TScorecardRow>) {
      const card = cards.find((c) => c.id === id && c.revision === revision);
      if (!card || card.status !== "draft") return undefined;
      Object.assign(card, values, { revision: revision + 1 });
      return card;
    },
    async submitAtRevision(id: string, revision: number, at: Date) {
      const card = cards.find((c) => c.id === id && c.revision === revision);
      if (!card) return undefined;
      Object.assign(card, { status: "submitted", submittedAt: at });
      return card;
    },
    async markSuperseded(id: string, at: Date) {
      const card = cards.find((c) => c.id === id);
      if (card) card.supersededAt = at;
    },
    async listForApplication() {
      return cards.map(row);
    },
  } as unknown as TScorecardsRepo;
  const service = createScorecardsService({
    db: { transaction: async (work: (tx: unknown) => unknown) => work({}) } as unknown as TDatabase,
    scorecardsRepo,
    interviewsRepo: { findById: async (id: string) => interviews.get(id) },
    applicationsRepo: { findById: async () => APPLICATION as never },
    rolesRepo: { findStage: async () => ({ competencies: ["orm-data-modelling"] }) as never },
    questionsRepo: {
      findVersionsByIds: async () =>
        [{ id: "qv-1", signals: ["uses select_related"] }] as unknown as TQuestionVersionRow[],
    },
    viewerScopeRepo: { loadScope: async (viewer) => scopeOf(viewer.id) },
    auditService: {
      recordEvent: async (_actor, event) => {
        audit.push(event.action);
      },
    },
    now: () => new Date("2026-12-01T12:00:00Z"),
  });
  return { service, cards, audit };
}

const COMPLETE = {
  answers: [
    {
      questionId: "q-1",
      questionVersionId: "qv-1",
      rating: 3 as const,
      signals: ["uses select_related"],
      notes: "",
    },
  ],
  competencyRatings: { "orm-data-modelling": 3 },
  keyTakeaways: "Knows the ORM's query costs well.",
  recommendation: "yes" as const,
};
const actor = { userId: ME.id, label: "Me" };

describe("scorecards service (fakes)", () => {
  it("autosaves by revision and refuses a stale save without overwriting the newer draft", async () => {
    const { service, cards } = world();
    const first = await service.saveDraft("int-me", { ...COMPLETE, revision: 0 }, ME);
    expect(first.revision).toBe(1);
    await service.saveDraft(
      "int-me",
      { ...COMPLETE, keyTakeaways: "Second tab wrote this.", revision: 1 },
      ME,
    );
    const stale = await failureOf(
      service.saveDraft("int-me", { ...COMPLETE, keyTakeaways: "Old tab.", revision: 1 }, ME),
    );
    expect(stale.code).toBe("CONFLICT");
    expect(cards[0]?.keyTakeaways).toBe("Second tab wrote this.");
  });

  it("will not let an interviewer write another interviewer's scorecard", async () => {
    const { service } = world();
    const refused = await failureOf(
      service.saveDraft("int-colleague", { ...COMPLETE, revision: 0 }, ME),
    );
    expect(refused.code).toBe("FORBIDDEN");
  });

  it("submits only a complete scorecard, names what is missing, and audits the submission", async () => {
    const { service, audit } = world();
    await service.saveDraft("int-me", { ...COMPLETE, keyTakeaways: "Too short", revision: 0 }, ME);
    const incomplete = await failureOf(service.submitScorecard("int-me", 1, ME, actor));
    expect(incomplete.code).toBe("VALIDATION_FAILED");
    expect(incomplete.fields?.map((f) => f.field)).toEqual(["keyTakeaways"]);
    expect(audit).toEqual([]);

    await service.saveDraft("int-me", { ...COMPLETE, revision: 1 }, ME);
    const submitted = await service.submitScorecard("int-me", 2, ME, actor);
    expect(submitted.status).toBe("submitted");
    expect(audit).toEqual(["scorecard.submitted"]);
    const locked = await failureOf(service.saveDraft("int-me", { ...COMPLETE, revision: 2 }, ME));
    expect(locked.message).toContain("locked");
  });

  it("keeps a colleague's scorecard from an interviewer until they submitted their own", async () => {
    const { service } = world();
    await service.saveDraft("int-colleague", { ...COMPLETE, revision: 0 }, COLLEAGUE);
    await service.submitScorecard("int-colleague", 1, COLLEAGUE, actor);

    const before = await service.listForApplication(APPLICATION.id, {}, ME);
    expect(before.scorecards).toEqual([]);
    expect(before.withheldStageIds).toEqual([STAGE]);
    const managerView = await service.listForApplication(APPLICATION.id, {}, MANAGER);
    expect(managerView.scorecards).toHaveLength(1);

    await service.saveDraft("int-me", { ...COMPLETE, revision: 0 }, ME);
    await service.submitScorecard("int-me", 1, ME, actor);
    const after = await service.listForApplication(APPLICATION.id, {}, ME);
    expect(after.scorecards.map((c) => c.interviewer.id).sort()).toEqual(
      [COLLEAGUE.id, ME.id].sort(),
    );
    expect(after.withheldStageIds).toEqual([]);
  });

  it("files a correction as a new version and keeps the original, superseded", async () => {
    const { service, cards, audit } = world();
    await service.saveDraft("int-me", { ...COMPLETE, revision: 0 }, ME);
    const original = await service.submitScorecard("int-me", 1, ME, actor);
    const corrected = await service.correctScorecard(
      original.id,
      { ...COMPLETE, recommendation: "strong_yes", reason: "Mis-clicked the recommendation." },
      ME,
      actor,
    );
    expect(corrected.version).toBe(2);
    expect(cards).toHaveLength(2);
    expect(cards[0]?.supersededAt).not.toBeNull();
    expect(audit).toEqual(["scorecard.submitted", "scorecard.corrected"]);
    const again = await failureOf(
      service.correctScorecard(original.id, { ...COMPLETE, reason: "Again." }, ME, actor),
    );
    expect(again.code).toBe("CONFLICT");
  });
});
