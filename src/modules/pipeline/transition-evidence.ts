import { z } from "zod";
import type { TStageKind } from "../../db/schema/index.js";
import { AppError } from "../../errors.js";
import { ZUuid } from "../../shared/schema-primitives.js";

/**
 * What a move, an advance or an offer would leave behind. The pipeline owns this rule: the board's
 * moves and the decision page's decisions both ask it, and the web shows the list it returns.
 * Only names of stages and interviewers, never scorecard content, so anyone who may make the
 * change may read it.
 */
export const ZMissingEvidence = z.discriminatedUnion("kind", [
  z.object({
    /** An assigned interviewer has not submitted their scorecard. */
    kind: z.literal("scorecard"),
    stageId: ZUuid,
    stageName: z.string().max(200),
    interviewer: z.object({ id: ZUuid, name: z.string().max(200) }),
  }),
  z.object({
    /** An interview stage of the plan with no submitted scorecard at all (skipped or never held). */
    kind: z.literal("stage"),
    stageId: ZUuid,
    stageName: z.string().max(200),
  }),
  z.object({
    /** A competency the role weighs at 10% or more with no evidence from any source. */
    kind: z.literal("competency"),
    competencyId: z.string().max(80),
    competencyName: z.string().max(200),
    weight: z.number(),
  }),
]);
export type TMissingEvidence = z.infer<typeof ZMissingEvidence>;

/** Request fields that acknowledge the missing evidence; both are needed together. */
export const ZConfirmation = {
  confirm: z.boolean().optional(),
  reason: z.string().trim().min(10, "must be at least 10 characters: say why").max(2000).optional(),
};
export type TConfirmationInput = { confirm?: boolean | undefined; reason?: string | undefined };

type TPlanStage = { id: string; name: string; kind: TStageKind; position: number };
type TPlannedInterview = {
  interview: { stageId: string; interviewerId: string };
  stageName: string;
  interviewerName: string;
  scorecardStatus: "none" | "draft" | "submitted";
};

// Stages whose evidence is a scorecard; the resume screen and the practical assessment have their
// own evidence (screen verdict, graded submission), reported through the competency coverage.
const INTERVIEW_KINDS = new Set<TStageKind>([
  "technical-screen",
  "technical-deep-dive",
  "culture-fit",
  "custom",
]);

type TPendingScorecard = Extract<TMissingEvidence, { kind: "scorecard" }>;

function pendingScorecards(
  interviews: readonly TPlannedInterview[],
  stageIds: ReadonlySet<string>,
): TPendingScorecard[] {
  return interviews
    .filter((i) => stageIds.has(i.interview.stageId) && i.scorecardStatus !== "submitted")
    .map((i) => ({
      kind: "scorecard" as const,
      stageId: i.interview.stageId,
      stageName: i.stageName,
      interviewer: { id: i.interview.interviewerId, name: i.interviewerName },
    }));
}

/** Moving from one stage to a later one passes every stage in between, the current one included. */
export function missingForMove(input: {
  stages: readonly TPlanStage[];
  interviews: readonly TPlannedInterview[];
  fromStageId: string;
  toStageId: string;
}): TMissingEvidence[] {
  const from = input.stages.find((s) => s.id === input.fromStageId);
  const to = input.stages.find((s) => s.id === input.toStageId);
  if (!from || !to || to.position <= from.position) return [];
  const passed = new Set(
    input.stages
      .filter((s) => s.position >= from.position && s.position < to.position)
      .map((s) => s.id),
  );
  return pendingScorecards(input.interviews, passed);
}

/** An offer stands on the whole plan: every earlier stage's scorecards and every interview stage. */
export function missingForOffer(input: {
  stages: readonly TPlanStage[];
  interviews: readonly TPlannedInterview[];
  currentStageId: string;
  competencies?: readonly Extract<TMissingEvidence, { kind: "competency" }>[];
}): TMissingEvidence[] {
  const current = input.stages.find((s) => s.id === input.currentStageId);
  const before = input.stages.filter((s) => current && s.position <= current.position);
  const pending = pendingScorecards(input.interviews, new Set(before.map((s) => s.id)));
  const submittedIn = new Set(
    input.interviews
      .filter((i) => i.scorecardStatus === "submitted")
      .map((i) => i.interview.stageId),
  );
  const withPending = new Set(pending.map((p) => p.stageId));
  const emptyStages: TMissingEvidence[] = before
    .filter((s) => INTERVIEW_KINDS.has(s.kind) && !submittedIn.has(s.id) && !withPending.has(s.id))
    .map((s) => ({ kind: "stage", stageId: s.id, stageName: s.name }));
  return [...pending, ...emptyStages, ...(input.competencies ?? [])];
}

/** The offer rule: only once the application has reached the plan's decision stage. */
export function assertOfferableStage(stages: readonly TPlanStage[], currentStageId: string) {
  const current = stages.find((s) => s.id === currentStageId);
  if (current?.kind === "decision") return;
  const decision = stages.find((s) => s.kind === "decision");
  throw new AppError(
    "CONFLICT",
    decision
      ? `An offer is made from the "${decision.name}" stage; this application is in "${current?.name ?? "another stage"}". Advance it there first.`
      : "This role's plan has no decision stage, so no offer can be made; add one to the plan first.",
    {
      details: {
        currentStage: current ? { id: current.id, name: current.name } : null,
        decisionStage: decision ? { id: decision.id, name: decision.name } : null,
      },
    },
  );
}

/**
 * Refuses a change that leaves evidence behind unless the caller confirmed it with a reason.
 * Returns the confirmation to audit (null when nothing was missing).
 */
export function requireConfirmation(
  missing: readonly TMissingEvidence[],
  input: TConfirmationInput,
  what: string,
): { missing: TMissingEvidence[]; reason: string } | null {
  if (missing.length === 0) return null;
  if (input.confirm !== true)
    throw new AppError(
      "CONFIRMATION_REQUIRED",
      `${what} would go ahead without ${describeCount(missing)}. Confirm with a reason to continue.`,
      { details: { missing } },
    );
  if (!input.reason)
    throw new AppError("VALIDATION_FAILED", "Say why you are going ahead without this evidence.", {
      fields: [{ field: "reason", message: "is required when confirming missing evidence" }],
      details: { missing },
    });
  return { missing: [...missing], reason: input.reason };
}

function describeCount(missing: readonly TMissingEvidence[]) {
  const n = missing.length;
  return n === 1 ? "one piece of evidence" : `${n} pieces of evidence`;
}
