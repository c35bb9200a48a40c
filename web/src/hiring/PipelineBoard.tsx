import { useEffect, useState } from "react";
import type { DragEvent, KeyboardEvent } from "react";
import { Link } from "react-router";
import { fieldErrors } from "../api/client";
import type { TApiError } from "../api/client";
import type { TApplicationSummary, TRole } from "../api/hiring-types";
import { ErrorBanner } from "../components/form";
import { MissingEvidenceDialog, missingEvidenceOf } from "./MissingEvidenceDialog";
import type { TMissingEvidence } from "./MissingEvidenceDialog";
import { ReasonDialog } from "./ReasonDialog";
import { useApplications, useCloseApplication, useMoveApplication } from "../applications/queries";

type TClosing = { application: TApplicationSummary; kind: "reject" | "withdraw" };
type TConfirming = {
  application: TApplicationSummary;
  toIndex: number;
  message: string;
  missing: TMissingEvidence[];
};

/**
 * Columns are the plan's stages, cards the active applications. Every move is a button, and on a
 * focused card the arrow keys move it a stage; dragging a card onto a column works too.
 */
export function PipelineBoard({ role, canManage }: { role: TRole; canManage: boolean }) {
  const { data, error } = useApplications({ roleId: role.id, status: "active", limit: 200 });
  const moveApplication = useMoveApplication();
  const closeApplication = useCloseApplication();
  const [status, setStatus] = useState("");
  const [confirming, setConfirming] = useState<TConfirming>();
  // A request for confirmation is answered in the dialog, not shown as an error.
  const failure = missingEvidenceOf(moveApplication.error) ? null : moveApplication.error;
  // A moved card is a new element in another column; keep the keyboard focus on it.
  const [focusId, setFocusId] = useState<string>();
  useEffect(() => {
    const card = focusId ? document.getElementById(`card-${focusId}`) : null;
    if (card && document.activeElement !== card) card.focus();
  }, [focusId, data]);
  const [closing, setClosing] = useState<TClosing>();
  const stages = role.stages;

  async function move(application: TApplicationSummary, toIndex: number, reason?: string) {
    const target = stages[toIndex];
    if (!target || target.id === application.currentStage.id) return undefined;
    setFocusId(application.id);
    try {
      await moveApplication.mutateAsync({
        applicationId: application.id,
        toStage: { id: target.id, name: target.name, kind: target.kind, position: target.position },
        ...(reason ? { confirmation: { reason } } : {}),
      });
    } catch (apiError) {
      const problem = apiError as TApiError;
      const missing = missingEvidenceOf(problem);
      if (missing && !reason)
        setConfirming({ application, toIndex, message: problem.message, missing });
      return fieldErrors(problem).reason ?? problem.message;
    }
    setStatus(`${application.candidate.name} moved to ${target.name}.`);
    return undefined;
  }

  async function close(reason: string): Promise<string | undefined> {
    if (!closing) return undefined;
    const { application, kind } = closing;
    try {
      await closeApplication.mutateAsync({ applicationId: application.id, kind, reason });
    } catch (apiError) {
      const problem = apiError as TApiError;
      return fieldErrors(problem).reason ?? problem.message;
    }
    setStatus(`${application.candidate.name} was ${kind === "reject" ? "rejected" : "withdrawn"}.`);
    return undefined;
  }

  function onKey(
    event: KeyboardEvent<HTMLElement>,
    application: TApplicationSummary,
    index: number,
  ) {
    if (!canManage || event.target !== event.currentTarget) return;
    if (event.key === "ArrowRight") void move(application, index + 1);
    if (event.key === "ArrowLeft") void move(application, index - 1);
  }

  function onDrop(event: DragEvent<HTMLElement>, index: number) {
    event.preventDefault();
    const id = event.dataTransfer.getData("text/plain");
    const application = data?.applications.find((a) => a.id === id);
    if (application) void move(application, index);
  }

  return (
    <>
      <ErrorBanner error={error ?? failure} />
      <p className="visually-hidden" role="status" aria-live="polite">
        {status}
      </p>
      {status && (
        <p className="muted small" aria-hidden="true">
          {status}
        </p>
      )}
      <div className="board" role="list" aria-label={`Pipeline of ${role.title}`}>
        {stages.map((stage, index) => {
          const cards = data?.applications.filter((a) => a.currentStage.id === stage.id) ?? [];
          const next = stages[index + 1];
          return (
            <section
              key={stage.id}
              className="board-column"
              role="listitem"
              aria-labelledby={`col-${stage.id}`}
              onDragOver={(e) => canManage && e.preventDefault()}
              onDrop={(e) => onDrop(e, index)}
            >
              <h3 id={`col-${stage.id}`}>
                {stage.name} <span className="count-pill">{cards.length}</span>
              </h3>
              <ul className="board-cards" aria-label={`${stage.name} applications`}>
                {cards.map((application) => (
                  <li
                    key={application.id}
                    id={`card-${application.id}`}
                    className="board-card"
                    tabIndex={0}
                    draggable={canManage}
                    aria-keyshortcuts={canManage ? "ArrowLeft ArrowRight" : undefined}
                    aria-label={`${application.candidate.name}, ${stage.name}`}
                    onDragStart={(e) => e.dataTransfer.setData("text/plain", application.id)}
                    onKeyDown={(e) => onKey(e, application, index)}
                    onBlur={(e) => e.relatedTarget && setFocusId(undefined)}
                  >
                    <Link to={`/applications/${application.id}`}>{application.candidate.name}</Link>
                    <span className="muted small">
                      since{" "}
                      {new Date(application.updatedAt).toLocaleDateString(undefined, {
                        day: "numeric",
                        month: "short",
                      })}
                    </span>
                    {canManage && (
                      <div className="card-actions">
                        {next && (
                          <button
                            type="button"
                            aria-label={`Move ${application.candidate.name} to ${next.name}`}
                            title={`Move to ${next.name}`}
                            onClick={() => void move(application, index + 1)}
                          >
                            Move →
                          </button>
                        )}
                        <button
                          type="button"
                          className="button-quiet"
                          onClick={() => setClosing({ application, kind: "reject" })}
                        >
                          Reject
                        </button>
                        <button
                          type="button"
                          className="button-quiet"
                          onClick={() => setClosing({ application, kind: "withdraw" })}
                        >
                          Withdraw
                        </button>
                      </div>
                    )}
                  </li>
                ))}
              </ul>
              {cards.length === 0 && <p className="muted small empty-column">No one here</p>}
            </section>
          );
        })}
      </div>
      {canManage && (
        <p className="hint">Tip: focus a card and press ← or → to move it one stage.</p>
      )}
      {confirming && (
        <MissingEvidenceDialog
          title={`Move ${confirming.application.candidate.name} to ${stages[confirming.toIndex]?.name ?? "the next stage"}?`}
          message={confirming.message}
          missing={confirming.missing}
          confirmLabel="Confirm move"
          onConfirm={(reason) => move(confirming.application, confirming.toIndex, reason)}
          onClose={() => setConfirming(undefined)}
        />
      )}
      {closing && (
        <ReasonDialog
          title={`${closing.kind === "reject" ? "Reject" : "Withdraw"} ${closing.application.candidate.name}`}
          confirmLabel={closing.kind === "reject" ? "Reject application" : "Withdraw application"}
          onConfirm={close}
          onClose={() => setClosing(undefined)}
        />
      )}
    </>
  );
}
