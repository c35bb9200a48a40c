import { useState } from "react";
import { Link, useParams } from "react-router";
import { api } from "../api/client";
import type { TQuestionVersion } from "../api/hiring-types";
import { AREA_LABELS, formatDateTime, LEVEL_LABELS } from "../api/hiring-types";
import { ErrorBanner, Notice } from "../components/form";
import { PageTitle } from "../components/Layout";
import { forgetQuestionCatalogue } from "../hiring/catalogue";
import { QuestionEditor } from "../hiring/QuestionEditor";
import { QuestionVersionView } from "../hiring/QuestionVersionView";
import { useLoad } from "../components/use-load";
import { useCurrentUser } from "../session";

export function QuestionPage() {
  const { questionId = "" } = useParams();
  const me = useCurrentUser();
  const { data, error, reload } = useLoad(
    () => api.GET("/api/questions/{questionId}", { params: { path: { questionId } } }),
    questionId,
  );
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const [older, setOlder] = useState<TQuestionVersion>();
  const canEdit = me.role === "admin" || me.role === "hiring_manager";
  if (!data) {
    return (
      <>
        <PageTitle>Question</PageTitle>
        <ErrorBanner error={error} />
      </>
    );
  }
  const { question, versions } = data;
  const shown = older ?? question.current;

  async function showVersion(versionId: string) {
    if (versionId === question.current.id) return setOlder(undefined);
    const { data: v } = await api.GET("/api/question-versions/{versionId}", {
      params: { path: { versionId } },
    });
    setOlder(v?.questionVersion);
  }

  return (
    <>
      <p className="small">
        <Link to="/questions">← Question bank</Link>
      </p>
      <PageTitle>{shown.title}</PageTitle>
      <p className="muted">
        {AREA_LABELS[shown.area]} · {shown.levels.map((l) => LEVEL_LABELS[l]).join(", ")} ·{" "}
        {shown.suggestedMinutes} min · version {shown.version} of {question.latestVersion}
      </p>
      {saved && <Notice tone="success">Saved as version {question.latestVersion}.</Notice>}
      {older && (
        <Notice>
          You are reading version {older.version}.{" "}
          <button type="button" className="button-quiet" onClick={() => setOlder(undefined)}>
            Show the current version
          </button>
        </Notice>
      )}
      {editing ? (
        <QuestionEditor
          question={question}
          onCancel={() => setEditing(false)}
          onSaved={() => {
            forgetQuestionCatalogue();
            setEditing(false);
            setSaved(true);
            void reload();
          }}
        />
      ) : (
        <section className="card">
          <QuestionVersionView version={shown} />
          {canEdit && !older && (
            <p>
              <button
                type="button"
                onClick={() => {
                  setSaved(false);
                  setEditing(true);
                }}
              >
                Edit question
              </button>
            </p>
          )}
        </section>
      )}
      <section className="card" aria-labelledby="versions-heading">
        <h2 id="versions-heading">Version history</h2>
        <ol className="plain-list" reversed>
          {[...versions].reverse().map((v) => (
            <li key={v.id}>
              <span>
                <button
                  type="button"
                  className="button-quiet"
                  aria-current={v.version === shown.version ? "true" : undefined}
                  onClick={() => void showVersion(v.id)}
                >
                  Version {v.version}
                </button>{" "}
                {v.changeNote ?? "From the seed bank"}
              </span>
              <span className="muted small">{formatDateTime(v.createdAt)}</span>
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
