import { Link, useParams } from "react-router";
import { PageTitle } from "../components/Layout";
import { AssessmentSection } from "./AssessmentSection";

/** `/applications/:applicationId/assessment`: the assessment section on a page of its own. */
export function AssessmentResultsPage() {
  const { applicationId = "" } = useParams();
  return (
    <>
      <p className="small">
        <Link to={`/applications/${applicationId}`}>← Back to the application</Link>
      </p>
      <PageTitle>Practical assessment results</PageTitle>
      <AssessmentSection applicationId={applicationId} />
    </>
  );
}
