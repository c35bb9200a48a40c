import type { TComposite, TFlag, TShortlist } from "./queries";

export const formatScore = (n: number | null | undefined) => (n == null ? "—" : n.toFixed(2));
export const formatPercent = (share: number) => `${Math.round(share * 100)}%`;

/** "3.12 (2.80–3.44)" — the estimate and its 80% band, as people read it aloud. */
export function describeComposite(c: TComposite | null): string {
  if (!c) return "No evidence yet";
  return `${c.estimate.toFixed(2)} (80% band ${c.low80.toFixed(2)}–${c.high80.toFixed(2)})`;
}

export const FLAG_LABELS: Record<TFlag["kind"], string> = {
  "missing-evidence": "Missing evidence",
  "single-source": "One source",
  integrity: "Integrity",
  similarity: "Similar submission",
  "stage-skipped": "Stage skipped",
  "rater-disagreement": "Raters disagree",
};

export const SCREEN_LABELS = { pass: "Pass", hold: "Hold", reject: "Reject" } as const;

/** Where τ² and σ² came from, in a sentence for the page. */
export function describeVariances(v: TShortlist["variances"]): string {
  const numbers = `τ² = ${v.tau2.toFixed(2)}, σ² = ${v.sigma2.toFixed(2)}, role mean μ = ${v.mu.toFixed(2)}`;
  switch (v.source) {
    case "role":
      return `Estimated from this role's own evidence (${numbers}).`;
    case "organisation":
      return `This role has too little evidence yet, so they come from the whole organisation (${numbers}).`;
    case "default":
      return `Too little evidence anywhere yet, so they are the documented defaults (${numbers}).`;
  }
}
