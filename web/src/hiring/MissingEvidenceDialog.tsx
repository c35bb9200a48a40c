import { useEffect, useRef, useState } from "react";
import type { SyntheticEvent } from "react";
import type { TApiError } from "../api/client";
import { TextAreaField } from "./TextAreaField";

/** One thing a move or decision would leave behind, as the server listed it. */
export type TMissingEvidence =
  | {
      kind: "scorecard";
      stageId: string;
      stageName: string;
      interviewer: { id: string; name: string };
    }
  | { kind: "stage"; stageId: string; stageName: string }
  | { kind: "competency"; competencyId: string; competencyName: string; weight: number };

/** The server's list when it asks for a confirmation (409 CONFIRMATION_REQUIRED), else null. */
export function missingEvidenceOf(error: TApiError | null | undefined): TMissingEvidence[] | null {
  if (error?.code !== "CONFIRMATION_REQUIRED") return null;
  const missing = error.details?.missing;
  return Array.isArray(missing) ? (missing as TMissingEvidence[]) : [];
}

function describeMissing(item: TMissingEvidence): string {
  switch (item.kind) {
    case "scorecard":
      return `${item.interviewer.name} has not submitted a scorecard for ${item.stageName}.`;
    case "stage":
      return `${item.stageName}: no scorecard was submitted at this stage.`;
    case "competency":
      return `${item.competencyName} (${item.weight}% of the weight) has no evidence.`;
  }
}

/**
 * Asks a person to confirm a change that leaves evidence behind: what is missing, why they go
 * ahead anyway. The server refuses without both, and audits them.
 */
export function MissingEvidenceDialog({
  title,
  message,
  missing,
  confirmLabel,
  onConfirm,
  onClose,
}: {
  title: string;
  message: string;
  missing: readonly TMissingEvidence[];
  confirmLabel: string;
  onConfirm: (reason: string) => Promise<string | undefined>;
  onClose: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    const dialog = ref.current;
    dialog?.showModal();
    return () => dialog?.close();
  }, []);

  async function submit(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    const reason = new FormData(event.currentTarget).get("reason");
    const text = typeof reason === "string" ? reason.trim() : "";
    if (text.length < 10) {
      setError("must be at least 10 characters: say why you go ahead.");
      return;
    }
    setBusy(true);
    const failure = await onConfirm(text);
    setBusy(false);
    if (failure) setError(failure);
    else onClose();
  }

  return (
    <dialog
      ref={ref}
      className="dialog missing-evidence"
      aria-labelledby="missing-evidence-title"
      aria-describedby="missing-evidence-message"
      onClose={onClose}
    >
      <form onSubmit={(e) => void submit(e)} className="stack-form" noValidate>
        <h2 id="missing-evidence-title">{title}</h2>
        <p id="missing-evidence-message">{message}</p>
        <h3 className="subhead">What is missing</h3>
        <ul className="missing-list" aria-label="Missing evidence">
          {missing.map((item, i) => (
            <li key={i}>{describeMissing(item)}</li>
          ))}
        </ul>
        <TextAreaField
          label="Reason"
          name="reason"
          hint="Why go ahead without this evidence? It is kept in the audit trail."
          required
          minLength={10}
          error={error}
          autoFocus
        />
        <div className="button-row">
          <button type="submit" className="button-primary" disabled={busy}>
            {confirmLabel}
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}
