import { fisherExactTwoSided } from "./fisher-exact.js";

/**
 * Adverse impact by the four-fifths rule (29 CFR 1607.4(D)): a group's selection rate below 80% of
 * the highest group's rate is evidence of adverse impact. Only aggregates leave this function.
 */
export const MIN_GROUP_SHOWN = 5;
export const MIN_SHARE_RATED = 0.02;
export const FOUR_FIFTHS = 0.8;
/** Below this many in either compared group, a ratio moves a lot with one person: say so. */
export const SMALL_SAMPLE = 30;

export type TGroupCount = { group: string; size: number; selected: number };
export type TGroupImpact = TGroupCount & {
  selectionRate: number;
  /** null when the group is under 2% of the sample (shown, not rated) or is the reference. */
  impactRatio: number | null;
  rated: boolean;
  isReference: boolean;
  belowFourFifths: boolean;
  fisherP: number | null;
  smallSample: boolean;
};

export function adverseImpact(groups: ReadonlyArray<TGroupCount>): TGroupImpact[] {
  const total = groups.reduce((s, g) => s + g.size, 0);
  const shown = groups.filter((g) => g.size >= MIN_GROUP_SHOWN);
  const isRated = (g: TGroupCount) => g.size >= MIN_SHARE_RATED * total;
  const rate = (g: TGroupCount) => (g.size > 0 ? g.selected / g.size : 0);
  const reference = shown
    .filter(isRated)
    .reduce<TGroupCount | null>((best, g) => (!best || rate(g) > rate(best) ? g : best), null);
  return shown.map((g) => {
    const rated = isRated(g) && reference !== null;
    const isReference = g === reference;
    const comparable = rated && !isReference && reference !== null && rate(reference) > 0;
    const impactRatio = comparable && reference ? rate(g) / rate(reference) : null;
    return {
      ...g,
      selectionRate: rate(g),
      impactRatio,
      rated,
      isReference,
      belowFourFifths: impactRatio !== null && impactRatio < FOUR_FIFTHS,
      fisherP:
        comparable && reference
          ? fisherExactTwoSided(
              g.selected,
              g.size - g.selected,
              reference.selected,
              reference.size - reference.selected,
            )
          : null,
      smallSample: rated && (g.size < SMALL_SAMPLE || (reference?.size ?? 0) < SMALL_SAMPLE),
    };
  });
}
