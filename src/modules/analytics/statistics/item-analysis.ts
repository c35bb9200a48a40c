/** Classical item analysis for interview questions rated 1-4. */

export function pearson(xs: ReadonlyArray<number>, ys: ReadonlyArray<number>): number | null {
  const n = Math.min(xs.length, ys.length);
  if (n < 2) return null;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += xs[i] ?? 0;
    my += ys[i] ?? 0;
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (xs[i] ?? 0) - mx;
    const dy = (ys[i] ?? 0) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return null;
  return sxy / Math.sqrt(sxx * syy);
}

/** Difficulty on a 1-4 scale mapped to 0-1: 0 everyone got 1, 1 everyone got 4. */
export const difficultyOf = (mean: number) => (mean - 1) / 3;

/** Corrected item-total (item-rest) correlation of each column of a complete candidates × items matrix. */
export function itemRestCorrelations(
  matrix: ReadonlyArray<ReadonlyArray<number>>,
): (number | null)[] {
  const items = matrix[0]?.length ?? 0;
  return Array.from({ length: items }, (_, j) =>
    pearson(
      matrix.map((row) => row[j] ?? 0),
      matrix.map((row) => row.reduce((s, x, i) => (i === j ? s : s + x), 0)),
    ),
  );
}

function variance(xs: ReadonlyArray<number>): number {
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  return xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (xs.length - 1);
}

/** Cronbach's alpha of a complete candidates × items matrix. */
export function cronbachAlpha(matrix: ReadonlyArray<ReadonlyArray<number>>): number | null {
  const k = matrix[0]?.length ?? 0;
  if (k < 2 || matrix.length < 2) return null;
  const itemVariances = Array.from({ length: k }, (_, j) => variance(matrix.map((r) => r[j] ?? 0)));
  const total = variance(matrix.map((r) => r.reduce((s, x) => s + x, 0)));
  if (total === 0) return null;
  return (k / (k - 1)) * (1 - itemVariances.reduce((s, v) => s + v, 0) / total);
}

/** Flag threshold: a question that does not separate stronger from weaker candidates. */
export const WEAK_DISCRIMINATION = 0.2;
export const MIN_ASKED_FOR_FLAG = 10;
export function isWeakQuestion(discrimination: number | null, asked: number): boolean {
  return (
    discrimination !== null && asked >= MIN_ASKED_FOR_FLAG && discrimination < WEAK_DISCRIMINATION
  );
}
