import { useEffect, useState } from "react";
import type { SyntheticEvent } from "react";
import type { TApiError } from "../api/client";
import { ErrorBanner } from "../components/form";
import { ANSWER_LABELS, CATEGORIES, CATEGORY_LABELS } from "./categories";
import type { TCategory } from "./categories";
import {
  readSelfIdentification,
  saveSelfIdentification,
  withdrawSelfIdentification,
} from "./self-identification-api";
import type { TSelfIdentification, TSelfIdentificationAnswers } from "./self-identification-api";
import "./fairness.css";

const EMPTY: TSelfIdentificationAnswers = {
  sex: null,
  raceEthnicity: null,
  veteranStatus: null,
  disability: null,
};
const answersOf = (saved: TSelfIdentification | null): TSelfIdentificationAnswers =>
  saved
    ? {
        sex: saved.sex,
        raceEthnicity: saved.raceEthnicity,
        veteranStatus: saved.veteranStatus,
        disability: saved.disability,
      }
    : EMPTY;

/**
 * The portal's voluntary self-identification: closed until the candidate opens it, every
 * question skippable, "prefer not to say" in each, and the answers changeable or deletable.
 */
export function SelfIdentificationSection({ token }: { token: string }) {
  const [saved, setSaved] = useState<TSelfIdentification | null>(null);
  const [answers, setAnswers] = useState<TSelfIdentificationAnswers>(EMPTY);
  const [error, setError] = useState<TApiError>();
  const [status, setStatus] = useState("");
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    readSelfIdentification(token).then(
      (found) => {
        setSaved(found);
        setAnswers(answersOf(found));
      },
      () => undefined,
    );
  }, [token]);

  async function run(action: () => Promise<TSelfIdentification | null>, done: string) {
    setBusy(true);
    setError(undefined);
    setStatus("");
    await action().then(
      (next) => {
        setSaved(next);
        setAnswers(answersOf(next));
        setStatus(done);
      },
      (failure: unknown) => setError(failure as TApiError),
    );
    setBusy(false);
  }

  function submit(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    void run(() => saveSelfIdentification(token, answers), "Thank you. Your answers are saved.");
  }

  const choose = (category: TCategory, value: string | null) =>
    setAnswers((current) => ({ ...current, [category]: value }));

  // The status stays outside <details>: deleting the answers closes it, and the confirmation must
  // still be read out and seen.
  return (
    <>
      <details className="card self-id" open={saved !== null}>
        <summary>
          <h2>Help us check that our hiring is fair (optional)</h2>
        </summary>
        <div className="self-id-consent">
          <p>
            These four questions are voluntary. Whether you answer them or not makes no difference
            to your application: the people assessing you never see your answers. We only use them,
            added up across many candidates, to check that no group is less likely than others to
            move forward, and no figure about a group of fewer than five people is ever shown.
          </p>
          <p>
            Skip any question or choose &ldquo;Prefer not to say&rdquo;. You can change or delete
            your answers through this link while it works, and they are deleted with the rest of
            your data if you ask us to erase it. By saving, you agree that we keep them for this
            purpose only.
          </p>
        </div>
        {/* No autocomplete: on a reload the browser's form restoration could otherwise put back
            the radios' state from before the answers were loaded, unchecking saved answers. */}
        <form onSubmit={submit} autoComplete="off">
          {CATEGORIES.map((category) => (
            <fieldset key={category} className="self-id-question">
              <legend>{CATEGORY_LABELS[category]}</legend>
              {Object.entries(ANSWER_LABELS[category]).map(([value, label]) => (
                <label key={value} className="self-id-choice">
                  <input
                    type="radio"
                    name={`self-id-${category}`}
                    value={value}
                    checked={answers[category] === value}
                    onChange={() => choose(category, value)}
                  />{" "}
                  {label}
                </label>
              ))}
              {answers[category] !== null && (
                <button
                  type="button"
                  className="link-button"
                  onClick={() => choose(category, null)}
                >
                  Clear my answer to &ldquo;{CATEGORY_LABELS[category]}&rdquo;
                </button>
              )}
            </fieldset>
          ))}
          <ErrorBanner error={error} />
          <div className="self-id-actions">
            <button type="submit" className="button-primary" disabled={busy}>
              {saved ? "Save my changes" : "Save my answers"}
            </button>
            {saved && (
              <button
                type="button"
                disabled={busy}
                onClick={() =>
                  void run(() => withdrawSelfIdentification(token), "Your answers are deleted.")
                }
              >
                Delete my answers
              </button>
            )}
          </div>
        </form>
      </details>
      <p role="status" className="self-id-status">
        {status}
      </p>
    </>
  );
}
