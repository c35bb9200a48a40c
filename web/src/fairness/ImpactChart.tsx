import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { answerLabel } from "./categories";
import type { TCategory } from "./categories";
import type { TFairnessReport } from "./queries";

// Distinct on white and from each other, each with ≥ 4.5:1 contrast for its legend text.
const COLOURS = ["#3b3fb6", "#a3480b", "#0f6b5f", "#9d174d", "#5b21b6", "#1d4ed8", "#4d5562"];

/**
 * Impact ratio per stage for one category, the reference group at 1 and the four-fifths line
 * drawn. Decorative for screen readers: the tables below carry every number.
 */
export function ImpactChart({
  report,
  category,
}: {
  report: TFairnessReport;
  category: TCategory;
}) {
  const rows = [
    ...report.stages,
    { key: "overall", name: "Hired (overall)", categories: report.overall },
  ];
  const groups = [
    ...new Set(
      rows.flatMap(
        (r) => r.categories.find((c) => c.category === category)?.groups.map((g) => g.group) ?? [],
      ),
    ),
  ];
  const data = rows.map((row) => {
    const point: Record<string, string | number | null> = { name: row.name };
    for (const g of row.categories.find((c) => c.category === category)?.groups ?? [])
      point[g.group] = g.isReference ? 1 : g.impactRatio;
    return point;
  });
  if (groups.length === 0) return null;
  return (
    <div aria-hidden="true" className="fairness-chart">
      <ResponsiveContainer width="100%" height={300}>
        <BarChart
          data={data}
          margin={{ top: 8, right: 8, bottom: 8, left: 0 }}
          // The chart is hidden from assistive technology (the tables carry the numbers), so its
          // surface must not take keyboard focus either.
          accessibilityLayer={false}
        >
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="name" tick={{ fontSize: 12 }} interval={0} />
          <YAxis
            domain={[0, (max: number) => Math.max(1.2, Math.ceil(max * 10) / 10)]}
            width={40}
          />
          <Tooltip formatter={(value) => (typeof value === "number" ? value.toFixed(2) : "—")} />
          <Legend />
          <ReferenceLine
            y={report.thresholds.fourFifths}
            stroke="#9d174d"
            strokeDasharray="6 3"
            label={{ value: "four-fifths", position: "insideTopRight", fontSize: 12 }}
          />
          {groups.map((group, i) => (
            <Bar
              key={group}
              dataKey={group}
              name={answerLabel(category, group)}
              fill={COLOURS[i % COLOURS.length]}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
