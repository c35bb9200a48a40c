import { useCallback, useEffect, useRef, useState } from "react";
import type { SyntheticEvent } from "react";
import type { TApiError } from "../api/client";
import { ErrorBanner, Notice } from "../components/form";
import { DesignDocumentUpload } from "./DesignDocumentUpload";
import { openPortal, startAssessment } from "./portal-api";
import {
  formatBytes,
  formatDateTime,
  formatDuration,
  formatMinutes,
  type TPortalAssessment,
  type TPortalSubmitResponse,
} from "./types";
import { UploadError, uploadWithProgress } from "./upload";
import "./assessments.css";

/** The candidate's page behind `/assess/:token`: no account, the link is the key. */
export function PortalPage({ token }: { token: string }) {
  const [assessment, setAssessment] = useState<TPortalAssessment>();
  const [loadError, setLoadError] = useState<TApiError>();
  const [error, setError] = useState<TApiError>();
  const [busy, setBusy] = useState(false);
  // Server time minus browser time, so the countdown follows the server's clock.
  const [skewMs, setSkewMs] = useState(0);

  const show = useCallback((next: TPortalAssessment) => {
    setAssessment(next);
    setSkewMs(new Date(next.serverNow).getTime() - Date.now());
  }, []);

  useEffect(() => {
    openPortal(token).then(show, (failure: unknown) => setLoadError(failure as TApiError));
  }, [token, show]);

  async function start() {
    setBusy(true);
    await startAssessment(token).then(show, (failure: unknown) => setError(failure as TApiError));
    setBusy(false);
  }

  if (loadError) return <LinkProblem error={loadError} />;
  if (!assessment) return <p className="loading">Opening your assessment…</p>;

  const started = Boolean(assessment.startedAt);
  return (
    <div className="portal">
      <header className="portal-header">
        <span className="brand">
          <img src="/favicon.svg" alt="" width="24" height="24" /> Shortlist
        </span>
        <span className="muted">Practical assessment · {assessment.roleTitle}</span>
      </header>
      <main id="main">
        <h1 tabIndex={-1}>{assessment.pack.title}</h1>
        <p className="muted">
          Hello {assessment.candidateName}. {assessment.pack.summary}
        </p>
        <section className="card portal-effort" aria-label="Time and deadline">
          <div>
            <span className="portal-figure">{formatMinutes(assessment.timeLimitMinutes)}</span>
            <span className="muted">
              {started && assessment.startedAt
                ? `expected effort, counted from ${formatDateTime(assessment.startedAt)}`
                : "expected effort, from when you press Start"}
            </span>
          </div>
          <div>
            <span className="portal-figure">{formatDateTime(assessment.deadlineAt)}</span>
            <span className="muted">deadline — finish by then at the latest</span>
          </div>
          {assessment.startedAt && assessment.dueAt && (
            <Countdown dueAt={assessment.dueAt} skewMs={skewMs} />
          )}
        </section>
        <ErrorBanner error={error} />
        {!started ? (
          <section className="card">
            <h2>When you are ready</h2>
            <p>
              Read the instructions below first if you like — the clock does not run yet. Pressing{" "}
              <strong>Start</strong> starts your {formatMinutes(assessment.timeLimitMinutes)} on our
              server and unlocks the starter project and the upload.
            </p>
            <button
              type="button"
              className="button-primary"
              disabled={busy}
              onClick={() => void start()}
            >
              Start the assessment
            </button>
          </section>
        ) : assessment.pack.kind === "design-document" ? (
          <DesignDocumentUpload
            token={token}
            assessment={assessment}
            onChange={show}
            skewMs={skewMs}
          />
        ) : (
          <WorkArea token={token} assessment={assessment} onChange={show} skewMs={skewMs} />
        )}
        <section className="card" aria-labelledby="instructions-title">
          <h2 id="instructions-title">Instructions</h2>
          {/* Rendered from the pack's Markdown and sanitized (tags and links allowlisted) on
              the server, so this page ships no Markdown parser. */}
          <div
            className="markdown"
            dangerouslySetInnerHTML={{ __html: assessment.instructionsHtml }}
          />
        </section>
      </main>
    </div>
  );
}

function Countdown({ dueAt, skewMs }: { dueAt: string; skewMs: number }) {
  const [now, setNow] = useState(() => Date.now() + skewMs);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now() + skewMs), 1000);
    return () => clearInterval(timer);
  }, [skewMs]);
  const left = new Date(dueAt).getTime() - now;
  return (
    <div data-testid="time-remaining">
      <span className={`portal-figure${left <= 0 ? " portal-late" : ""}`}>
        {left > 0 ? formatDuration(left) : "Time is up"}
      </span>
      <span className="muted">
        {left > 0 ? "remaining" : "you can still upload; it will be marked late"}
      </span>
    </div>
  );
}

function WorkArea({
  token,
  assessment,
  onChange,
  skewMs,
}: {
  token: string;
  assessment: TPortalAssessment;
  onChange: (next: TPortalAssessment) => void;
  skewMs: number;
}) {
  const [progress, setProgress] = useState<number>();
  const [error, setError] = useState<TApiError>();
  const [done, setDone] = useState<string>();
  const fileInput = useRef<HTMLInputElement>(null);
  const timeUp = !!assessment.dueAt && new Date(assessment.dueAt).getTime() < Date.now() + skewMs;

  async function upload(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    // React clears currentTarget once the handler yields; keep the form for the reset below.
    const form = event.currentTarget;
    const file = fileInput.current?.files?.[0];
    setDone(undefined);
    if (!file)
      return setError({ code: "NO_FILE", message: "Choose your zip first.", requestId: "" });
    if (file.size > assessment.maxUploadBytes)
      return setError({
        code: "TOO_LARGE",
        message: `That file is ${formatBytes(file.size)}; the limit is ${formatBytes(assessment.maxUploadBytes)}. Leave out virtual environments, databases and caches.`,
        requestId: "",
      });
    setError(undefined);
    setProgress(0);
    try {
      const result = await uploadWithProgress<TPortalSubmitResponse>(
        `/api/portal/${encodeURIComponent(token)}/submissions`,
        file,
        setProgress,
      );
      onChange(result.assessment);
      setDone(
        `Version ${result.submission.version} received${result.submission.isLate ? " (late)" : ""}. It is being checked automatically; you may upload again — the last upload counts.`,
      );
      form.reset();
    } catch (failure) {
      setError(
        failure instanceof UploadError
          ? failure.apiError
          : { code: "UPLOAD", message: "The upload failed.", requestId: "" },
      );
    } finally {
      setProgress(undefined);
    }
  }

  return (
    <>
      <section className="card portal-steps">
        <div>
          <h2>1. Download the starter project</h2>
          <p className="muted">A Django project to build on. Unzip it and work locally.</p>
          <a
            className="download-button"
            href={`/api/portal/${encodeURIComponent(token)}/starter.zip`}
            download
          >
            Download starter (.zip)
          </a>
        </div>
        <form onSubmit={(e) => void upload(e)} noValidate>
          <h2>2. Upload your project</h2>
          <p className="muted">
            A zip of the folder holding <code>manage.py</code>, at most{" "}
            {formatBytes(assessment.maxUploadBytes)}, without a virtualenv or database.
          </p>
          {timeUp && (
            <Notice>
              <p>Your time is up. You can still upload, but it will be marked late.</p>
            </Notice>
          )}
          <div className="field">
            <label htmlFor="submission-file">Your project (.zip)</label>
            <input
              id="submission-file"
              ref={fileInput}
              type="file"
              name="file"
              accept=".zip,application/zip"
            />
          </div>
          <button type="submit" className="button-primary" disabled={progress !== undefined}>
            {progress === undefined ? "Upload" : "Uploading…"}
          </button>
          {progress !== undefined && (
            <div className="upload-progress">
              <progress max={1} value={progress} aria-label="Upload progress" />
              <span>{Math.round(progress * 100)}%</span>
            </div>
          )}
          <ErrorBanner error={error} />
          {done && (
            <Notice tone="success">
              <p>{done}</p>
            </Notice>
          )}
        </form>
      </section>
      {assessment.submissions.length > 0 && (
        <section className="card">
          <h2>Your uploads</h2>
          <ul className="plain-list" aria-label="Your uploads">
            {assessment.submissions.map((s, n) => (
              <li key={s.version}>
                <span>
                  <strong>Version {s.version}</strong> · {s.filename} · {formatBytes(s.sizeBytes)} ·{" "}
                  {formatDateTime(s.submittedAt)}
                </span>
                <span>
                  {s.isLate && <span className="badge badge-late">late</span>}{" "}
                  {n === 0 && <span className="badge badge-ok">counts</span>}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

function LinkProblem({ error }: { error: TApiError }) {
  const reason = (error.details as { reason?: string } | undefined)?.reason;
  const title =
    reason === "revoked"
      ? "This assessment was withdrawn"
      : reason === "expired"
        ? "This assessment link has expired"
        : error.code === "NOT_FOUND"
          ? "This link does not work"
          : "The assessment could not be opened";
  return (
    <main className="auth-page" id="main">
      <div className="card auth-card">
        <h1>{title}</h1>
        <p role="alert">{error.message}</p>
      </div>
    </main>
  );
}
