import { useRef, useState } from "react";
import type { DragEvent } from "react";
import { Link } from "react-router";
import { ErrorBanner } from "../components/form";
import { useIntakeBatch, useStartIntake } from "./queries";
import { ScrollRegion } from "../components/ScrollRegion";

const STATUS_LABELS = {
  imported: "Imported",
  merged: "Merged",
  "possible-duplicate": "Possible duplicate",
  failed: "Failed",
} as const;

/** Drop up to 200 résumés (or one zip) onto the role; a job imports them while this polls. */
export function IntakePanel({ roleId }: { roleId: string }) {
  const [files, setFiles] = useState<File[]>([]);
  const [batchId, setBatchId] = useState<string>();
  const [dragging, setDragging] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const startIntake = useStartIntake(roleId);
  const progress = useIntakeBatch(batchId);
  const batch = progress.data;
  const busy = startIntake.isPending;
  const error = startIntake.error ?? progress.error;

  function start() {
    startIntake.mutate(files, {
      onSuccess: (data) => {
        setBatchId(data.batch.id);
        setFiles([]);
        if (inputRef.current) inputRef.current.value = "";
      },
    });
  }

  function onDrop(event: DragEvent<HTMLLabelElement>) {
    event.preventDefault();
    setDragging(false);
    setFiles([...event.dataTransfer.files]);
  }

  const percent = batch && batch.total > 0 ? Math.round((batch.processed / batch.total) * 100) : 0;
  return (
    <section className="card" aria-labelledby="intake-title">
      <h2 id="intake-title">Bulk intake</h2>
      <p className="muted">
        Up to 200 résumés (PDF, Word or text, 10 MB each) or one zip of them. Each becomes a
        candidate in the résumé screen; a file that cannot be read is listed with the reason and the
        others still go in. A résumé whose e-mail you already have on file is merged into that
        candidate; one whose e-mail belongs to a candidate you cannot see is kept apart as a
        possible duplicate for an admin to merge.
      </p>
      <label
        className={`dropzone${dragging ? " dropzone-active" : ""}`}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <span className="dropzone-title">Drop résumés or a zip here, or choose files</span>
        <input
          ref={inputRef}
          type="file"
          multiple
          accept=".pdf,.docx,.txt,.zip"
          aria-label="Résumé files"
          onChange={(event) => setFiles([...(event.target.files ?? [])])}
        />
        {files.length > 0 && (
          <span className="muted small">
            {files.length === 1 ? files[0]?.name : `${files.length} files chosen`}
          </span>
        )}
      </label>
      <div className="actions-row">
        <button
          type="button"
          className="button-primary"
          disabled={busy || files.length === 0}
          onClick={start}
        >
          {busy ? "Uploading…" : "Start intake"}
        </button>
      </div>
      <ErrorBanner error={error} />
      {batch && (
        <div className="intake-progress">
          <div className="progress-label" id="intake-progress-label">
            {batch.status === "done" ? "Intake finished" : "Importing…"}{" "}
            <span aria-live="polite">
              {batch.processed} of {batch.total} processed · {batch.succeeded} in · {batch.failed}{" "}
              failed
            </span>
          </div>
          <progress
            max={batch.total}
            value={batch.processed}
            aria-labelledby="intake-progress-label"
            aria-valuetext={`${percent}%`}
          />
          <ScrollRegion label="Candidates in this intake">
            <table>
              <thead>
                <tr>
                  <th scope="col">File</th>
                  <th scope="col">Result</th>
                  <th scope="col">Candidate</th>
                  <th scope="col">Details</th>
                </tr>
              </thead>
              <tbody>
                {batch.results.map((result) => (
                  <tr key={result.position} className={`intake-${result.status}`}>
                    <td>{result.filename}</td>
                    <td>
                      <span
                        className={`badge ${result.status === "failed" ? "badge-danger" : result.status === "imported" ? "badge-ok" : ""}`}
                      >
                        {STATUS_LABELS[result.status]}
                      </span>
                    </td>
                    <td>
                      {result.applicationId ? (
                        <Link to={`/applications/${result.applicationId}/screening`}>
                          {result.candidateName ?? "Open screen"}
                        </Link>
                      ) : (
                        "—"
                      )}
                    </td>
                    <td className="small">
                      {result.reason}
                      {result.warnings.map((warning) => (
                        <div key={warning} className="muted">
                          {warning}
                        </div>
                      ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </div>
      )}
    </section>
  );
}
