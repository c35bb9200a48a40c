/**
 * Interviewer leniency: d = (their rating - the other raters' mean for the same candidate and
 * competency). The mean of d with a 95% interval clustered by candidate (ratings of one candidate
 * are not independent), and a shrunk estimate d * n / (n + LAMBDA) for adjusting ratings.
 */

/** Shrinkage constant: at n = LAMBDA comparisons half the raw difference is kept. */
export const LENIENCY_LAMBDA = 10;
export const MIN_COMPARISONS_FOR_FLAG = 10;
const Z_95 = 1.959964;

/** Per interviewer sums, aggregated in SQL over candidate clusters g with n_g comparisons summing to s_g. */
export type TLeniencySums = {
  /** Comparisons (rating vs others' mean). */
  n: number;
  /** Candidates (clusters). */
  clusters: number;
  sumD: number;
  /** Σ s_g², Σ n_g·s_g, Σ n_g². */
  sumClusterSquares: number;
  sumClusterCross: number;
  sumClusterSizeSquares: number;
};

export type TLeniency = {
  n: number;
  candidates: number;
  mean: number;
  low: number | null;
  high: number | null;
  shrunk: number;
  flagged: boolean;
};

/**
 * Cluster-robust (CR1) standard error of a mean: Σ_g (s_g − n_g·d̄)² expands to the three sums,
 * so the database returns only six numbers per interviewer, never the ratings themselves.
 */
export function leniencyFromSums(sums: TLeniencySums): TLeniency {
  const { n, clusters } = sums;
  const mean = n > 0 ? sums.sumD / n : 0;
  let low: number | null = null;
  let high: number | null = null;
  if (clusters >= 2) {
    const residual = Math.max(
      0,
      sums.sumClusterSquares -
        2 * mean * sums.sumClusterCross +
        mean * mean * sums.sumClusterSizeSquares,
    );
    const se = Math.sqrt((clusters / (clusters - 1)) * residual) / n;
    low = mean - Z_95 * se;
    high = mean + Z_95 * se;
  }
  const excludesZero = low !== null && high !== null && (low > 0 || high < 0);
  return {
    n,
    candidates: clusters,
    mean,
    low,
    high,
    shrunk: (mean * n) / (n + LENIENCY_LAMBDA),
    flagged: excludesZero && n >= MIN_COMPARISONS_FOR_FLAG,
  };
}

/** The same sums from raw comparisons (candidate id, d), used by tests and small inputs. */
export function leniencySums(
  comparisons: ReadonlyArray<{ candidate: string; d: number }>,
): TLeniencySums {
  const byCluster = new Map<string, { n: number; s: number }>();
  for (const { candidate, d } of comparisons) {
    const g = byCluster.get(candidate) ?? { n: 0, s: 0 };
    g.n += 1;
    g.s += d;
    byCluster.set(candidate, g);
  }
  const groups = [...byCluster.values()];
  return {
    n: comparisons.length,
    clusters: groups.length,
    sumD: groups.reduce((t, g) => t + g.s, 0),
    sumClusterSquares: groups.reduce((t, g) => t + g.s * g.s, 0),
    sumClusterCross: groups.reduce((t, g) => t + g.n * g.s, 0),
    sumClusterSizeSquares: groups.reduce((t, g) => t + g.n * g.n, 0),
  };
}
