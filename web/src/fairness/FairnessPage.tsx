import { lazy, Suspense, useState } from "react";
import { ErrorBanner, SelectField, TextField } from "../components/form";
import { PageTitle } from "../components/Layout";
import { useRoleOptions } from "../roles/queries";
import { RolePickerNote } from "../roles/RolePickerNote";
import { answerLabel, CATEGORIES, CATEGORY_LABELS } from "./categories";
import type { TCategory } from "./categories";
import { useFairnessReport } from "./queries";
import type { TFairnessReport, TGroupImpact, TImpactTable } from "./queries";
import "./fairness.css";

// recharts is only downloaded when someone opens this page.
const ImpactChart = lazy(() => import("./ImpactChart").then((m) => ({ default: m.ImpactChart })));

const percent = (rate: number) => `${(rate * 100).toFixed(1)}%`;
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

function noteOf(group: TGroupImpact, report: TFairnessReport): string {
  if (group.isReference) return "highest rate: the reference";
  if (!group.rated)
    return `under ${percent(report.thresholds.minShareRated)} of the people: not rated`;
  const notes: string[] = [];
  if (group.belowFourFifths) notes.push("below four-fifths");
  if (group.smallSample) notes.push("small sample: read with care");
  return notes.join("; ");
}

function ImpactTableView({
  caption,
  table,
  category,
  report,
}: {
  caption: string;
  table: TImpactTable | undefined;
  category: TCategory;
  report: TFairnessReport;
}) {
  const groups = table?.groups ?? [];
  const suppressed = table?.suppressedGroups ?? 0;
  return (
    <section className="fairness-stage">
      {/* Wide on a phone: the wrapper scrolls, so it takes focus for keyboard scrolling. */}
      <div className="fairness-table-wrap" tabIndex={0} role="region" aria-label={caption}>
        <table className="fairness-table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">Group</th>
              <th scope="col">People</th>
              <th scope="col">Moved on</th>
              <th scope="col">Selection rate</th>
              <th scope="col">Impact ratio</th>
              <th scope="col">Fisher p</th>
              <th scope="col">Note</th>
            </tr>
          </thead>
          <tbody>
            {groups.length === 0 && (
              <tr>
                <td colSpan={7}>No group of at least {report.thresholds.minGroupShown} people.</td>
              </tr>
            )}
            {groups.map((g) => (
              <tr key={g.group}>
                <th scope="row">{answerLabel(category, g.group)}</th>
                <td>{g.size}</td>
                <td>{g.selected}</td>
                <td>{percent(g.selectionRate)}</td>
                <td className={g.belowFourFifths ? "fairness-flag" : undefined}>
                  {g.isReference ? "1.00" : g.impactRatio === null ? "—" : g.impactRatio.toFixed(2)}
                </td>
                <td>{g.fisherP === null ? "—" : g.fisherP.toFixed(3)}</td>
                <td>{noteOf(g, report)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {suppressed > 0 && (
        <p className="muted">
          {suppressed === 1 ? "One group" : `${suppressed} groups`} with fewer than{" "}
          {report.thresholds.minGroupShown} people {suppressed === 1 ? "is" : "are"} not shown, so
          that no one can be singled out.
        </p>
      )}
    </section>
  );
}

/** Admins and hiring managers: adverse impact by the four-fifths rule, per stage and overall. */
export function FairnessPage() {
  const roles = useRoleOptions();
  const [roleId, setRoleId] = useState("");
  const [to, setTo] = useState(() => isoDay(new Date()));
  const [from, setFrom] = useState(() => isoDay(new Date(Date.now() - 365 * 86_400_000)));
  const [category, setCategory] = useState<TCategory>("sex");
  const valid = /^\d{4}-\d{2}-\d{2}$/;
  const report = useFairnessReport({
    ...(roleId ? { roleId } : {}),
    ...(valid.test(from) ? { from } : {}),
    ...(valid.test(to) ? { to } : {}),
  });
  const data = report.data;
  const tableOf = (categories: TImpactTable[]) => categories.find((c) => c.category === category);

  return (
    <div className="fairness-page">
      <PageTitle>Fairness: adverse impact</PageTitle>
      <section className="card">
        <h2>What this shows</h2>
        <p>
          Candidates may tell us their sex, race or ethnicity, veteran status and disability in the
          assessment portal; it is voluntary and the hiring team never sees anyone&apos;s answers.
          For each group, the <strong>selection rate</strong> is the share of those who reached a
          stage and moved on to a later one (overall: the share hired). The{" "}
          <strong>impact ratio</strong> divides a group&apos;s rate by the highest group&apos;s
          rate. Under the four-fifths rule (29 CFR 1607.4(D)) a ratio below 0.80 is a sign of
          adverse impact worth looking into.
        </p>
        <p>
          It is a sign, not proof. With few people a ratio swings with one decision, so a small
          sample is marked, and Fisher&apos;s exact p says how often a gap this large would appear
          by chance if every group had the same chance (below 0.05: unlikely to be chance alone).
          Only people who answered are counted, groups under 2% of the people are shown but not
          rated, and no group of fewer than five people is shown at all.
        </p>
      </section>
      <div className="fairness-controls">
        <SelectField label="Role" value={roleId} onChange={(e) => setRoleId(e.target.value)}>
          <option value="">All roles you lead (stages pooled by kind)</option>
          {roles.roles?.map((role) => (
            <option key={role.id} value={role.id}>
              {role.title}
            </option>
          ))}
        </SelectField>
        <RolePickerNote shown={roles.roles?.length ?? 0} total={roles.total} />
        <TextField
          label="Applied from"
          type="date"
          value={from}
          onChange={(e) => setFrom(e.target.value)}
        />
        <TextField
          label="Applied up to"
          type="date"
          value={to}
          onChange={(e) => setTo(e.target.value)}
        />
        <SelectField
          label="Category"
          value={category}
          onChange={(e) => setCategory(e.target.value as TCategory)}
        >
          {CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {CATEGORY_LABELS[c]}
            </option>
          ))}
        </SelectField>
      </div>
      <ErrorBanner error={report.error ?? undefined} />
      {!data && !report.error && (
        <p className="muted" role="status">
          Loading the report…
        </p>
      )}
      {data && (
        <>
          <section className="card">
            <h2>Impact ratio by stage: {CATEGORY_LABELS[category]}</h2>
            <Suspense fallback={<p className="muted">Loading the chart…</p>}>
              <ImpactChart report={data} category={category} />
            </Suspense>
            <p className="muted">
              The dashed line is four-fifths (0.80); the reference group stands at 1. Every number
              is in the tables below.
            </p>
          </section>
          <section className="card">
            <h2>Per stage</h2>
            {data.stages.length === 0 && <p>No applications in this range.</p>}
            {data.stages.map((stage) => (
              <ImpactTableView
                key={stage.key}
                caption={`${stage.name}: of those who reached it, who moved on`}
                table={tableOf(stage.categories)}
                category={category}
                report={data}
              />
            ))}
          </section>
          <section className="card">
            <h2>Overall</h2>
            <ImpactTableView
              caption="Of every application in the range, who was hired"
              table={tableOf(data.overall)}
              category={category}
              report={data}
            />
          </section>
        </>
      )}
    </div>
  );
}
