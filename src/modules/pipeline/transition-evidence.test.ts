import { describe, expect, it } from "vitest";
import { missingForMove, missingForOffer, requireConfirmation } from "./transition-evidence.js";

const stages = [
  { id: "s0", name: "Résumé", kind: "resume-screen" as const, position: 0 },
  { id: "s1", name: "Screen", kind: "technical-screen" as const, position: 1 },
  { id: "s2", name: "Deep dive", kind: "technical-deep-dive" as const, position: 2 },
  { id: "s3", name: "Decision", kind: "decision" as const, position: 3 },
];
const interview = (stageId: string, who: string, status: "none" | "draft" | "submitted") => ({
  interview: { stageId, interviewerId: who },
  stageName: stages.find((s) => s.id === stageId)?.name ?? "",
  interviewerName: who.toUpperCase(),
  scorecardStatus: status,
});

describe("missing evidence on a transition", () => {
  const interviews = [
    interview("s1", "a", "submitted"),
    interview("s1", "b", "draft"),
    interview("s2", "c", "none"),
  ];

  it("a move forward lists unsubmitted scorecards of the stages it passes, a move back none", () => {
    expect(
      missingForMove({ stages, interviews, fromStageId: "s1", toStageId: "s2" }).map(
        (m) => m.kind === "scorecard" && m.interviewer.name,
      ),
    ).toEqual(["B"]);
    expect(missingForMove({ stages, interviews, fromStageId: "s1", toStageId: "s3" })).toHaveLength(
      2,
    );
    expect(missingForMove({ stages, interviews, fromStageId: "s2", toStageId: "s1" })).toEqual([]);
  });

  it("an offer lists pending scorecards and interview stages nobody scored", () => {
    const missing = missingForOffer({
      stages,
      interviews: [interview("s1", "a", "submitted")],
      currentStageId: "s3",
    });
    expect(missing).toEqual([{ kind: "stage", stageId: "s2", stageName: "Deep dive" }]);
  });

  it("refuses without confirm, then without a reason, and returns what to audit", () => {
    const missing = missingForMove({ stages, interviews, fromStageId: "s1", toStageId: "s2" });
    expect(() => requireConfirmation(missing, {}, "Moving")).toThrow(/Confirm with a reason/);
    expect(() => requireConfirmation(missing, { confirm: true }, "Moving")).toThrow(/Say why/);
    expect(
      requireConfirmation(missing, { confirm: true, reason: "Fast-tracked." }, "Moving"),
    ).toEqual({ missing, reason: "Fast-tracked." });
    expect(requireConfirmation([], {}, "Moving")).toBeNull();
  });
});
