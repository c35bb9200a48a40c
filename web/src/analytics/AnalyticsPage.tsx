import { useId } from "react";
import type { SyntheticEvent } from "react";
import { Link, useSearchParams } from "react-router";
import { ErrorBanner } from "../components/form";
import { PageTitle } from "../components/Layout";
import { CalibrationSection } from "./CalibrationSection";
import { ProcessSection } from "./ProcessSection";
import {
  useCalibrationReport,
  useProcessReport,
  useQuestionQualityReport,
  useReliabilityReport,
} from "./queries";
import type { TAnalyticsScope } from "./queries";
import { QuestionQualitySection, ReliabilitySection } from "./ReliabilitySection";
import "./analytics.css";

function scopeFrom(params: URLSearchParams): TAnalyticsScope {
  const scope: TAnalyticsScope = {};
  const roleId = params.get("roleId");
  const from = params.get("from");
  const to = params.get("to");
  if (roleId) scope.roleId = roleId;
  if (from) scope.from = from;
  if (to) scope.to = to;
  return scope;
}

/**
 * The analytics area for admins and hiring managers: speed of the process, interviewer
 * calibration, inter-rater reliability and question quality, for one role or all the caller
 * leads, over a date range kept in the address so a view can be shared.
 */
export function AnalyticsPage() {
  const [params, setParams] = useSearchParams();
  const scope = scopeFrom(params);
  const process = useProcessReport(scope);
  const calibration = useCalibrationReport(scope);
  const reliability = useReliabilityReport(scope);
  const questions = useQuestionQualityReport(scope);
  const ids = { role: useId(), from: useId(), to: useId() };
  const shown = process.data?.scope;
  const error = process.error ?? calibration.error ?? reliability.error ?? questions.error;

  function apply(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    for (const key of ["roleId", "from", "to"]) {
      const value = form.get(key);
      if (typeof value === "string" && value) next.set(key, value);
    }
    setParams(next);
  }

  return (
    <>
      <PageTitle>Analytics</PageTitle>
      <nav aria-label="Analytics" className="analytics-nav">
        <Link to="/analytics" aria-current="page">
          Process and ratings
        </Link>
        <Link to="/analytics/fairness">Fairness</Link>
      </nav>
      {shown && (
        <form className="filter-row card" onSubmit={apply} key={JSON.stringify(shown)}>
          <div className="field">
            <label htmlFor={ids.role}>Role</label>
            <select id={ids.role} name="roleId" defaultValue={shown.roleId ?? ""}>
              <option value="">All roles you can analyse</option>
              {shown.roles.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.title}
                  {r.open ? "" : " (closed)"}
                </option>
              ))}
            </select>
            {shown.rolesTotal > shown.roles.length && (
              <p className="hint small">
                Lists {shown.roles.length.toLocaleString()} of your{" "}
                {shown.rolesTotal.toLocaleString()} roles, open ones first.
              </p>
            )}
          </div>
          <div className="field">
            <label htmlFor={ids.from}>Applications from</label>
            <input id={ids.from} name="from" type="date" defaultValue={shown.from} />
          </div>
          <div className="field">
            <label htmlFor={ids.to}>to</label>
            <input id={ids.to} name="to" type="date" defaultValue={shown.to} />
          </div>
          <button type="submit" className="button-primary">
            Show
          </button>
        </form>
      )}
      <ErrorBanner error={error} />
      {process.isPending && <p className="loading">Loading the reports…</p>}
      {process.data && <ProcessSection report={process.data} />}
      {calibration.data && <CalibrationSection report={calibration.data} />}
      {reliability.data && <ReliabilitySection report={reliability.data} />}
      {questions.data && <QuestionQualitySection report={questions.data} />}
    </>
  );
}
