import { useState } from "react";
import type { SyntheticEvent } from "react";
import { fieldErrors } from "../api/client";
import type { TApiError } from "../api/client";
import type { TDecisionKind } from "../api/hiring-types";
import { DECISION_LABELS, formatDateTime } from "../api/hiring-types";
import { readForm } from "../components/form-data";
import { ErrorBanner, Notice } from "../components/form";
import { ScorecardView } from "./ScorecardView";
import { TallyCharts } from "./TallyCharts";
import { TextAreaField } from "./TextAreaField";
import { useDecision, useRecordDecision } from "../applications/queries";
import { EvidenceSummary } from "../shortlist/EvidenceSummary";
import { MissingEvidenceDialog, missingEvidenceOf } from "./MissingEvidenceDialog";
import type { TMissingEvidence } from "./MissingEvidenceDialog";

type TPending = {
  decision: TDecisionKind;
  rationale: string;
  form: HTMLFormElement;
  message: string;
  missing: TMissingEvidence[];
};

/** For hiring managers: every submitted scorecard side by side, the tally, and the call. */
export function DecisionPanel({
  applicationId,
  active,
}: {
  applicationId: string;
  active: boolean;
}) {
  const { data, error } = useDecision(applicationId);
  const recordDecision = useRecordDecision(applicationId);
  const [pending, setPending] = useState<TPending>();
  // A request for confirmation is answered in the dialog, not shown as an error.
  const failure = missingEvidenceOf(recordDecision.error) ? null : recordDecision.error;
  const [recorded, setRecorded] = useState<string>();

  async function send(
    body: { decision: TDecisionKind; rationale: string },
    form: HTMLFormElement,
    reason?: string,
  ): Promise<string | undefined> {
    try {
      const result = await recordDecision.mutateAsync(
        reason ? { ...body, confirm: true, reason } : body,
      );
      form.reset();
      if (result.recorded)
        setRecorded(`Decision recorded: ${DECISION_LABELS[result.recorded.decision]}.`);
      return undefined;
    } catch (apiError) {
      const problem = apiError as TApiError;
      const missing = missingEvidenceOf(problem);
      if (missing && !reason) setPending({ ...body, form, message: problem.message, missing });
      return fieldErrors(problem).reason ?? problem.message;
    }
  }

  function decide(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const field = readForm(event);
    void send(
      { decision: field("decision") as TDecisionKind, rationale: field("rationale") },
      form,
    );
  }

  if (!data) return <ErrorBanner error={error} />;
  const errors = fieldErrors(failure);
  return (
    <section className="card decision" aria-labelledby="decision-heading">
      <h2 id="decision-heading">Decision</h2>
      {data.pendingInterviewsInCurrentStage > 0 && (
        <Notice>
          {data.pendingInterviewsInCurrentStage} interview(s) in{" "}
          {data.application.currentStage.name} still wait for a submitted scorecard.
        </Notice>
      )}
      <EvidenceSummary applicationId={applicationId} roleId={data.application.role.id} />
      <TallyCharts tally={data.tally} />
      <h3 className="subhead">Scorecards side by side ({data.scorecards.length})</h3>
      {data.scorecards.length === 0 ? (
        <p className="muted">No submitted scorecards yet.</p>
      ) : (
        <div className="side-by-side">
          {data.scorecards.map((s) => (
            <ScorecardView key={s.id} scorecard={s} />
          ))}
        </div>
      )}
      {data.decisions.length > 0 && (
        <>
          <h3 className="subhead">Decisions so far</h3>
          <ul className="plain-list">
            {data.decisions.map((d) => (
              <li key={d.id}>
                <span>
                  <strong>{DECISION_LABELS[d.decision]}</strong> at {d.stageName} — {d.rationale}
                </span>
                <span className="muted small">
                  {d.decidedBy?.name} · {formatDateTime(d.createdAt)}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      {recorded && <Notice tone="success">{recorded}</Notice>}
      {active && (
        <form className="stack-form" onSubmit={decide} noValidate>
          <ErrorBanner error={failure} />
          <fieldset className="radio-row">
            <legend>Your call</legend>
            {(Object.keys(DECISION_LABELS) as TDecisionKind[]).map((kind) => (
              <label key={kind}>
                <input
                  type="radio"
                  name="decision"
                  value={kind}
                  defaultChecked={kind === "advance"}
                />{" "}
                {DECISION_LABELS[kind]}
              </label>
            ))}
          </fieldset>
          {data.application.currentStage.kind !== "decision" && (
            <p className="hint">
              An offer is made from the decision stage; advance the application there first.
            </p>
          )}
          <TextAreaField
            label="Rationale"
            name="rationale"
            hint="Write down the evidence behind the call (at least 20 characters)."
            error={errors.rationale}
          />
          <div>
            <button type="submit" className="button-primary">
              Record decision
            </button>
          </div>
        </form>
      )}
      {pending && (
        <MissingEvidenceDialog
          title={
            pending.decision === "offer"
              ? `Make an offer to ${data.application.candidate.name}?`
              : `Advance ${data.application.candidate.name}?`
          }
          message={pending.message}
          missing={pending.missing}
          confirmLabel={pending.decision === "offer" ? "Confirm offer" : "Confirm advance"}
          onConfirm={(reason) =>
            send({ decision: pending.decision, rationale: pending.rationale }, pending.form, reason)
          }
          onClose={() => setPending(undefined)}
        />
      )}
    </section>
  );
}
