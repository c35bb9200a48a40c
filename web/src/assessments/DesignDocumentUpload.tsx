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
  type TPortalPart,
  type TPortalSubmitResponse,
} from "./types";
import { UploadError, uploadWithProgress } from "./upload";
import "./design-review.css";

// The server refuses more (413); checking here first saves a pointless transfer.
const MAX_TEXT_BYTES = 1024 * 1024;

/**
 * The portal's upload for a design-document part: a Markdown or PDF file, or the text pasted,
 * through that part's routes. The server turns either into the stored text and answers with a
 * message naming what was wrong.
 */
export function DesignDocumentUpload({
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
  const [mode, setMode] = useState<"file" | "text">("file");
  const [text, setText] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<TApiError>();
  const [done, setDone] = useState<string>();
  const fileInput = useRef<HTMLInputElement>(null);
  const timeUp = !!part.dueAt && new Date(part.dueAt).getTime() < Date.now() + skewMs;
  const Heading = single ? "h2" : "h3";
  const base = `/api/portal/${encodeURIComponent(token)}/parts/${part.position}`;
  // Ids stay unique when a portal shows more than one part.
  const id = (name: string) => `${name}-${part.position}`;
  // Only the first letter goes lower case: "Markdown" and ".PDF" keep theirs.
  const label = (text: string) =>
    single ? text : `Part ${part.position}: ${text.charAt(0).toLowerCase()}${text.slice(1)}`;
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
            `${base}/submissions`,
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
          api.POST("/api/portal/{token}/parts/{part}/document-text", {
            params: { path: { token, part: part.position } },
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
      <div className={`portal-steps design-upload${single ? " card" : ""}`}>
        <div>
          <Heading>1. Get the template</Heading>
          <p className="muted">
            A Markdown file with the sections the reviewers expect. Fill it in with any editor.
          </p>
          <a className="download-button" href={`${base}/starter.zip`} download>
            {single
              ? "Download template (.zip)"
              : `Download the part ${part.position} template (.zip)`}
          </a>
        </div>
        <form onSubmit={(e) => void send(e)} noValidate>
          <Heading>2. Send your design document</Heading>
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
                name={id("mode")}
                checked={mode === "file"}
                onChange={() => setMode("file")}
              />{" "}
              Upload a file
            </label>
            <label>
              <input
                type="radio"
                name={id("mode")}
                checked={mode === "text"}
                onChange={() => setMode("text")}
              />{" "}
              Paste the text
            </label>
          </fieldset>
          {mode === "file" ? (
            <div className="field">
              <label htmlFor={id("design-file")}>
                {label("Your design document (.md or .pdf)")}
              </label>
              <input
                id={id("design-file")}
                ref={fileInput}
                type="file"
                name="file"
                accept=".md,.markdown,.txt,.pdf,text/markdown,text/plain,application/pdf"
              />
            </div>
          ) : (
            <div className="field">
              <label htmlFor={id("design-text")}>{label("Your design document (Markdown)")}</label>
              <textarea
                id={id("design-text")}
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
      </div>
      {part.submissions.length > 0 && (
        <div className={single ? "card" : undefined}>
          <Heading>What you sent</Heading>
          <ul
            className="plain-list"
            aria-label={single ? "What you sent" : `What you sent for part ${part.position}`}
          >
            {part.submissions.map((s, n) => (
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
        </div>
      )}
    </>
  );
}
