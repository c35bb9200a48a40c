/**
 * The shortlist's statistics, pure: empirical-Bayes shrinkage of each competency's evidence toward
 * the role's mean, the variance components estimated from the role's data (else the organisation's,
 * else documented defaults), the weighted composite, and P(above the bar). Written here rather than
 * taken from a library because this is the product; tested against exact vectors.
 */

/** Used until a role (then the organisation) has enough evidence to estimate its own. */
export const DEFAULT_VARIANCES = { tau2: 0.3, sigma2: 0.5 } as const;
/** Candidates with evidence (and with 2+ sources, for σ²) needed before data replaces defaults. */
export const MIN_CANDIDATES_FOR_ESTIMATE = 5;
/** z for a two-sided 80% interval. */
export const Z80 = 1.2815515655446004;

/**
 * Standard normal CDF, Hart's double-precision rational approximation (as published by West,
 * "Better approximations to cumulative normal functions", 2005): absolute error below 1e-14.
 */
export function normalCdf(x: number): number {
  const z = Math.abs(x);
  let tail: number;
  if (z > 37) tail = 0;
  else {
    const e = Math.exp((-z * z) / 2);
    if (z < 7.07106781186547) {
      let n = 3.52624965998911e-2 * z + 0.700383064443688;
      n = n * z + 6.37396220353165;
      n = n * z + 33.912866078383;
      n = n * z + 112.079291497871;
      n = n * z + 221.213596169931;
      n = n * z + 220.206867912376;
      let d = 8.83883476483184e-2 * z + 1.75566716318264;
      d = d * z + 16.064177579207;
      d = d * z + 86.7807322029461;
      d = d * z + 296.564248779674;
      d = d * z + 637.333633378831;
      d = d * z + 793.826512519948;
      d = d * z + 440.413735824752;
      tail = (e * n) / d;
    } else {
      let b = z + 0.65;
      b = z + 4 / b;
      b = z + 3 / b;
      b = z + 2 / b;
      b = z + 1 / b;
      tail = e / b / 2.506628274631;
    }
  }
  return x > 0 ? 1 - tail : tail;
}

export type TVariances = { mu: number; tau2: number; sigma2: number };

/** One competency's posterior: ρ = τ²/(τ²+σ²/n), θ̂ = μ + ρ(x̄−μ), sd = √(ρσ²/n). */
export function shrinkEstimate(mean: number, n: number, v: TVariances) {
  const noise = v.sigma2 / n;
  const rho = v.tau2 + noise === 0 ? 0 : v.tau2 / (v.tau2 + noise);
  return { theta: v.mu + rho * (mean - v.mu), sd: Math.sqrt(rho * noise), rho };
}

/** P(θ > bar) and the 80% interval; a zero sd (τ² = 0) is a certain answer either way. */
export function againstBar(theta: number, sd: number, bar: number) {
  const pAbove = sd === 0 ? (theta > bar ? 1 : 0) : normalCdf((theta - bar) / sd);
  return { pAbove, low80: theta - Z80 * sd, high80: theta + Z80 * sd };
}

/** 1–4 scale from an assessment's 0–100 score. */
export const assessmentToScale = (score: number) => 1 + (3 * score) / 100;

/** One candidate's evidence on one competency: source count, mean, sum of squared deviations. */
export type TEvidenceCell = { n: number; mean: number; sumSquares: number };

export type TVarianceSource = "role" | "organisation" | "default";

/**
 * σ² pooled within candidates (Σ sum of squares / Σ (n−1) over cells with 2+ sources);
 * τ² = max(0, variance of the cells' means − mean of σ²/n); μ the mean of the cells' means.
 * Returns null when there are too few cells for either, so the caller falls back.
 */
export function estimateVariances(cells: readonly TEvidenceCell[]): TVariances | null {
  const withSpread = cells.filter((c) => c.n >= 2);
  if (cells.length < MIN_CANDIDATES_FOR_ESTIMATE || withSpread.length < MIN_CANDIDATES_FOR_ESTIMATE)
    return null;
  const dof = withSpread.reduce((s, c) => s + c.n - 1, 0);
  const sigma2 = withSpread.reduce((s, c) => s + c.sumSquares, 0) / dof;
  const mu = cells.reduce((s, c) => s + c.mean, 0) / cells.length;
  const varMeans = cells.reduce((s, c) => s + (c.mean - mu) ** 2, 0) / (cells.length - 1);
  const meanNoise = cells.reduce((s, c) => s + sigma2 / c.n, 0) / cells.length;
  return { mu, sigma2, tau2: Math.max(0, varMeans - meanNoise) };
}

/** Role data first, then the organisation's, then the documented defaults around the role's mean. */
export function chooseVariances(
  role: readonly TEvidenceCell[],
  organisation: () => readonly TEvidenceCell[],
  fallbackMu: number,
): TVariances & { source: TVarianceSource } {
  const fromRole = estimateVariances(role);
  if (fromRole) return { ...fromRole, source: "role" };
  const fromOrg = estimateVariances(organisation());
  const mu = role.length ? role.reduce((s, c) => s + c.mean, 0) / role.length : fallbackMu;
  if (fromOrg) return { ...fromOrg, mu, source: "organisation" };
  return { ...DEFAULT_VARIANCES, mu, source: "default" };
}

/**
 * The role's weights over the competencies with evidence, renormalised; sd assumes independence
 * across competencies. Coverage is the share of the total weight that had evidence.
 */
export function combineCompetencies(
  estimates: readonly { weight: number; theta: number; sd: number }[],
  totalWeight: number,
) {
  const counted = estimates.filter((e) => e.weight > 0);
  const weight = counted.reduce((s, e) => s + e.weight, 0);
  if (weight === 0) return null;
  const theta = counted.reduce((s, e) => s + e.weight * e.theta, 0) / weight;
  const sd = Math.sqrt(counted.reduce((s, e) => s + (e.weight * e.sd) ** 2, 0)) / weight;
  return { theta, sd, coverage: totalWeight > 0 ? weight / totalWeight : 0 };
}
