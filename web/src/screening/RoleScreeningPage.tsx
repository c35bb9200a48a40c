import { useCallback } from "react";
import { Link, useParams } from "react-router";
import { api } from "../api/client";
import { ErrorBanner } from "../components/form";
import { PageTitle } from "../components/Layout";
import { useLoad } from "../components/use-load";
import { ChecklistEditor } from "./ChecklistEditor";
import { CsvImportPanel } from "./CsvImportPanel";
import { IntakePanel } from "./IntakePanel";

/** Same label as the API's blind review: the application, not the person. */
const blindLabel = (applicationId: string) =>
  `Candidate ${applicationId.slice(0, 6).toUpperCase()}`;

export function RoleScreeningPage() {
  const { roleId = "" } = useParams();
  const role = useLoad(
    () => api.GET("/api/roles/{roleId}", { params: { path: { roleId } } }),
    `role-${roleId}`,
  );
  const settings = useLoad(
    () => api.GET("/api/roles/{roleId}/screening-settings", { params: { path: { roleId } } }),
    `settings-${roleId}`,
  );
  const screenStage = role.data?.role.stages.find((s) => s.kind === "resume-screen");
  const waiting = useLoad(
    () =>
      screenStage
        ? api.GET("/api/applications", {
            params: {
              query: { roleId, stageId: screenStage.id, status: "active", limit: 200 },
            },
          })
        : Promise.resolve({ data: undefined, error: undefined }),
    `waiting-${roleId}-${screenStage?.id ?? ""}`,
  );
  const reloadWaiting = waiting.reload;
  const refresh = useCallback(() => void reloadWaiting(), [reloadWaiting]);
  const blind = settings.data?.settings.blind ?? false;

  return (
    <>
      <p className="muted small">
        <Link to={`/roles/${roleId}`}>{role.data?.role.title ?? "Role"}</Link> › Résumé screening
      </p>
      <PageTitle>Résumé screening{role.data ? ` — ${role.data.role.title}` : ""}</PageTitle>
      <ErrorBanner error={role.error ?? settings.error} />
      <div className="screening-grid">
        <div className="screening-main">
          <IntakePanel roleId={roleId} onProgress={refresh} />
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
          <CsvImportPanel roleId={roleId} onImported={refresh} />
        </div>
        <div className="screening-side">
          {settings.data && (
            <ChecklistEditor
              key={roleId}
              settings={settings.data.settings}
              onSaved={() => void settings.reload()}
            />
          )}
        </div>
      </div>
    </>
  );
}
