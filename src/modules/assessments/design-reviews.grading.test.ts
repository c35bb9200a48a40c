/* eslint-disable @typescript-eslint/require-await -- the fake implements async repository methods in memory */
import { describe, expect, it } from "vitest";
import type { TGradeReport } from "../../grader/grade-report.js";
import { referenceDesign } from "../../test-support/design-review-world.js";
import { createGradeSubmissionHandler } from "./grade-submission.job.js";

/**
 * A design document is stored as its text, not a zip; the grading job hands the grader a file
 * with the stored name's extension, so the completeness check reads it (and a zip stays a zip).
 */
describe("grading a stored design document", () => {
  it("reports the sections of a stored Markdown document, with no score", async () => {
    const finished: { status: string; score: number | null; report: unknown }[] = [];
    const content = Buffer.from(await referenceDesign());
    const handler = createGradeSubmissionHandler({
      assessmentsRepo: {
        async findGradingForJob() {
          return {
            grading: { id: "g-1", submissionId: "s-1" },
            packId: "architecture",
            filename: "DESIGN.md",
          } as never;
        },
        async markGradingRunning() {
          return true;
        },
        async readSubmissionContent() {
          return content;
        },
        async finishGrading(
          _id: string,
          values: { status: string; score: number | null; report: unknown },
        ) {
          finished.push(values);
        },
      },
      similarityService: {
        async recordFingerprints() {
          throw new Error("a design document has no fingerprints");
        },
      },
      settings: { concurrency: 1, slotBase: 0 },
    });
    await handler({ gradingId: "g-1" }, { jobId: "j-1", attempt: 1 });
    const report = finished[0]?.report as TGradeReport | undefined;
    expect(finished[0]?.status).toBe("graded");
    // Stored without a score, so no page or packet shows the check as "0 / 100".
    expect(finished[0]?.score).toBeNull();
    expect(report?.details).toMatchObject({ kind: "document" });
    const sections = report?.details?.kind === "document" ? report.details.sections : [];
    expect(sections.filter((s) => s.status === "present")).toHaveLength(10);
  }, 120_000);
});
