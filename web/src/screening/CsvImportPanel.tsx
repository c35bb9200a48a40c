import { useState } from "react";
import { ErrorBanner } from "../components/form";
import { useImportCsv } from "./queries";

/** CSV of candidates (name, email, links) applied to this role, with a row-by-row report. */
export function CsvImportPanel({ roleId }: { roleId: string }) {
  const [file, setFile] = useState<File>();
  const importCsv = useImportCsv();
  const report = importCsv.data;
  const error = importCsv.error;
  const busy = importCsv.isPending;

  async function run() {
    if (!file) return;
    importCsv.mutate({ csv: await file.text(), roleId });
  }

  return (
    <section className="card" aria-labelledby="csv-title">
      <h2 id="csv-title">Import candidates from CSV</h2>
      <p className="muted">
        First line: the column names — <code>name</code>, <code>email</code>, and optionally{" "}
        <code>phone</code>, <code>github</code>, <code>portfolio</code>, <code>linkedin</code>. Each
        row is imported on its own; rows with problems are listed and nothing of them is saved.
      </p>
      <div className="actions-row">
        <input
          type="file"
          accept=".csv,text/csv"
          aria-label="CSV file"
          onChange={(event) => setFile(event.target.files?.[0])}
        />
        <button type="button" disabled={!file || busy} onClick={() => void run()}>
          {busy ? "Importing…" : "Import CSV"}
        </button>
      </div>
      <ErrorBanner error={error} />
      {report && (
        <div role="status">
          <p>
            {report.imported} imported · {report.merged} merged into existing candidates ·{" "}
            {report.possibleDuplicates > 0 &&
              `${report.possibleDuplicates} kept apart as possible duplicates for an admin to merge · `}
            {report.failed} with problems
          </p>
          {report.failed > 0 && (
            <table>
              <thead>
                <tr>
                  <th scope="col">Line</th>
                  <th scope="col">Problem</th>
                </tr>
              </thead>
              <tbody>
                {report.rows
                  .filter((row) => row.status === "failed")
                  .map((row) => (
                    <tr key={row.line}>
                      <td>{row.line}</td>
                      <td>
                        {row.errors.map((e) => (
                          <div key={e.field}>
                            <strong>{e.field}</strong> {e.message}
                          </div>
                        ))}
                      </td>
                    </tr>
                  ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </section>
  );
}
