import { useApplicationAssessmentResults } from "./queries";

/**
 * The result that counts of an application's newest assessment, for the application page: the
 * same `counting` the results page shows (server rule in counting-version.ts), never the newest
 * upload by position.
 */
export function CountingResult({ applicationId }: { applicationId: string }) {
  const counting = useApplicationAssessmentResults(applicationId).data?.assessments[0]?.counting;
  if (!counting) return null;
  const grading = counting.grading;
  const result =
    grading?.status === "graded" && grading.score !== null
      ? `${grading.score}/100`
      : grading?.status === "error"
        ? "could not be graded"
        : "not graded yet";
  return (
    <span className="muted small" data-testid="assessment-result">
      {" "}
      ({result}, version {counting.version} of {counting.of}
      {counting.chosen ? ", chosen by the team" : ""})
    </span>
  );
}
