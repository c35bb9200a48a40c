import { seededRandom } from "../../../shared/seeded-random.js";
/**
 * Krippendorff's alpha after Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability":
 * a coincidence matrix over pairable values (units with at least two values), then
 * alpha = 1 - (n - 1) * sum(o_ck * d2_ck) / sum(n_c * n_k * d2_ck). Our own code because the
 * reliability report is the product; the tests pin the paper's worked example.
 */
export type TAlphaMetric = "nominal" | "ordinal" | "interval";

/** One unit's values as counts per value: e.g. [{ value: 3, count: 2 }, { value: 4, count: 1 }]. */
export type TUnitCounts = ReadonlyArray<{ value: number; count: number }>;

export type TCoincidences = {
  values: number[];
  /** o[c][k], indexed like `values`. */
  o: number[][];
  /** n_c per value. */
  marginals: number[];
  /** Number of pairable values. */
  n: number;
};

export function coincidences(units: ReadonlyArray<TUnitCounts>, weights?: number[]): TCoincidences {
  const valueSet = new Set<number>();
  for (const unit of units) for (const { value, count } of unit) if (count > 0) valueSet.add(value);
  const values = [...valueSet].sort((a, b) => a - b);
  const index = new Map(values.map((v, i) => [v, i]));
  const o = values.map(() => values.map(() => 0));
  units.forEach((unit, u) => {
    const weight = weights?.[u] ?? 1;
    if (weight === 0) return;
    const m = unit.reduce((sum, { count }) => sum + count, 0);
    // A unit with one value has nothing to be compared with: it is not pairable.
    if (m < 2) return;
    for (const a of unit)
      for (const b of unit) {
        const pairs = a.value === b.value ? a.count * (a.count - 1) : a.count * b.count;
        const row = o[index.get(a.value) ?? 0];
        const col = index.get(b.value) ?? 0;
        if (row) row[col] = (row[col] ?? 0) + (weight * pairs) / (m - 1);
      }
  });
  const marginals = o.map((row) => row.reduce((s, x) => s + x, 0));
  return { values, o, marginals, n: marginals.reduce((s, x) => s + x, 0) };
}

/**
 * The coincidence table of fixed units as a function of their weights, for the bootstrap: the
 * values and each unit's pair counts are worked out once, and a resample only re-weights them,
 * with the same additions in the same order as `coincidences`, so the same table to the bit.
 */
export function weightedCoincidences(units: ReadonlyArray<TUnitCounts>) {
  const { values } = coincidences(
    units,
    units.map(() => 0),
  );
  const width = values.length;
  const index = new Map(values.map((v, i) => [v, i]));
  const cell: number[] = [];
  const pairs: number[] = [];
  const scale: number[] = [];
  const ends: number[] = [];
  for (const unit of units) {
    const m = unit.reduce((sum, { count }) => sum + count, 0);
    if (m >= 2)
      for (const a of unit)
        for (const b of unit) {
          cell.push((index.get(a.value) ?? 0) * width + (index.get(b.value) ?? 0));
          pairs.push(a.value === b.value ? a.count * (a.count - 1) : a.count * b.count);
          scale.push(m - 1);
        }
    ends.push(cell.length);
  }
  const flat = new Float64Array(width * width);
  return (weights: ReadonlyArray<number>): TCoincidences => {
    flat.fill(0);
    let start = 0;
    for (let u = 0; u < ends.length; u++) {
      const end = ends[u] ?? start;
      const weight = weights[u] ?? 1;
      if (weight !== 0)
        for (let j = start; j < end; j++) {
          const at = cell[j] ?? 0;
          flat[at] = (flat[at] ?? 0) + (weight * (pairs[j] ?? 0)) / (scale[j] ?? 1);
        }
      start = end;
    }
    const o = values.map((_, r) => Array.from(flat.subarray(r * width, (r + 1) * width)));
    const marginals = o.map((row) => row.reduce((sum, x) => sum + x, 0));
    return { values, o, marginals, n: marginals.reduce((sum, x) => sum + x, 0) };
  };
}

function distance(metric: TAlphaMetric, c: number, k: number, table: TCoincidences): number {
  if (c === k) return 0;
  const { values, marginals } = table;
  if (metric === "nominal") return 1;
  if (metric === "interval") return ((values[c] ?? 0) - (values[k] ?? 0)) ** 2;
  const [low, high] = c < k ? [c, k] : [k, c];
  let between = 0;
  for (let g = low; g <= high; g++) between += marginals[g] ?? 0;
  return (between - ((marginals[c] ?? 0) + (marginals[k] ?? 0)) / 2) ** 2;
}

/** Alpha of a coincidence table; null when there is nothing to compare or no variation at all. */
export function alphaOf(table: TCoincidences, metric: TAlphaMetric): number | null {
  const { o, marginals, n } = table;
  if (n < 2) return null;
  let observed = 0;
  let expected = 0;
  for (let c = 0; c < o.length; c++)
    for (let k = 0; k < o.length; k++) {
      const d2 = distance(metric, c, k, table);
      observed += (o[c]?.[k] ?? 0) * d2;
      expected += (marginals[c] ?? 0) * (marginals[k] ?? 0) * d2;
    }
  // Every pairable value is the same: raters agree perfectly, though there was nothing to vary.
  if (expected === 0) return observed === 0 ? 1 : null;
  return 1 - ((n - 1) * observed) / expected;
}

export function krippendorffAlpha(units: ReadonlyArray<TUnitCounts>, metric: TAlphaMetric) {
  return alphaOf(coincidences(units), metric);
}

/** Builds unit counts from a coders × units table with null for a missing value. */
export function unitsFromReliabilityData(rows: ReadonlyArray<ReadonlyArray<number | null>>) {
  const width = Math.max(0, ...rows.map((r) => r.length));
  const units: TUnitCounts[] = [];
  for (let u = 0; u < width; u++) {
    const counts = new Map<number, number>();
    for (const row of rows) {
      const v = row[u];
      if (v !== null && v !== undefined) counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    units.push([...counts].map(([value, count]) => ({ value, count })));
  }
  return units;
}

export const BOOTSTRAP_RESAMPLES = 1000;

/**
 * 95% bootstrap interval. Hayes & Krippendorff (2007) resample so that alpha's sampling
 * distribution reflects the pairable values; we resample whole units with replacement (each unit
 * keeps its raters together), which respects the same dependence and is simpler to verify. Units
 * arrive grouped by their pattern of values with a multiplicity, so a resample is a multinomial
 * draw of weights, and a thousand resamples of thousands of units take milliseconds.
 */
export function bootstrapAlpha(
  patterns: ReadonlyArray<{ unit: TUnitCounts; units: number }>,
  metric: TAlphaMetric,
  options: { resamples?: number; seed?: number } = {},
): { low: number; high: number } | null {
  const pairable = patterns.filter((p) => p.unit.reduce((s, v) => s + v.count, 0) >= 2);
  const total = pairable.reduce((s, p) => s + p.units, 0);
  if (total < 2) return null;
  const random = seededRandom(options.seed ?? 2007);
  const resamples = options.resamples ?? BOOTSTRAP_RESAMPLES;
  const table = weightedCoincidences(pairable.map((p) => p.unit));
  const draw =
    total <= EXACT_RESAMPLE_LIMIT
      ? multinomialDraw(pairable, total, random)
      : () => pairable.map((p) => poisson(p.units, random));
  const estimates: number[] = [];
  for (let r = 0; r < resamples; r++) {
    const weights = draw();
    const alpha = alphaOf(table(weights), metric);
    if (alpha !== null) estimates.push(alpha);
  }
  if (estimates.length === 0) return null;
  estimates.sort((a, b) => a - b);
  return { low: quantile(estimates, 0.025), high: quantile(estimates, 0.975) };
}

/**
 * Up to this many units a resample draws each unit (exact multinomial); above it each pattern's
 * weight is Poisson(its multiplicity), the Poisson bootstrap (Hanley & MacGibbon 2006), which
 * matches the multinomial closely for large samples and costs one draw per pattern instead of one
 * per unit: 1,000 resamples of 60,000 units then take milliseconds, not seconds.
 */
export const EXACT_RESAMPLE_LIMIT = 2000;

function multinomialDraw(
  pairable: ReadonlyArray<{ units: number }>,
  total: number,
  random: () => number,
) {
  const cumulative: number[] = [];
  let running = 0;
  for (const p of pairable) cumulative.push((running += p.units));
  return () => {
    const weights = pairable.map(() => 0);
    for (let i = 0; i < total; i++) {
      const target = random() * total;
      let lo = 0;
      let hi = cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((cumulative[mid] ?? 0) > target) hi = mid;
        else lo = mid + 1;
      }
      weights[lo] = (weights[lo] ?? 0) + 1;
    }
    return weights;
  };
}

/** Poisson(mean): Knuth's product of uniforms when small, the normal approximation when large. */
export function poisson(mean: number, random: () => number): number {
  if (mean <= 0) return 0;
  if (mean < 30) {
    const limit = Math.exp(-mean);
    let k = 0;
    let product = random();
    while (product > limit) {
      k += 1;
      product *= random();
    }
    return k;
  }
  // Box-Muller; 1 - u keeps the logarithm finite.
  const z = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  return Math.max(0, Math.round(mean + Math.sqrt(mean) * z));
}

/** Linear-interpolated quantile of sorted values (type 7, as R and numpy default). */
export function quantile(sorted: ReadonlyArray<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const a = sorted[lo] ?? 0;
  const b = sorted[Math.min(lo + 1, sorted.length - 1)] ?? a;
  return a + (h - lo) * (b - a);
}

export type TReliabilityBand = "reliable" | "tentative" | "unreliable";
/** Krippendorff's guide: >= 0.80 rely on it, 0.667-0.80 tentative conclusions only, below: do not rely. */
export function reliabilityBand(alpha: number): TReliabilityBand {
  if (alpha >= 0.8) return "reliable";
  if (alpha >= 0.667) return "tentative";
  return "unreliable";
}
