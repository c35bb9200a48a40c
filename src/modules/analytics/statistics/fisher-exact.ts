/** Two-sided Fisher exact test of a 2×2 table [[a, b], [c, d]] (rows: groups; columns: selected, not). */

function logFactorials(n: number): Float64Array {
  const table = new Float64Array(n + 1);
  for (let i = 2; i <= n; i++) table[i] = (table[i - 1] ?? 0) + Math.log(i);
  return table;
}

export function fisherExactTwoSided(a: number, b: number, c: number, d: number): number {
  const n = a + b + c + d;
  const row1 = a + b;
  const col1 = a + c;
  const lf = logFactorials(n);
  const logP = (x: number) =>
    (lf[row1] ?? 0) +
    (lf[n - row1] ?? 0) +
    (lf[col1] ?? 0) +
    (lf[n - col1] ?? 0) -
    (lf[n] ?? 0) -
    (lf[x] ?? 0) -
    (lf[row1 - x] ?? 0) -
    (lf[col1 - x] ?? 0) -
    (lf[n - row1 - col1 + x] ?? 0);
  const observed = logP(a);
  let p = 0;
  const low = Math.max(0, row1 + col1 - n);
  const high = Math.min(row1, col1);
  // Tables as likely as or less likely than the observed one, with a tolerance for rounding.
  for (let x = low; x <= high; x++) {
    const lp = logP(x);
    if (lp <= observed + 1e-7) p += Math.exp(lp);
  }
  return Math.min(1, p);
}
