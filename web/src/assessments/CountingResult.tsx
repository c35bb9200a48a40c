import { useApplicationAssessmentResults } from "./queries";
import type { TAssessmentSummary } from "./types";

type TCounting = NonNullable<TAssessmentSummary["parts"][number]["counting"]>;

function resultOf(counting: TCounting): string {
  const grading = counting.grading;
  const result =
    grading?.status === "graded" && grading.score !== null
      ? `${grading.score}/100`
      : grading?.status === "error"
        ? "could not be graded"
        : "not graded yet";
  return `${result}, version ${counting.version} of ${counting.of}${counting.chosen ? ", chosen by the team" : ""}`;
}

/**
 * The results that count of an application's newest assessment, one per part, for the
 * application page: the same `counting` the results page shows (server rule in
 * counting-version.ts), never the newest upload by position.
 */
export function CountingResult({ applicationId }: { applicationId: string }) {
  const assessment = useApplicationAssessmentResults(applicationId).data?.assessments[0];
  if (!assessment) return null;
  const counted = assessment.parts.flatMap((part) =>
    part.counting ? [{ position: part.position, counting: part.counting }] : [],
  );
  if (counted.length === 0) return null;
  const text =
    assessment.parts.length === 1
      ? counted.map(({ counting }) => resultOf(counting)).join("")
      : counted
          .map(({ position, counting }) => `part ${position}: ${resultOf(counting)}`)
          .join("; ");
  return (
    <span className="muted small" data-testid="assessment-result">
      {" "}
      ({text})
    </span>
  );
}
