import {
  Bar,
  BarChart,
  CartesianGrid,
  ErrorBar,
  Legend,
  ReferenceLine,
  ResponsiveContainer,
  XAxis,
  YAxis,
} from "recharts";
import { ErrorBanner } from "../components/form";
import { describeComposite, formatScore } from "./evidence-format";
import { useEvidenceOf } from "./queries";
import type { TEvidence } from "./queries";
import { ScrollRegion } from "../components/ScrollRegion";

// Distinct on white and from each other, each with ≥ 4.5:1 contrast for its legend text.
const COLOURS = ["#3b3fb6", "#a3480b", "#0f6b5f", "#9d174d"];
const Z80 = 1.2815515655446004;

type TCompetency = TEvidence["competencies"][number];
type TQuote = { competency: string; rater: string; text: string };

/**
 * Strengths and concerns in the raters' own key takeaways: a competency at or above the bar
 * quotes the rater who rated it highest, one below quotes the one who rated it lowest. A
 * takeaway is quoted once per candidate, where it first applies.
 */
function strengthsAndConcerns(evidence: TEvidence, bar: number) {
  const used = new Set<string>();
  const takeawaysOf = (raterId: string | undefined, stageIds: readonly string[]) =>
    evidence.takeaways
      .filter((t) => t.raterId === raterId && stageIds.includes(t.stageId))
      .map((t) => t.text);
  const quote = (c: TCompetency, pick: "high" | "low"): TQuote[] => {
    const raters = c.sources
      .filter((s) => s.kind === "rater")
      .sort((a, b) => (pick === "high" ? b.rating - a.rating : a.rating - b.rating));
    for (const source of raters)
      for (const text of takeawaysOf(source.rater?.id, source.stageIds))
        if (!used.has(text)) {
          used.add(text);
          return [{ competency: c.name, rater: source.rater?.name ?? "A rater", text }];
        }
    return [];
  };
  const rated = evidence.competencies.filter((c) => c.estimate !== null && c.weight > 0);
  const byEstimate = [...rated].sort((a, b) => (b.estimate ?? 0) - (a.estimate ?? 0));
  const strengths = byEstimate
    .filter((c) => (c.estimate ?? 0) >= bar)
    .flatMap((c) => quote(c, "high"));
  const concerns = byEstimate
    .reverse()
    .filter((c) => (c.estimate ?? 0) < bar)
    .flatMap((c) => quote(c, "low"));
  return { strengths: strengths.slice(0, 3), concerns: concerns.slice(0, 3) };
}

/** 2–4 candidates side by side: a competency profile with bands, the numbers, their words. */
export function CompareView({ applicationIds, bar }: { applicationIds: string[]; bar: number }) {
  const results = useEvidenceOf(applicationIds);
  const failed = results.find((r) => r.error)?.error;
  if (failed) return <ErrorBanner error={failed} />;
  const loaded = results.flatMap((r) => (r.data ? [r.data] : []));
  if (loaded.length < applicationIds.length)
    return (
      <p className="muted" role="status">
        Loading the comparison…
      </p>
    );
  const competencies = (loaded[0]?.role.competencies ?? []).filter((c) => c.weight > 0);
  const estimateOf = (e: TEvidence, id: string) =>
    e.competencies.find((c) => c.competencyId === id);
  const data = competencies.map((c) => {
    const point: Record<string, number | string | [number, number] | null> = { name: c.name };
    loaded.forEach((e, i) => {
      const est = estimateOf(e, c.id);
      point[`c${i}`] = est?.estimate ?? null;
      point[`c${i}band`] =
        est?.estimate != null && est.sd != null ? [Z80 * est.sd, Z80 * est.sd] : [0, 0];
    });
    return point;
  });
  const height = Math.max(240, competencies.length * (loaded.length * 14 + 18) + 60);

  return (
    <div className="compare">
      <div className="compare-layout">
        <figure className="compare-chart" aria-hidden="true">
          <ResponsiveContainer width="100%" height={height}>
            <BarChart
              accessibilityLayer={false}
              data={data}
              layout="vertical"
              margin={{ left: 8, right: 16, top: 8, bottom: 8 }}
            >
              <CartesianGrid strokeDasharray="3 3" horizontal={false} />
              <XAxis type="number" domain={[1, 4]} ticks={[1, 2, 3, 4]} allowDataOverflow />
              <YAxis type="category" dataKey="name" width={150} tick={{ fontSize: 12 }} />
              <ReferenceLine x={bar} stroke="#1b1e2b" strokeDasharray="4 2" label="bar" />
              <Legend />
              {loaded.map((e, i) => (
                <Bar
                  key={e.application.id}
                  dataKey={`c${i}`}
                  name={e.application.candidate.name}
                  fill={COLOURS[i % COLOURS.length]}
                  isAnimationActive={false}
                  barSize={10}
                >
                  <ErrorBar dataKey={`c${i}band`} direction="x" width={4} stroke="#1b1e2b" />
                </Bar>
              ))}
            </BarChart>
          </ResponsiveContainer>
          <figcaption className="muted small">
            Each bar is a competency&apos;s estimate on the 1–4 scale; the whiskers are its 80%
            band; the dashed line is the role&apos;s bar.
          </figcaption>
        </figure>
        <ScrollRegion label="Competency estimates" className="scroll-contained">
          <table className="compare-table">
            <caption>Competency estimates (80% band)</caption>
            <thead>
              <tr>
                <th scope="col">Competency</th>
                {loaded.map((e) => (
                  <th scope="col" key={e.application.id}>
                    {e.application.candidate.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">Composite</th>
                {loaded.map((e) => (
                  <td key={e.application.id}>{describeComposite(e.summary.composite)}</td>
                ))}
              </tr>
              {competencies.map((c) => (
                <tr key={c.id}>
                  <th scope="row">
                    {c.name} <span className="muted small">({c.weight}%)</span>
                  </th>
                  {loaded.map((e) => {
                    const est = estimateOf(e, c.id);
                    return (
                      <td key={e.application.id} className="number">
                        {est?.estimate == null || est.sd == null
                          ? "no evidence"
                          : `${formatScore(est.estimate)} (${formatScore(est.estimate - Z80 * est.sd)}–${formatScore(est.estimate + Z80 * est.sd)})`}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </div>
      <div className="compare-quotes">
        {loaded.map((e, i) => {
          const { strengths, concerns } = strengthsAndConcerns(e, bar);
          return (
            <section
              key={e.application.id}
              className="compare-candidate"
              aria-labelledby={`compare-${e.application.id}`}
              style={{ borderTopColor: COLOURS[i % COLOURS.length] }}
            >
              <h3 id={`compare-${e.application.id}`}>{e.application.candidate.name}</h3>
              <h4>Strengths</h4>
              <QuoteList quotes={strengths} empty="No takeaway above the bar." />
              <h4>Concerns</h4>
              <QuoteList quotes={concerns} empty="No takeaway below the bar." />
            </section>
          );
        })}
      </div>
    </div>
  );
}

function QuoteList({ quotes, empty }: { quotes: TQuote[]; empty: string }) {
  if (quotes.length === 0) return <p className="muted small">{empty}</p>;
  return (
    <ul className="quote-list">
      {quotes.map((q, i) => (
        <li key={i}>
          <span className="small muted">
            {q.competency} — {q.rater}:
          </span>{" "}
          <q>{q.text}</q>
        </li>
      ))}
    </ul>
  );
}
