import { useRef, useState } from "react";
import type { SyntheticEvent } from "react";
import { api } from "../api/client";
import type { TApiError } from "../api/client";
import { ApiError, unwrap } from "../api/query-helpers";
import { ErrorBanner, Notice } from "../components/form";
import {
  formatBytes,
  formatDateTime,
  type TPortalAssessment,
  type TPortalSubmitResponse,
} from "./types";
import { UploadError, uploadWithProgress } from "./upload";
import "./design-review.css";

// The server refuses more (413); checking here first saves a pointless transfer.
const MAX_TEXT_BYTES = 1024 * 1024;

/**
 * The portal's upload for a design-document pack: a Markdown or PDF file, or the text pasted.
 * The server turns either into the stored text and answers with a message naming what was wrong.
 */
export function DesignDocumentUpload({
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
  const [mode, setMode] = useState<"file" | "text">("file");
  const [text, setText] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<TApiError>();
  const [done, setDone] = useState<string>();
  const fileInput = useRef<HTMLInputElement>(null);
  const timeUp = !!assessment.dueAt && new Date(assessment.dueAt).getTime() < Date.now() + skewMs;
  const local = (message: string) => setError({ code: "INPUT", message, requestId: "" });

  function received(result: TPortalSubmitResponse) {
    onChange(result.assessment);
    setDone(
      `Version ${result.submission.version} received${result.submission.isLate ? " (late)" : ""}. The reviewers will read the newest version; you may send it again until they start.`,
    );
  }

  async function send(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    setDone(undefined);
    setError(undefined);
    if (mode === "file") {
      const file = fileInput.current?.files?.[0];
      if (!file) return local("Choose your design document first (.md or .pdf).");
      if (file.size > assessment.maxUploadBytes)
        return local(
          `That file is ${formatBytes(file.size)}; the limit is ${formatBytes(assessment.maxUploadBytes)}.`,
        );
      setBusy(true);
      try {
        received(
          await uploadWithProgress<TPortalSubmitResponse>(
            `/api/portal/${encodeURIComponent(token)}/submissions`,
            file,
            () => undefined,
          ),
        );
        form.reset();
      } catch (failure) {
        setError(
          failure instanceof UploadError
            ? failure.apiError
            : { code: "UPLOAD", message: "The upload failed.", requestId: "" },
        );
      } finally {
        setBusy(false);
      }
      return;
    }
    if (text.trim() === "") return local("Paste your design document first.");
    if (new Blob([text]).size > MAX_TEXT_BYTES)
      return local("The text is longer than 1 MB; paste the design document alone.");
    setBusy(true);
    try {
      received(
        await unwrap(
          api.POST("/api/portal/{token}/document-text", {
            params: { path: { token } },
            body: { text },
          }),
        ),
      );
    } catch (failure) {
      setError(
        failure instanceof ApiError
          ? failure
          : { code: "UPLOAD", message: "Sending failed.", requestId: "" },
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <section className="card portal-steps design-upload">
        <div>
          <h2>1. Get the template</h2>
          <p className="muted">
            A Markdown file with the sections the reviewers expect. Fill it in with any editor.
          </p>
          <a
            className="download-button"
            href={`/api/portal/${encodeURIComponent(token)}/starter.zip`}
            download
          >
            Download template (.zip)
          </a>
        </div>
        <form onSubmit={(e) => void send(e)} noValidate>
          <h2>2. Send your design document</h2>
          <p className="muted">Markdown (.md) or PDF with its text, or paste the text below.</p>
          {timeUp && (
            <Notice>
              <p>Your time is up. You can still send it, but it will be marked late.</p>
            </Notice>
          )}
          <fieldset className="design-upload-mode">
            <legend>How to send it</legend>
            <label>
              <input
                type="radio"
                name="mode"
                checked={mode === "file"}
                onChange={() => setMode("file")}
              />{" "}
              Upload a file
            </label>
            <label>
              <input
                type="radio"
                name="mode"
                checked={mode === "text"}
                onChange={() => setMode("text")}
              />{" "}
              Paste the text
            </label>
          </fieldset>
          {mode === "file" ? (
            <div className="field">
              <label htmlFor="design-file">Your design document (.md or .pdf)</label>
              <input
                id="design-file"
                ref={fileInput}
                type="file"
                name="file"
                accept=".md,.markdown,.txt,.pdf,text/markdown,text/plain,application/pdf"
              />
            </div>
          ) : (
            <div className="field">
              <label htmlFor="design-text">Your design document (Markdown)</label>
              <textarea
                id="design-text"
                rows={12}
                value={text}
                onChange={(e) => setText(e.target.value)}
              />
            </div>
          )}
          <button type="submit" className="button-primary" disabled={busy}>
            {busy ? "Sending…" : "Send document"}
          </button>
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
          <h2>What you sent</h2>
          <ul className="plain-list" aria-label="What you sent">
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
