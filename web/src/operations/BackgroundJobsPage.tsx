import { useQuery } from "@tanstack/react-query";
import { api } from "../api/client";
import type { TJson } from "../api/json-types";
import { unwrap } from "../api/query-helpers";
import { ErrorBanner } from "../components/form";
import { PageTitle } from "../components/Layout";
import "./operations.css";

type TKind = TJson<"/api/admin/background-jobs", "get">["kinds"][number];

const KIND_LABEL: Record<string, string> = {
  "grade-submission": "Grading submissions",
  "mail.deliver": "Sending e-mail",
  "privacy.retention-sweep": "Daily retention sweep",
  "screening.intake": "Reading uploaded résumés",
  "webhook.deliver": "Sending webhooks",
};

function waited(seconds: number) {
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600) return `${Math.round(seconds / 60)} min`;
  return `${Math.round(seconds / 3600)} h`;
}

function Row({ kind }: { kind: TKind }) {
  const trouble = kind.deadLetters > 0 || kind.failedLast24h > 0;
  return (
    <tr data-testid="job-kind">
      <th scope="row" className="job-kind-name">
        {KIND_LABEL[kind.name] ?? kind.name}
        <br />
        <code className="small muted">{kind.name}</code>
      </th>
      <td>
        {kind.queued}
        {kind.queued > 0 && (
          <span className="muted small"> (oldest {waited(kind.oldestQueuedSeconds)})</span>
        )}
      </td>
      <td>{kind.running}</td>
      <td>{kind.succeededLast24h}</td>
      <td className={trouble ? "mail-error" : undefined}>{kind.failedLast24h}</td>
      <td className={kind.deadLetters > 0 ? "mail-error" : undefined}>{kind.deadLetters}</td>
    </tr>
  );
}

/** Admins: what the background queue is doing, refreshed every 5 seconds. */
export function BackgroundJobsPage() {
  const jobs = useQuery({
    queryKey: ["operations", "background-jobs"],
    queryFn: () => unwrap(api.GET("/api/admin/background-jobs")),
    refetchInterval: 5000,
  });
  const kinds = jobs.data?.kinds ?? [];
  return (
    <>
      <PageTitle>Background jobs</PageTitle>
      <p>
        Gradings, e-mail, webhooks and the retention sweep run in the background. A job that fails
        is retried with growing pauses; one that fails its last attempt is a dead letter, kept 14
        days for a look. The same figures are on <code>/metrics</code> for monitoring.
      </p>
      <ErrorBanner error={jobs.error ?? undefined} />
      {jobs.isPending && (
        <p className="muted" role="status">
          Loading…
        </p>
      )}
      {jobs.data && (
        <div className="card">
          <table>
            <caption className="muted small">Per kind, now and over the last 24 hours</caption>
            <thead>
              <tr>
                <th scope="col">Kind</th>
                <th scope="col">Waiting</th>
                <th scope="col">Running</th>
                <th scope="col">Done (24 h)</th>
                <th scope="col">Failed (24 h)</th>
                <th scope="col">Dead letters</th>
              </tr>
            </thead>
            <tbody>
              {kinds.map((k) => (
                <Row key={k.name} kind={k} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
