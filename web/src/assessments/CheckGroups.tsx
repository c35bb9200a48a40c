import { useState } from "react";
import type { TGradeReport } from "./types";

type TGroup = TGradeReport["groups"][number];
type TCheck = TGroup["checks"][number];

/** "blocked by migrate: migrate failed: SyntaxError: …" → "migrate failed: SyntaxError: …" */
function causeOf(check: TCheck): string {
  const prefix = `blocked by ${check.blockedBy ?? ""}: `;
  const text = check.message.startsWith(prefix)
    ? check.message.slice(prefix.length)
    : check.message;
  return text.split("\n")[0] ?? "";
}

/** The first line of a failure is its root cause (exception, message, file:line); the rest is context. */
function splitMessage(message: string): { headline: string; rest: string } {
  const [headline = "", ...rest] = message.split("\n");
  return { headline, rest: rest.join("\n").trim() };
}

/**
 * What stopped part of the grading, before anything else: each step that blocked checks, with
 * the root cause the grader found, so a hiring manager reads "why" before "how many".
 */
export function BlockingSteps({ report }: { report: TGradeReport }) {
  const steps = new Map<string, { cause: string; count: number }>();
  for (const check of report.groups.flatMap((g) => g.checks)) {
    if (check.status !== "blocked" || check.blockedBy === undefined) continue;
    const seen = steps.get(check.blockedBy);
    if (seen) seen.count += 1;
    else steps.set(check.blockedBy, { cause: causeOf(check), count: 1 });
  }
  if (steps.size === 0) return null;
  return (
    <section className="blocking-steps" aria-labelledby="blocking-title" data-testid="root-cause">
      <h4 id="blocking-title">What stopped the checks</h4>
      <ul>
        {[...steps].map(([step, { cause, count }]) => (
          <li key={step}>
            <p className="blocking-step">
              <span className="badge badge-blocked">Blocked by {step}</span>{" "}
              <span className="muted small">
                {count} check{count === 1 ? "" : "s"} could not run
              </span>
            </p>
            <p className="root-cause-line">{cause}</p>
          </li>
        ))}
      </ul>
      <p className="muted small">
        Blocked checks are not failures: they could not run, so they say nothing either way.
      </p>
    </section>
  );
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function CheckGroups({ groups }: { groups: TGroup[] }) {
  return (
    <ul className="group-list">
      {groups.map((group) => (
        <GroupRow key={group.id} group={group} />
      ))}
    </ul>
  );
}

function GroupRow({ group }: { group: TGroup }) {
  const failing = group.checks.filter((c) => c.status === "failed");
  const notEvaluated = group.note !== undefined;
  const [open, setOpen] = useState(failing.length > 0);
  const ratio = group.total === 0 ? 0 : group.passed / group.total;
  const countText =
    group.total === 0
      ? "not run"
      : notEvaluated
        ? "not evaluated"
        : `${group.passed}/${group.total}${group.blocked > 0 ? ` · ${group.blocked} blocked` : ""}`;
  const countClass = notEvaluated
    ? "group-count blocked"
    : failing.length
      ? "group-count fail"
      : "group-count";
  return (
    <li className="group" data-testid={`group-${group.id}`}>
      <button
        type="button"
        className="group-head"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        <span className="group-name">{group.name}</span>
        <span className={notEvaluated ? "group-bar blocked" : "group-bar"} aria-hidden="true">
          <span style={{ width: `${Math.round(ratio * 100)}%` }} />
        </span>
        <span className={countClass}>{countText}</span>
        <span className="muted small">weight {group.weight}</span>
      </button>
      {notEvaluated && <p className="group-note">{capitalised(group.note ?? "")}</p>}
      {open && (
        <ul className="check-list">
          {group.checks.map((check) => (
            <CheckRow key={check.name} check={check} />
          ))}
        </ul>
      )}
    </li>
  );
}

const SERVER_ERROR = " → 500 server error: ";

/** A server error is shown as its exception and the candidate's frame, after the request. */
function Headline({ text }: { text: string }) {
  const at = text.indexOf(SERVER_ERROR);
  if (at === -1) return <p className="root-cause-line">{text}</p>;
  return (
    <>
      <p className="small">{text.slice(0, at)} → 500</p>
      <p className="root-cause-line">Server error: {text.slice(at + SERVER_ERROR.length)}</p>
    </>
  );
}

const MARK = { passed: "✓", failed: "✗", blocked: "–" } as const;

function CheckRow({ check }: { check: TCheck }) {
  if (check.status === "blocked")
    return (
      <li className="blocked">
        <span aria-hidden="true">{MARK.blocked}</span> {check.name}{" "}
        <span className="badge badge-blocked">
          Blocked by {check.blockedBy ?? "an earlier step"}
        </span>
      </li>
    );
  const failed = check.status === "failed";
  const { headline, rest } = splitMessage(check.message);
  return (
    <li className={failed ? "fail" : "pass"}>
      <span aria-hidden="true">{MARK[check.status]}</span>
      <span className="visually-hidden">{failed ? "Failed: " : "Passed: "}</span> {check.name}
      {failed && headline && (
        <div className="check-failure">
          <Headline text={headline} />
          {rest && <pre className="check-message">{rest}</pre>}
        </div>
      )}
      {failed && check.details && (
        <details className="check-details">
          <summary>Full output</summary>
          <pre className="check-message">{check.details}</pre>
        </details>
      )}
    </li>
  );
}
