import { useState } from "react";
import { Link, useParams } from "react-router";
import type { TKit, TScorecard } from "../api/hiring-types";
import { formatDateTime, LEVEL_LABELS } from "../api/hiring-types";
import { ErrorBanner, Notice } from "../components/form";
import { PageTitle } from "../components/Layout";
import { KitQuestionCard } from "../hiring/KitQuestionCard";
import { OthersScorecards } from "../hiring/OthersScorecards";
import { SaveStatus } from "../hiring/SaveStatus";
import { draftFromScorecard, missingForSubmit } from "../hiring/scorecard-content";
import type { TScorecardDraft } from "../hiring/scorecard-content";
import { ScorecardCorrection } from "../hiring/ScorecardCorrection";
import { ScorecardOverall } from "../hiring/ScorecardOverall";
import { useScorecardDraft } from "../hiring/use-scorecard-draft";
import { useKit, useMyScorecard, useSubmitScorecard } from "./queries";

export function InterviewKitPage() {
  const { interviewId = "" } = useParams();
  const kit = useKit(interviewId);
  const mine = useMyScorecard(interviewId);
  if (!kit.data || !mine.data) {
    return (
      <>
        <PageTitle>Interview kit</PageTitle>
        <ErrorBanner error={kit.error ?? mine.error} />
        {!kit.error && !mine.error && (
          <p className="muted" role="status">
            Loading the kit…
          </p>
        )}
      </>
    );
  }
  return (
    <KitWithScorecard interviewId={interviewId} kit={kit.data} initial={mine.data.scorecard} />
  );
}

function KitWithScorecard({
  interviewId,
  kit,
  initial,
}: {
  interviewId: string;
  kit: TKit;
  initial: TScorecard | null;
}) {
  const [submitted, setSubmitted] = useState(initial?.status === "submitted" ? initial : undefined);
  const [correcting, setCorrecting] = useState<TScorecardDraft>();
  const submitScorecard = useSubmitScorecard(interviewId);
  const failure = submitScorecard.error;
  const { draft, setDraft, saveState, error, newer, loadNewer, keepMine, flush, revisionRef } =
    useScorecardDraft(interviewId, kit, initial?.status === "draft" ? initial : null);
  const shown = correcting ?? (submitted ? draftFromScorecard(submitted) : draft);
  const readOnly = Boolean(submitted) && !correcting;
  const edit = (update: (d: TScorecardDraft) => TScorecardDraft) =>
    correcting ? setCorrecting(update(correcting)) : setDraft(update);
  const missing = missingForSubmit(kit, shown);

  async function submit() {
    if (!(await flush())) return;
    submitScorecard.mutate(revisionRef.current, {
      onSuccess: (data) => setSubmitted(data.scorecard),
    });
  }

  return (
    <>
      <PageTitle>
        {kit.stage.name}: {kit.candidate.name}
      </PageTitle>
      <p className="muted">
        {kit.role.title} · {LEVEL_LABELS[kit.role.level]} rubric ·{" "}
        {formatDateTime(kit.interview.scheduledAt)} · {kit.stage.durationMinutes} min (
        {kit.totalQuestionMinutes} min of questions)
        {kit.candidate.links.github && (
          <>
            {" · "}
            <a href={kit.candidate.links.github} rel="noreferrer" target="_blank">
              GitHub
            </a>
          </>
        )}
      </p>
      {kit.stage.purpose && <p className="kit-purpose">{kit.stage.purpose}</p>}
      <div className="kit-layout">
        {/* The questions' h3 titles sit under an h2, so the outline has no h1 -> h3 jump. */}
        <h2 className="visually-hidden">Questions</h2>
        <ol className="kit-questions" aria-label="Questions in order">
          {kit.questions.map((q) => (
            <KitQuestionCard
              key={q.questionId}
              question={q}
              answer={shown.answers[q.questionId]}
              readOnly={readOnly}
              onChange={(answer) =>
                edit((d) => ({ ...d, answers: { ...d.answers, [q.questionId]: answer } }))
              }
            />
          ))}
        </ol>
        <aside className="card scorecard-side" aria-labelledby="scorecard-heading">
          <h2 id="scorecard-heading">Your scorecard</h2>
          {submitted && !correcting && (
            <Notice tone="success">
              Submitted {submitted.submittedAt ? formatDateTime(submitted.submittedAt) : ""}{" "}
              (version {submitted.version}). It is locked.
            </Notice>
          )}
          {!submitted && <SaveStatus state={saveState} />}
          {newer && (
            <div className="banner banner-error" role="alert">
              <p>{error?.message}</p>
              <div className="button-row">
                <button type="button" onClick={loadNewer}>
                  Load the newer version
                </button>
                <button type="button" className="button-quiet" onClick={keepMine}>
                  Keep mine and replace it
                </button>
              </div>
            </div>
          )}
          {saveState === "error" && <ErrorBanner error={error} />}
          <ScorecardOverall kit={kit} draft={shown} readOnly={readOnly} onChange={edit} />
          <ErrorBanner error={failure} />
          {!submitted && (
            <>
              {missing.length > 0 && <p className="hint">Still missing: {missing.join(", ")}.</p>}
              <button
                type="button"
                className="button-primary"
                disabled={missing.length > 0 || Boolean(newer)}
                onClick={() => void submit()}
              >
                Submit scorecard
              </button>
              <p className="hint">Submitting locks it; later changes are filed as a correction.</p>
            </>
          )}
          {submitted && !correcting && (
            <button type="button" onClick={() => setCorrecting(draftFromScorecard(submitted))}>
              Submit a correction
            </button>
          )}
          {submitted && correcting && (
            <ScorecardCorrection
              kit={kit}
              scorecardId={submitted.id}
              draft={correcting}
              onCancel={() => setCorrecting(undefined)}
              onDone={(card) => {
                setSubmitted(card);
                setCorrecting(undefined);
              }}
            />
          )}
          <p className="small">
            <Link to={`/applications/${kit.interview.applicationId}`}>Application</Link>
          </p>
        </aside>
      </div>
      <OthersScorecards kit={kit} mineSubmitted={Boolean(submitted)} />
      {/* On a phone the scorecard sits below the questions: this bar reaches it from any of them. */}
      <nav className="kit-jump" aria-label="Kit sections">
        <a href="#scorecard-heading">
          Scorecard{missing.length > 0 && !submitted ? ` (${missing.length} to do)` : ""}
        </a>
        <a href="#main">Top</a>
      </nav>
    </>
  );
}
