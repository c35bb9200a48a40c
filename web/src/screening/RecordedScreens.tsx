import { OUTCOME_LABELS, VERDICT_LABELS } from "./screening-types";
import type { TScreeningView } from "./screening-types";
import { ScrollRegion } from "../components/ScrollRegion";

/** The screens recorded for this application: who, when, the outcome and every item's verdict. */
export function RecordedScreens({ screens }: { screens: TScreeningView["screens"] }) {
  if (screens.length === 0) return null;
  return (
    <section className="card" aria-labelledby="recorded-title">
      <h2 id="recorded-title">Recorded screens</h2>
      {screens.map((screen) => (
        <div key={screen.id} className="recorded-screen">
          <p>
            <span className={`badge outcome-${screen.outcome}`}>
              {OUTCOME_LABELS[screen.outcome]}
            </span>{" "}
            by {screen.screenedBy?.name ?? "a former user"} on{" "}
            {new Date(screen.screenedAt).toLocaleString()}
            {screen.blind && <span className="badge badge-muted"> Screened blind</span>}
          </p>
          {screen.notes && <p className="muted">{screen.notes}</p>}
          <ScrollRegion label="Recorded screens">
            <table>
              <thead>
                <tr>
                  <th scope="col">Item</th>
                  <th scope="col">Proposed</th>
                  <th scope="col">Decided</th>
                  <th scope="col">Note</th>
                </tr>
              </thead>
              <tbody>
                {screen.items.map((item) => (
                  <tr key={item.itemId}>
                    <td>{item.label}</td>
                    <td>
                      {VERDICT_LABELS[item.proposedVerdict]}{" "}
                      <span className="muted small">
                        ({Math.round(item.proposedConfidence * 100)}%)
                      </span>
                    </td>
                    <td>
                      {VERDICT_LABELS[item.verdict]}
                      {item.overridden && <span className="badge badge-warn"> Overridden</span>}
                    </td>
                    <td className="small">{item.note ?? ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </div>
      ))}
    </section>
  );
}
