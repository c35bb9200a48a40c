import { useEffect, useRef, useState } from "react";
import type { SyntheticEvent } from "react";
import { fieldErrors } from "../api/client";
import { ErrorBanner, Notice, TextField } from "../components/form";
import { useAssessmentPacks, useSendAssessment } from "./queries";
import { formatMinutes } from "./types";
import type { TPackSummary } from "./types";

function defaultDeadline(): string {
  const date = new Date(Date.now() + 3 * 86_400_000);
  date.setHours(18, 0, 0, 0);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T18:00`;
}

type TTiming = "shared" | "per-part";

/**
 * Sends 1–4 work samples in one assessment. The packs the role's interview plan proposes for its
 * level are ticked to begin with (at most the allowed number, in the plan's order). Once sent,
 * the form gives way to the link: a second assessment takes a deliberate "Send another".
 */
export function SendAssessment({ applicationId }: { applicationId: string }) {
  // Only the pipeline's owners get the pack list; for anyone else the form stays hidden.
  const packs = useAssessmentPacks(applicationId);
  const [sentLink, setSentLink] = useState<string>();
  if (!packs.data || packs.data.packs.length === 0) return null;
  return (
    <section className="card" aria-labelledby="send-assessment-title">
      <h2 id="send-assessment-title">{sentLink ? "Assessment sent" : "Send an assessment"}</h2>
      {sentLink ? (
        <SentLink link={sentLink} onSendAnother={() => setSentLink(undefined)} />
      ) : (
        <SendForm
          applicationId={applicationId}
          packs={packs.data.packs}
          maxParts={packs.data.maxParts}
          onSent={setSentLink}
        />
      )}
    </section>
  );
}

/** The link of the assessment just sent; focus lands on it, as the form it replaces is gone. */
function SentLink({ link, onSendAnother }: { link: string; onSendAnother: () => void }) {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  return (
    <Notice tone="success">
      <p>
        Send this link to the candidate. It is shown only now; it stops working 24 hours after the
        deadline.
      </p>
      <div className="copy-row">
        <input
          ref={input}
          aria-label="Candidate link"
          data-testid="candidate-link"
          readOnly
          value={link}
          onFocus={(e) => e.currentTarget.select()}
        />
        <button type="button" onClick={() => void navigator.clipboard.writeText(link)}>
          Copy
        </button>
      </div>
      <p>
        <button type="button" className="button-quiet" onClick={onSendAnother}>
          Send another assessment
        </button>{" "}
        <span className="muted small">(this link will not be shown again)</span>
      </p>
    </Notice>
  );
}

function SendForm({
  applicationId,
  packs,
  maxParts,
  onSent,
}: {
  applicationId: string;
  packs: TPackSummary[];
  maxParts: number;
  onSent: (candidateUrl: string) => void;
}) {
  const sendAssessment = useSendAssessment(applicationId);
  const [chosen, setChosen] = useState<string[]>(() => {
    const proposed = packs.filter((p) => p.proposed).slice(0, maxParts);
    return (proposed.length > 0 ? proposed : packs.slice(0, 1)).map((p) => p.id);
  });
  const [timing, setTiming] = useState<TTiming>("shared");
  const [partMinutes, setPartMinutes] = useState<Record<string, string>>({});
  const [sharedMinutes, setSharedMinutes] = useState<string>();
  const error = sendAssessment.error;
  const fields = fieldErrors(error);

  // Parts go in the order the list shows them: the plan's order, then the rest.
  const parts = packs.filter((p) => chosen.includes(p.id));
  const minutesOf = (pack: TPackSummary) =>
    Number(partMinutes[pack.id] ?? pack.timeLimitMinutes) || pack.timeLimitMinutes;
  const sum = parts.reduce((total, pack) => total + minutesOf(pack), 0);
  const full = chosen.length >= maxParts;

  function toggle(id: string, on: boolean) {
    setChosen((current) => (on ? [...current, id] : current.filter((c) => c !== id)));
  }

  function send(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    const deadline = new FormData(event.currentTarget).get("deadlineAt");
    const shared = Number(sharedMinutes);
    sendAssessment.mutate(
      {
        timing,
        parts: parts.map((pack) => ({
          packId: pack.id,
          ...(timing === "per-part" ? { timeLimitMinutes: minutesOf(pack) } : {}),
        })),
        ...(timing === "shared" && sharedMinutes && shared > 0 ? { timeLimitMinutes: shared } : {}),
        deadlineAt:
          typeof deadline === "string" && deadline ? new Date(deadline).toISOString() : "",
      },
      { onSuccess: (data) => onSent(data.candidateUrl) },
    );
  }

  return (
    <>
      <form className="send-parts-form" onSubmit={send} noValidate>
        <fieldset>
          <legend>
            Work samples <span className="muted small">(1 to {maxParts}, one part each)</span>
          </legend>
          <ul className="pack-choices">
            {packs.map((pack) => {
              const on = chosen.includes(pack.id);
              const position = parts.findIndex((p) => p.id === pack.id) + 1;
              return (
                <li key={pack.id} className={on ? "chosen" : undefined}>
                  <label>
                    <input
                      type="checkbox"
                      name="packId"
                      value={pack.id}
                      checked={on}
                      disabled={!on && full}
                      onChange={(e) => toggle(pack.id, e.target.checked)}
                    />{" "}
                    <span>
                      {on && <span className="part-number">Part {position}: </span>}
                      <strong>{pack.title}</strong>{" "}
                      <span className="muted small">
                        {formatMinutes(pack.timeLimitMinutes)}
                        {pack.proposed ? " · proposed for this level" : ""}
                        {pack.suitsRoleLevel ? "" : " · meant for other levels"}
                        {pack.submissionKind === "document" ? " · a design document" : ""}
                      </span>
                    </span>
                  </label>
                  {on && timing === "per-part" && (
                    <TextField
                      label={`Minutes for part ${position}`}
                      type="number"
                      min={10}
                      max={1440}
                      value={partMinutes[pack.id] ?? String(pack.timeLimitMinutes)}
                      onChange={(e) =>
                        setPartMinutes((current) => ({ ...current, [pack.id]: e.target.value }))
                      }
                    />
                  )}
                </li>
              );
            })}
          </ul>
          {full && (
            <p className="muted small">
              At most {maxParts} parts in one assessment; untick one to choose another.
            </p>
          )}
        </fieldset>
        <fieldset className="radio-row">
          <legend>Timing</legend>
          <label>
            <input
              type="radio"
              name="timing"
              value="shared"
              checked={timing === "shared"}
              onChange={() => setTiming("shared")}
            />{" "}
            One time box, started once
          </label>
          <label>
            <input
              type="radio"
              name="timing"
              value="per-part"
              checked={timing === "per-part"}
              onChange={() => setTiming("per-part")}
            />{" "}
            A clock per part, each started on its own
          </label>
        </fieldset>
        <div className="send-form">
          {timing === "shared" ? (
            <TextField
              label="Time box (minutes)"
              name="timeLimitMinutes"
              type="number"
              min={10}
              max={1440}
              value={sharedMinutes ?? String(sum)}
              onChange={(e) => setSharedMinutes(e.target.value)}
              error={fields.timeLimitMinutes}
            />
          ) : (
            <p className="muted small">In all: {formatMinutes(sum)}</p>
          )}
          <TextField
            label="Deadline"
            name="deadlineAt"
            type="datetime-local"
            defaultValue={defaultDeadline()}
            error={fields.deadlineAt}
          />
          <button
            type="submit"
            className="button-primary"
            disabled={sendAssessment.isPending || parts.length === 0}
          >
            Send assessment
          </button>
        </div>
      </form>
      <ErrorBanner error={error} />
    </>
  );
}
