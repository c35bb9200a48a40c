import { useEffect, useState } from "react";
import type { DragEvent, KeyboardEvent } from "react";
import { fieldErrors } from "../api/client";
import type { TApiError } from "../api/client";
import type { TRole } from "../api/hiring-types";
import type { TBoardCard, TBoardSort } from "../applications/board-cache";
import { useBoard, useBulkChange } from "../applications/board-queries";
import { useCloseApplication, useMoveApplication } from "../applications/queries";
import { ErrorBanner } from "../components/form";
import { BoardCard } from "./BoardCard";
import { BulkActions } from "./BulkActions";
import { MissingEvidenceDialog, missingEvidenceOf } from "./MissingEvidenceDialog";
import type { TMissingEvidence } from "./MissingEvidenceDialog";
import { ReasonDialog } from "./ReasonDialog";

type TClosing = { application: TBoardCard; kind: "reject" | "withdraw" } | { bulk: string[] };
type TConfirming = {
  application: TBoardCard;
  toIndex: number;
  message: string;
  missing: TMissingEvidence[];
};

const SORT_LABELS: Record<TBoardSort, string> = {
  recent: "Most recently changed",
  waiting: "Longest in stage",
  name: "Name",
};

/**
 * Columns are the plan's stages with their totals, cards the active applications, a page at a
 * time ("load more" per column). Every move is a button, and on a focused card the arrow keys
 * move it a stage; dragging a card onto a column works too. Selected cards move or are rejected
 * together, each one through the same rules as alone.
 */
export function PipelineBoard({ role, canManage }: { role: TRole; canManage: boolean }) {
  // Most recent first: a card just moved heads its new column, so the keyboard keeps it.
  const [sort, setSort] = useState<TBoardSort>("recent");
  const { data, error, loadMore } = useBoard(role.id, sort);
  const moveApplication = useMoveApplication();
  const closeApplication = useCloseApplication();
  const bulkChange = useBulkChange();
  const [status, setStatus] = useState("");
  const [bulkFailures, setBulkFailures] = useState<string[]>([]);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [loading, setLoading] = useState<string>();
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
  const cards = data?.columns.flatMap((c) => c.cards) ?? [];
  const nameOf = (id: string) => cards.find((c) => c.id === id)?.candidate.name ?? "An application";

  async function move(application: TBoardCard, toIndex: number, reason?: string) {
    const target = stages[toIndex];
    const from = data?.columns.find((c) => c.cards.some((x) => x.id === application.id));
    if (!target || target.id === from?.stageId) return undefined;
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

  function report(
    done: number,
    verb: string,
    results: { applicationId: string; outcome: string; message: string | null }[],
  ) {
    setSelected(new Set());
    setBulkFailures(
      results
        .filter((r) => r.outcome !== "done")
        .map((r) => `${nameOf(r.applicationId)}: ${r.message ?? "not changed"}`),
    );
    setStatus(`${done === 1 ? "1 application" : `${done} applications`} ${verb}.`);
  }

  async function bulkMove(stageId: string) {
    const target = stages.find((s) => s.id === stageId);
    try {
      const answer = await bulkChange.mutateAsync({
        action: "move",
        applicationIds: [...selected],
        toStageId: stageId,
      });
      report(answer.done, `moved to ${target?.name ?? "the stage"}`, answer.results);
    } catch (apiError) {
      setStatus((apiError as TApiError).message);
    }
  }

  async function close(reason: string): Promise<string | undefined> {
    if (!closing) return undefined;
    try {
      if ("bulk" in closing) {
        const answer = await bulkChange.mutateAsync({
          action: "reject",
          applicationIds: closing.bulk,
          reason,
        });
        report(answer.done, "rejected", answer.results);
        return undefined;
      }
      const { application, kind } = closing;
      await closeApplication.mutateAsync({ applicationId: application.id, kind, reason });
      setStatus(
        `${application.candidate.name} was ${kind === "reject" ? "rejected" : "withdrawn"}.`,
      );
    } catch (apiError) {
      const problem = apiError as TApiError;
      return fieldErrors(problem).reason ?? problem.message;
    }
    return undefined;
  }

  function onKey(event: KeyboardEvent<HTMLElement>, application: TBoardCard, index: number) {
    if (!canManage || event.target !== event.currentTarget) return;
    if (event.key === "ArrowRight") void move(application, index + 1);
    if (event.key === "ArrowLeft") void move(application, index - 1);
  }

  function onDrop(event: DragEvent<HTMLElement>, index: number) {
    event.preventDefault();
    const id = event.dataTransfer.getData("text/plain");
    const application = cards.find((a) => a.id === id);
    if (application) void move(application, index);
  }

  function toggle(id: string, on: boolean) {
    setSelected((old) => {
      const next = new Set(old);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  async function showMore(stageId: string) {
    setLoading(stageId);
    try {
      await loadMore(stageId);
    } catch (apiError) {
      setStatus((apiError as TApiError).message);
    } finally {
      setLoading(undefined);
    }
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
      {bulkFailures.length > 0 && (
        <div className="banner banner-error">
          <p>Not changed:</p>
          <ul aria-label="Not changed">
            {bulkFailures.map((f) => (
              <li key={f}>{f}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="board-toolbar">
        <label>
          Order in each column{" "}
          <select value={sort} onChange={(e) => setSort(e.target.value as TBoardSort)}>
            {(Object.keys(SORT_LABELS) as TBoardSort[]).map((s) => (
              <option key={s} value={s}>
                {SORT_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        {canManage && selected.size > 0 && (
          <BulkActions
            count={selected.size}
            stages={stages}
            busy={bulkChange.isPending}
            onMove={(stageId) => void bulkMove(stageId)}
            onReject={() => setClosing({ bulk: [...selected] })}
            onClear={() => setSelected(new Set())}
          />
        )}
      </div>
      <div className="board" role="list" aria-label={`Pipeline of ${role.title}`}>
        {stages.map((stage, index) => {
          const column = data?.columns.find((c) => c.stageId === stage.id);
          const shown = column?.cards ?? [];
          const total = column?.total ?? 0;
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
                {stage.name} <span className="count-pill">{total}</span>
              </h3>
              <ul className="board-cards" aria-label={`${stage.name} applications`}>
                {shown.map((card) => (
                  <BoardCard
                    key={card.id}
                    card={card}
                    stageName={stage.name}
                    nextStageName={next?.name}
                    canManage={canManage}
                    selected={selected.has(card.id)}
                    onSelect={(on) => toggle(card.id, on)}
                    onKey={(e) => onKey(e, card, index)}
                    onMoveNext={() => void move(card, index + 1)}
                    onClose={(kind) => setClosing({ application: card, kind })}
                    onBlur={(elsewhere) => elsewhere && setFocusId(undefined)}
                  />
                ))}
              </ul>
              {column && total === 0 && <p className="muted small empty-column">No one here</p>}
              {total > shown.length && (
                <div className="column-more">
                  <p className="muted small">
                    {shown.length} of {total}
                  </p>
                  <button
                    type="button"
                    className="button-quiet"
                    aria-label={`Load more in ${stage.name}`}
                    disabled={loading === stage.id}
                    onClick={() => void showMore(stage.id)}
                  >
                    {loading === stage.id ? "Loading…" : "Load more"}
                  </button>
                </div>
              )}
            </section>
          );
        })}
      </div>
      {canManage && (
        <p className="hint">
          Tip: focus a card and press ← or → to move it one stage; tick cards to move or reject them
          together.
        </p>
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
          title={
            "bulk" in closing
              ? `Reject ${closing.bulk.length === 1 ? "1 application" : `${closing.bulk.length} applications`}`
              : `${closing.kind === "reject" ? "Reject" : "Withdraw"} ${closing.application.candidate.name}`
          }
          confirmLabel={
            "bulk" in closing || closing.kind === "reject"
              ? "Reject application"
              : "Withdraw application"
          }
          onConfirm={close}
          onClose={() => setClosing(undefined)}
        />
      )}
    </>
  );
}
