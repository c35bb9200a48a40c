import { Link, useParams } from "react-router";
import { ErrorBanner } from "../components/form";
import { PageTitle } from "../components/Layout";
import { useApplications } from "../applications/queries";
import { useRole } from "../roles/queries";
import { ChecklistEditor } from "./ChecklistEditor";
import { CsvImportPanel } from "./CsvImportPanel";
import { IntakePanel } from "./IntakePanel";
import { useScreeningSettings } from "./queries";

/** Same label as the API's blind review: the application, not the person. */
const blindLabel = (applicationId: string) =>
  `Candidate ${applicationId.slice(0, 6).toUpperCase()}`;

export function RoleScreeningPage() {
  const { roleId = "" } = useParams();
  const role = useRole(roleId);
  const settings = useScreeningSettings(roleId);
  const screenStage = role.data?.stages.find((s) => s.kind === "resume-screen");
  const waiting = useApplications(
    { roleId, stageId: screenStage?.id ?? "", status: "active", limit: 200 },
    Boolean(screenStage),
  );
  const blind = settings.data?.blind ?? false;

  return (
    <>
      <p className="muted small">
        <Link to={`/roles/${roleId}`}>{role.data?.title ?? "Role"}</Link> › Résumé screening
      </p>
      <PageTitle>Résumé screening{role.data ? ` — ${role.data.title}` : ""}</PageTitle>
      <ErrorBanner error={role.error ?? settings.error} />
      <div className="screening-grid">
        <div className="screening-main">
          <IntakePanel roleId={roleId} />
          <section className="card" aria-labelledby="waiting-title">
            <h2 id="waiting-title">Waiting for a résumé screen</h2>
            {blind && (
              <p className="muted small">Blind review is on: names stay hidden until screened.</p>
            )}
            {waiting.data && waiting.data.applications.length === 0 && (
              <p className="muted">Nobody is waiting for a screen.</p>
            )}
            {waiting.data && waiting.data.applications.length > 0 && (
              <ul className="plain-list waiting-list">
                {waiting.data.applications.map((application) => (
                  <li key={application.id}>
                    <Link to={`/applications/${application.id}/screening`}>
                      {blind ? blindLabel(application.id) : application.candidate.name}
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <CsvImportPanel roleId={roleId} />
        </div>
        <div className="screening-side">
          {settings.data && <ChecklistEditor key={roleId} settings={settings.data} />}
        </div>
      </div>
    </>
  );
}
