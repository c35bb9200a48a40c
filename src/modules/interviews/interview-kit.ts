import type { TInterviewKitItem } from "../../db/schema/index.js";
import type { TQuestionVersionRow } from "../questions/questions.repo.js";
import { anchorsForLevel } from "../questions/question-presenter.js";
import type { TCompetencyId } from "../roles/templates/competencies.js";
import type { TLevel } from "../roles/templates/levels.js";

/** The pinned kit items resolved to their question versions, anchors chosen for the level. */
export function resolveKitQuestions(
  kit: readonly TInterviewKitItem[],
  versions: readonly TQuestionVersionRow[],
  level: TLevel,
) {
  const byId = new Map(versions.map((v) => [v.id, v]));
  return kit.flatMap((item, index) => {
    const version = byId.get(item.questionVersionId);
    if (!version) return [];
    return [
      {
        position: index + 1,
        questionId: version.questionId,
        questionVersionId: version.id,
        version: version.version,
        title: version.title,
        prompt: version.prompt,
        minutes: item.minutes,
        signals: version.signals,
        redFlags: version.redFlags,
        followUps: version.followUps,
        anchors: anchorsForLevel(version, level),
        competencies: version.competencies as TCompetencyId[],
      },
    ];
  });
}
