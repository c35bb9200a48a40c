import { canLeadRole } from "../access/viewer-scope.js";
import type { TViewerScope } from "../access/viewer-scope.js";
import type { TScorecardRow } from "./scorecards.repo.js";

/**
 * Independence: an interviewer reads other scorecards for a stage only after submitting their own
 * for that stage, so nobody anchors on a colleague's verdict. Hiring managers on the role's team
 * and admins read every submitted scorecard. Drafts are readable by their author alone.
 */
export function canReadScorecard(
  scope: TViewerScope,
  roleId: string,
  card: Pick<TScorecardRow, "interviewerId" | "status" | "stageId">,
  applicationCards: readonly Pick<TScorecardRow, "interviewerId" | "status" | "stageId">[],
): boolean {
  if (card.interviewerId === scope.userId) return true;
  if (card.status !== "submitted") return false;
  if (canLeadRole(scope, roleId)) return true;
  return applicationCards.some(
    (own) =>
      own.interviewerId === scope.userId &&
      own.stageId === card.stageId &&
      own.status === "submitted",
  );
}

export function filterReadableScorecards<
  TCard extends Pick<TScorecardRow, "interviewerId" | "status" | "stageId">,
>(scope: TViewerScope, roleId: string, cards: readonly TCard[]) {
  const visible = cards.filter((card) => canReadScorecard(scope, roleId, card, cards));
  const withheldStageIds = [
    ...new Set(
      cards
        .filter((card) => card.status === "submitted" && !visible.includes(card))
        .map((c) => c.stageId),
    ),
  ];
  return { visible, withheldStageIds };
}
