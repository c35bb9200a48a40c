import { useEffect, useState } from "react";
import type { SyntheticEvent } from "react";
import { Link, useParams } from "react-router";
import type { TApiError } from "../api/client";
import { ErrorBanner, Notice } from "../components/form";
import { PageTitle } from "../components/Layout";
import { useUploadResume } from "../candidates/queries";
import { RecordedScreens } from "./RecordedScreens";
import { ScreenItemCard } from "./ScreenItemCard";
import type { TItemDecision } from "./ScreenItemCard";
import { OUTCOME_LABELS } from "./screening-types";
import type { TScreeningView } from "./screening-types";
import { useApplicationScreening, useRecordScreen } from "./queries";

type TOutcome = keyof typeof OUTCOME_LABELS;

function initialDecisions(view: TScreeningView): Record<string, TItemDecision> {
  return Object.fromEntries(
    view.checklist.map((item) => [
      item.id,
      {
        verdict: view.proposal?.items.find((p) => p.itemId === item.id)?.verdict ?? "unclear",
        note: "",
      },
    ]),
  );
}

export function ApplicationScreeningPage() {
  const { applicationId = "" } = useParams();
  const { data: view, error } = useApplicationScreening(applicationId);
  const recordScreen = useRecordScreen(applicationId);
  const uploadResume = useUploadResume();
  const [decisions, setDecisions] = useState<Record<string, TItemDecision>>({});
  const [outcome, setOutcome] = useState<TOutcome>();
  const [notes, setNotes] = useState("");
  const [advance, setAdvance] = useState(true);
  const [recorded, setRecorded] = useState(false);
  const saveError: TApiError | null = recordScreen.error ?? uploadResume.error;
  const busy = recordScreen.isPending;

  // A new proposal (first load, or unmasked after recording) resets the choices to it.
  useEffect(() => {
    if (view) setDecisions(initialDecisions(view));
  }, [view]);

  function record(event: SyntheticEvent) {
    event.preventDefault();
    if (!view || !outcome) return;
    recordScreen.mutate(
      {
        outcome,
        notes,
        advance,
        items: view.checklist.map((item) => {
          const decision = decisions[item.id] ?? { verdict: "unclear" as const, note: "" };
          return {
            itemId: item.id,
            verdict: decision.verdict,
            ...(decision.note.trim() ? { note: decision.note.trim() } : {}),
          };
        }),
      },
      { onSuccess: () => setRecorded(true) },
    );
  }

  function onResume(file: File | undefined) {
    if (!file || !view?.candidate) return;
    uploadResume.mutate({ candidateId: view.candidate.id, file });
  }

  if (!view)
    return (
      <>
        <PageTitle>Résumé screen</PageTitle>
        <ErrorBanner error={error} />
        {!error && <p className="loading">Loading the screen…</p>}
      </>
    );

  const overrides = view.checklist.filter(
    (item) =>
      decisions[item.id] &&
      view.proposal?.items.find((p) => p.itemId === item.id)?.verdict !==
        decisions[item.id]?.verdict,
  ).length;
  return (
    <>
      <p className="muted small">
        <Link to={`/roles/${view.role.id}/screening`}>{view.role.title}</Link> ›{" "}
        <Link to={`/applications/${view.application.id}`}>Application</Link> › Résumé screen
      </p>
      <div className="section-head">
        <PageTitle>{view.candidateLabel}</PageTitle>
        <div className="head-badges">
          {view.blind && <span className="badge badge-blind">Blind review</span>}
          <span className="badge badge-muted">{view.application.stage.name}</span>
        </div>
      </div>
      {view.candidate && (
        <p className="muted" data-testid="candidate-contact">
          {view.candidate.email}
          {view.candidate.phone ? ` · ${view.candidate.phone}` : ""}
          {view.resume?.downloadable && (
            <>
              {" · "}
              <a href={`/api/candidates/${view.candidate.id}/resume/file`}>
                Download the original ({view.resume.filename})
              </a>
            </>
          )}
        </p>
      )}
      {view.blind && (
        <Notice>
          Blind review: name, contact details, links, address and dates of birth or graduation are
          masked. Who this is appears once you record the screen.
        </Notice>
      )}
      <Notice>
        <strong>The proposal is an aid, never an automatic rejection.</strong> Verdicts are
        suggested from the résumé text; you confirm or override each item and decide the outcome.
        {view.proposal && <> {view.proposal.summary.headline}</>}
      </Notice>
      {recorded && <Notice tone="success">Screen recorded.</Notice>}
      <ErrorBanner error={saveError ?? error} />
      {!view.resume && (
        <section className="card">
          <h2>No résumé yet</h2>
          <label className="field">
            <span>Upload a résumé (PDF, Word or text, at most 10 MB)</span>
            <input
              type="file"
              accept=".pdf,.docx,.txt"
              onChange={(event) => onResume(event.target.files?.[0])}
            />
          </label>
        </section>
      )}
      {view.proposal && (
        <form onSubmit={record} className="screen-form">
          <div className="screen-items">
            {view.checklist.map((item) => (
              <ScreenItemCard
                key={item.id}
                item={item}
                proposal={view.proposal?.items.find((p) => p.itemId === item.id)}
                decision={decisions[item.id] ?? { verdict: "unclear", note: "" }}
                editable={view.canRecord}
                onChange={(decision) => setDecisions({ ...decisions, [item.id]: decision })}
              />
            ))}
          </div>
          {view.canRecord ? (
            <section className="card record-panel" aria-labelledby="record-title">
              <h2 id="record-title">Record the screen</h2>
              <p className="muted small">
                {overrides === 0
                  ? "All items as proposed."
                  : `${overrides} item${overrides === 1 ? "" : "s"} overridden.`}
              </p>
              <fieldset className="outcome-choice">
                <legend>Outcome</legend>
                {(Object.keys(OUTCOME_LABELS) as TOutcome[]).map((value) => (
                  <label key={value}>
                    <input
                      type="radio"
                      name="outcome"
                      value={value}
                      checked={outcome === value}
                      onChange={() => setOutcome(value)}
                      required
                    />{" "}
                    {OUTCOME_LABELS[value]}
                  </label>
                ))}
              </fieldset>
              {outcome === "pass" && (
                <label className="checkbox-row">
                  <input
                    type="checkbox"
                    checked={advance}
                    onChange={(e) => setAdvance(e.target.checked)}
                  />
                  Move the application to the next stage
                </label>
              )}
              {outcome === "reject" && (
                <p className="small muted">Reject closes the application with your notes.</p>
              )}
              <label className="field">
                <span>Notes (optional)</span>
                <textarea rows={3} value={notes} onChange={(e) => setNotes(e.target.value)} />
              </label>
              <button type="submit" className="button-primary" disabled={busy || !outcome}>
                {busy ? "Recording…" : "Record screen"}
              </button>
            </section>
          ) : (
            view.cannotRecordBecause && <p className="muted">{view.cannotRecordBecause}</p>
          )}
        </form>
      )}
      <RecordedScreens screens={view.screens} />
    </>
  );
}
