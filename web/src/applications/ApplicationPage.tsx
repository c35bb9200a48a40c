import { Link, useParams } from "react-router";
import { LEVEL_LABELS, STATUS_LABELS } from "../api/hiring-types";
import { CountingResult } from "../assessments/CountingResult";
import { ErrorBanner } from "../components/form";
import { PageTitle } from "../components/Layout";
import { ApplicationTimeline } from "../hiring/ApplicationTimeline";
import { FeedbackPanel } from "../feedback/FeedbackPanel";
import { DecisionPanel } from "../hiring/DecisionPanel";
import { InterviewList } from "../hiring/InterviewList";
import { NotesPanel } from "../notes/NotesPanel";
import { ScheduleInterviewsForm } from "../hiring/ScheduleInterviewsForm";
import { useRole } from "../roles/queries";
import { useApplication } from "./queries";

export function ApplicationPage() {
  const { applicationId = "" } = useParams();
  const { data: application, error } = useApplication(applicationId);
  const role = useRole(application?.permissions.canManage ? application.role.id : undefined).data;

  if (!application) {
    return (
      <>
        <PageTitle>Application</PageTitle>
        <ErrorBanner error={error} />
        {!error && (
          <p className="muted" role="status">
            Loading the application…
          </p>
        )}
      </>
    );
  }
  const active = application.status === "active";
  const position = application.stages.findIndex((s) => s.id === application.currentStage.id);
  return (
    <>
      <PageTitle>
        {application.candidate.name} — {application.role.title}
      </PageTitle>
      <p className="muted">
        <Link to={`/candidates/${application.candidate.id}`}>Candidate profile</Link> ·{" "}
        <Link to={`/roles/${application.role.id}`}>
          {LEVEL_LABELS[application.role.level]} role
        </Link>{" "}
        ·{" "}
        <span className={active ? "badge" : "badge badge-muted"}>
          {STATUS_LABELS[application.status]}
        </span>
      </p>
      <nav className="application-links" aria-label="Evidence for this application">
        {application.permissions.canManage && (
          <Link to={`/applications/${application.id}/screening`}>Résumé screen</Link>
        )}
        <span>
          <Link to={`/applications/${application.id}/assessment`}>Practical assessment</Link>
          <CountingResult applicationId={application.id} />
        </span>
      </nav>
      <ol className="stepper" aria-label="Stages">
        {application.stages.map((s, i) => (
          <li
            key={s.id}
            className={i < position ? "done" : i === position ? "current" : undefined}
            aria-current={i === position ? "step" : undefined}
          >
            {s.name}
          </li>
        ))}
      </ol>
      <div className="two-columns">
        <section className="card" aria-labelledby="interviews-heading">
          <h2 id="interviews-heading">Interviews</h2>
          <InterviewList
            interviews={application.interviews}
            canManage={application.permissions.canManage}
          />
        </section>
        <section className="card" aria-labelledby="history-heading">
          <h2 id="history-heading">History</h2>
          <ApplicationTimeline history={application.history} />
        </section>
      </div>
      {application.permissions.canDecide && (
        <DecisionPanel applicationId={application.id} active={active} />
      )}
      {application.permissions.canDecide && application.status === "rejected" && (
        <FeedbackPanel applicationId={application.id} />
      )}
      {application.permissions.canManage && <NotesPanel applicationId={application.id} />}
      {application.permissions.canManage && active && role && (
        <section className="card">
          <ScheduleInterviewsForm
            key={application.currentStage.id}
            application={application}
            role={role}
          />
        </section>
      )}
    </>
  );
}
