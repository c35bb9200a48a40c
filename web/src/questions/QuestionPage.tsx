import { useState } from "react";
import { Link, useParams } from "react-router";
import { AREA_LABELS, formatDateTime, LEVEL_LABELS } from "../api/hiring-types";
import { ErrorBanner, Notice } from "../components/form";
import { PageTitle } from "../components/Layout";
import { QuestionEditor } from "../hiring/QuestionEditor";
import { QuestionVersionView } from "../hiring/QuestionVersionView";
import { useCurrentUser } from "../session";
import { useQuestion, useQuestionVersion } from "./queries";

export function QuestionPage() {
  const { questionId = "" } = useParams();
  const me = useCurrentUser();
  const { data, error } = useQuestion(questionId);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const [olderId, setOlderId] = useState<string>();
  const older = useQuestionVersion(olderId).data;
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

  const showVersion = (versionId: string) =>
    setOlderId(versionId === question.current.id ? undefined : versionId);

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
          <button type="button" className="button-quiet" onClick={() => setOlderId(undefined)}>
            Show the current version
          </button>
        </Notice>
      )}
      {editing ? (
        <QuestionEditor
          question={question}
          onCancel={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            setSaved(true);
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
                  onClick={() => showVersion(v.id)}
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
