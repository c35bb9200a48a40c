import { useCallback, useEffect, useRef, useState } from "react";
import type { SyntheticEvent } from "react";
import type { TApiError } from "../api/client";
import { ErrorBanner, Notice } from "../components/form";
import { DesignDocumentUpload } from "./DesignDocumentUpload";
import { SelfIdentificationSection } from "../fairness/SelfIdentificationSection";
import { finishAssessment, openPortal, readPortal, startAssessment, startPart } from "./portal-api";
import {
  formatBytes,
  formatDateTime,
  formatDuration,
  formatMinutes,
  type TPortalAssessment,
  type TPortalPart,
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
  const [acknowledged, setAcknowledged] = useState(false);
  // Server time minus browser time, so the countdown follows the server's clock.
  const [skewMs, setSkewMs] = useState(0);

  const show = useCallback((next: TPortalAssessment) => {
    setAssessment(next);
    setSkewMs(new Date(next.serverNow).getTime() - Date.now());
  }, []);

  useEffect(() => {
    openPortal(token).then(show, (failure: unknown) => setLoadError(failure as TApiError));
  }, [token, show]);

  // While an upload is being checked, look again now and then so its state moves on here too.
  const checking = assessment?.parts.some((part) =>
    part.submissions.some((submission) => submission.check === "checking"),
  );
  useEffect(() => {
    if (!checking) return;
    const timer = setInterval(() => {
      readPortal(token).then(show, () => undefined);
    }, 4000);
    return () => clearInterval(timer);
  }, [checking, token, show]);

  async function start(part?: number) {
    setBusy(true);
    setError(undefined);
    await (
      part === undefined
        ? startAssessment(token, acknowledged)
        : startPart(token, part, acknowledged)
    ).then(show, (failure: unknown) => setError(failure as TApiError));
    setBusy(false);
  }

  if (loadError) return <LinkProblem error={loadError} />;
  if (!assessment) return <p className="loading">Opening your assessment…</p>;

  const single = assessment.parts.length === 1;
  // With a privacy notice, nothing starts before the candidate says they have read it.
  const needsNotice =
    Boolean(assessment.privacyNoticeUrl) && !assessment.startedAt && !acknowledged;
  const shared = assessment.timing === "shared";
  const sharedStarted = shared && Boolean(assessment.startedAt);
  const finishedAt = assessment.finishedAt;
  const first = assessment.parts[0];
  return (
    <div className="portal">
      <header className="portal-header">
        <span className="brand">
          <img src="/favicon.svg" alt="" width="24" height="24" /> Shortlist
        </span>
        <span className="muted">Practical assessment · {assessment.roleTitle}</span>
      </header>
      <main id="main">
        <h1 tabIndex={-1}>
          {single && first
            ? first.pack.title
            : `Practical assessment in ${assessment.parts.length} parts`}
        </h1>
        <p className="muted">
          Hello {assessment.candidateName}.{" "}
          {single && first
            ? first.pack.summary
            : `Each part below is its own task with its own instructions, starter and upload.${shared ? " One clock covers all of them." : " Each part has its own clock, started when you start that part."}`}
        </p>
        <section className="card portal-effort" aria-label="Time and deadline">
          <div>
            <span className="portal-figure">{formatMinutes(assessment.timeLimitMinutes)}</span>
            <span className="muted">{effortText(assessment)}</span>
          </div>
          <div>
            <span className="portal-figure">{formatDateTime(assessment.deadlineAt)}</span>
            <span className="muted">deadline — finish by then at the latest</span>
          </div>
          {finishedAt ? (
            <div data-testid="finished-at">
              <span className="portal-figure">{formatDateTime(finishedAt)}</span>
              <span className="muted">you said you were finished; the clock has stopped</span>
            </div>
          ) : (
            shared && assessment.dueAt && <Countdown dueAt={assessment.dueAt} skewMs={skewMs} />
          )}
        </section>
        <ErrorBanner error={error} />
        {assessment.privacyNoticeUrl && !assessment.startedAt && (
          <p className="card portal-notice">
            <input
              id="privacy-notice"
              type="checkbox"
              checked={acknowledged}
              onChange={(e) => setAcknowledged(e.target.checked)}
            />{" "}
            <label htmlFor="privacy-notice">
              I have read the{" "}
              <a href={assessment.privacyNoticeUrl} target="_blank" rel="noreferrer">
                privacy notice
              </a>{" "}
              on how my data is used for this application.
            </label>
          </p>
        )}
        {shared && !sharedStarted && (
          <section className="card">
            <h2>When you are ready</h2>
            <p>
              Read the instructions below first if you like — the clock does not run yet. Pressing{" "}
              <strong>Start</strong> starts your {formatMinutes(assessment.timeLimitMinutes)} on our
              server and unlocks the starter {single ? "project" : "projects"} and the{" "}
              {single ? "upload" : "uploads"}.
            </p>
            <button
              type="button"
              className="button-primary"
              disabled={busy || needsNotice}
              onClick={() => void start()}
            >
              Start the assessment
            </button>
          </section>
        )}
        {!single && (
          <nav className="card portal-progress" aria-label="Parts">
            <ol>
              {assessment.parts.map((part) => (
                <li key={part.position}>
                  <a href={`#part-${part.position}`}>
                    Part {part.position}: {part.pack.title}
                  </a>{" "}
                  <span className={`badge part-${part.state}`}>
                    {partStateLabel(part, assessment.finishedAt !== null)}
                  </span>
                </li>
              ))}
            </ol>
          </nav>
        )}
        {assessment.parts.map((part) => (
          <PartSection
            key={part.position}
            token={token}
            assessment={assessment}
            part={part}
            single={single}
            busy={busy || needsNotice}
            onStart={() => void start(part.position)}
            onChange={show}
            skewMs={skewMs}
          />
        ))}
        <FinishSection token={token} assessment={assessment} onChange={show} />
        <SelfIdentificationSection token={token} />
      </main>
    </div>
  );
}

/** What the time box means now: before Start, while it runs (until when), or once finished. */
function effortText(assessment: TPortalAssessment): string {
  if (assessment.finishedAt) return "time box; you have finished";
  if (assessment.timing !== "shared")
    return assessment.startedAt
      ? "expected effort in all; each part's time left is shown with the part"
      : "expected effort in all, each part counted from its own Start";
  if (assessment.startedAt && assessment.dueAt)
    return `your time box, started ${formatDateTime(assessment.startedAt)}; it ends ${formatDateTime(assessment.dueAt)}`;
  return "expected effort, from when you press Start";
}

/**
 * "I'm finished": once something is uploaded the candidate may end their attempt. It asks first,
 * because it cannot be undone: uploads close and the clock stops.
 */
function FinishSection({
  token,
  assessment,
  onChange,
}: {
  token: string;
  assessment: TPortalAssessment;
  onChange: (next: TPortalAssessment) => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<TApiError>();
  const confirmButton = useRef<HTMLButtonElement>(null);
  const doneHeading = useRef<HTMLHeadingElement>(null);
  const uploaded = assessment.parts.filter((part) => part.submissions.length > 0).length;
  const finishedAt = assessment.finishedAt;

  // Focus follows the step: to the confirmation, then to what it did (the buttons are gone).
  useEffect(() => {
    if (finishedAt && confirming) doneHeading.current?.focus();
    else if (confirming) confirmButton.current?.focus();
  }, [confirming, finishedAt]);

  if (finishedAt)
    return (
      <section className="card portal-finish" aria-labelledby="finish-title">
        <h2 id="finish-title" ref={doneHeading} tabIndex={-1}>
          You have finished
        </h2>
        <p>
          You finished on {formatDateTime(finishedAt)}. What you uploaded is what the hiring team
          reviews; they can see that you have finished. Thank you for your time.
        </p>
      </section>
    );
  if (!assessment.startedAt || uploaded === 0) return null;

  async function finish() {
    setBusy(true);
    setError(undefined);
    try {
      onChange(await finishAssessment(token));
    } catch (failure) {
      setError(failure as TApiError);
      setBusy(false);
    }
  }

  const missing = assessment.parts.length - uploaded;
  return (
    <section className="card portal-finish" aria-labelledby="finish-title">
      <h2 id="finish-title">When you are done</h2>
      {!confirming ? (
        <>
          <p>
            When you are happy with what you uploaded, tell us you are finished. You do not have to:
            the last upload before the time is up counts either way.
          </p>
          <button type="button" onClick={() => setConfirming(true)}>
            I&apos;m finished
          </button>
        </>
      ) : (
        <div role="group" aria-labelledby="finish-confirm-text">
          <p id="finish-confirm-text">
            <strong>Finish now?</strong> You cannot upload anything after this.
            {missing > 0
              ? ` ${missing} of ${assessment.parts.length} parts ${missing === 1 ? "has" : "have"} no upload.`
              : ""}
          </p>
          <div className="button-row">
            <button
              ref={confirmButton}
              type="button"
              className="button-primary"
              disabled={busy}
              onClick={() => void finish()}
            >
              Yes, I&apos;m finished
            </button>
            <button type="button" disabled={busy} onClick={() => setConfirming(false)}>
              Keep working
            </button>
          </div>
        </div>
      )}
      <ErrorBanner error={error} />
    </section>
  );
}

const PART_STATE: Record<TPortalPart["state"], string> = {
  "not-started": "not started",
  "in-progress": "in progress",
  submitted: "handed in",
};

/** Once the candidate has finished, a part that was never handed in stays that way. */
function partStateLabel(part: TPortalPart, finished: boolean) {
  return finished && part.state !== "submitted" ? "nothing handed in" : PART_STATE[part.state];
}

function PartSection({
  token,
  assessment,
  part,
  single,
  busy,
  onStart,
  onChange,
  skewMs,
}: {
  token: string;
  assessment: TPortalAssessment;
  part: TPortalPart;
  single: boolean;
  busy: boolean;
  onStart: () => void;
  onChange: (next: TPortalAssessment) => void;
  skewMs: number;
}) {
  const started = Boolean(part.startedAt);
  const perPart = assessment.timing === "per-part";
  const finished = Boolean(assessment.finishedAt);
  const instructions = (
    // Rendered from the pack's Markdown and sanitized (tags and links allowlisted) on the
    // server, so this page ships no Markdown parser.
    <div className="markdown" dangerouslySetInnerHTML={{ __html: part.instructionsHtml }} />
  );
  const work = (
    <>
      {perPart && !started && finished && (
        <p className="muted">You finished before starting this part.</p>
      )}
      {perPart && !started && !finished && (
        <div className={single ? "card" : undefined}>
          <p>
            Read the instructions first if you like — this part&apos;s clock does not run yet.
            Pressing <strong>Start</strong> starts its {formatMinutes(part.timeLimitMinutes)} and
            unlocks its starter and upload.
          </p>
          <button type="button" className="button-primary" disabled={busy} onClick={onStart}>
            {single ? "Start the assessment" : `Start part ${part.position}`}
          </button>
        </div>
      )}
      {perPart && part.dueAt && !finished && <Countdown dueAt={part.dueAt} skewMs={skewMs} />}
      {started && (
        <WorkArea
          token={token}
          assessment={assessment}
          part={part}
          single={single}
          onChange={onChange}
          skewMs={skewMs}
        />
      )}
    </>
  );
  if (single) {
    return (
      <>
        {work}
        <section className="card" aria-labelledby="instructions-title">
          <h2 id="instructions-title">Instructions</h2>
          {instructions}
        </section>
      </>
    );
  }
  return (
    <section
      className="card portal-part"
      id={`part-${part.position}`}
      aria-labelledby={`part-${part.position}-title`}
    >
      <h2 id={`part-${part.position}-title`}>
        Part {part.position}: {part.pack.title}
      </h2>
      <p className="muted">
        {part.pack.summary}{" "}
        {perPart ? (
          <span className="nowrap">({formatMinutes(part.timeLimitMinutes)})</span>
        ) : (
          <>
            (about <span className="nowrap">{formatMinutes(part.timeLimitMinutes)}</span> of the
            shared time)
          </>
        )}
      </p>
      {work}
      <details className="portal-instructions" open={part.state !== "submitted"}>
        <summary>Instructions for part {part.position}</summary>
        {instructions}
      </details>
    </section>
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

const CHECK_TEXT = {
  checking: "being checked…",
  checked: "received and checked",
  problem: "could not be used",
} as const;

function WorkArea({
  token,
  assessment,
  part,
  single,
  onChange,
  skewMs,
}: {
  token: string;
  assessment: TPortalAssessment;
  part: TPortalPart;
  single: boolean;
  onChange: (next: TPortalAssessment) => void;
  skewMs: number;
}) {
  const [progress, setProgress] = useState<number>();
  const [error, setError] = useState<TApiError>();
  const [done, setDone] = useState<string>();
  const fileInput = useRef<HTMLInputElement>(null);
  const timeUp = !!part.dueAt && new Date(part.dueAt).getTime() < Date.now() + skewMs;
  const Heading = single ? "h2" : "h3";
  const fileLabel = single ? "Your project (.zip)" : `Part ${part.position}: your project (.zip)`;
  const base = `/api/portal/${encodeURIComponent(token)}/parts/${part.position}`;

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
        `${base}/submissions`,
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

  const finished = Boolean(assessment.finishedAt);
  if (part.pack.submissionKind === "document") {
    if (finished)
      return (
        <p className="muted">
          {part.submissions.length > 0
            ? `Your document (version ${part.submissions[0]?.version ?? 1}) is handed in.`
            : "Nothing was handed in for this part."}
        </p>
      );
    return (
      <DesignDocumentUpload
        token={token}
        assessment={assessment}
        part={part}
        single={single}
        onChange={onChange}
        skewMs={skewMs}
      />
    );
  }

  return (
    <>
      <div className={`portal-steps${single ? " card" : ""}`}>
        <div>
          <Heading>1. Download the starter project</Heading>
          <p className="muted">A Django project to build on. Unzip it and work locally.</p>
          <a className="download-button" href={`${base}/starter.zip`} download>
            {single
              ? "Download starter (.zip)"
              : `Download the part ${part.position} starter (.zip)`}
          </a>
        </div>
        {finished ? (
          <div>
            <Heading>2. Upload your project</Heading>
            <p className="muted">
              You have finished, so uploads are closed.
              {part.submissions.length === 0 ? " Nothing was uploaded for this part." : ""}
            </p>
          </div>
        ) : (
          <form onSubmit={(e) => void upload(e)} noValidate>
            <Heading>2. Upload your project</Heading>
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
              <label htmlFor={`submission-file-${part.position}`}>{fileLabel}</label>
              <input
                id={`submission-file-${part.position}`}
                ref={fileInput}
                type="file"
                name="file"
                accept=".zip,application/zip"
              />
            </div>
            <button type="submit" className="button-primary" disabled={progress !== undefined}>
              {progress === undefined
                ? single
                  ? "Upload"
                  : `Upload part ${part.position}`
                : "Uploading…"}
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
        )}
      </div>
      {part.submissions.length > 0 && (
        <div className={single ? "card" : undefined}>
          <Heading>Your uploads</Heading>
          <ul
            className="plain-list"
            aria-label={single ? "Your uploads" : `Your uploads for part ${part.position}`}
          >
            {part.submissions.map((s, n) => (
              <li key={s.version}>
                <span>
                  <strong>Version {s.version}</strong> · {s.filename} · {formatBytes(s.sizeBytes)} ·{" "}
                  {formatDateTime(s.submittedAt)} ·{" "}
                  <span className={`check-${s.check}`}>{CHECK_TEXT[s.check]}</span>
                  {s.problem && <span className="upload-problem">{s.problem}</span>}
                </span>
                <span>
                  {s.isLate && <span className="badge badge-late">late</span>}{" "}
                  {n === 0 && <span className="badge badge-ok">counts</span>}
                </span>
              </li>
            ))}
          </ul>
        </div>
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
