import { describe, expect, it } from "vitest";
import { adverseImpact } from "./adverse-impact.js";
import { fisherExactTwoSided } from "./fisher-exact.js";
import {
  cronbachAlpha,
  difficultyOf,
  isWeakQuestion,
  itemRestCorrelations,
} from "./item-analysis.js";
import {
  bootstrapAlpha,
  coincidences,
  EXACT_RESAMPLE_LIMIT,
  krippendorffAlpha,
  poisson,
  reliabilityBand,
  unitsFromReliabilityData,
  weightedCoincidences,
} from "./krippendorff-alpha.js";
import { seededRandom } from "../../../shared/seeded-random.js";
import { leniencyFromSums, leniencySums, LENIENCY_LAMBDA } from "./leniency.js";

const _ = null;
// Krippendorff (2011), section C: 4 observers × 12 units, values 1-5, blanks missing.
const PAPER = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
  [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
];

describe("Krippendorff's alpha", () => {
  const units = unitsFromReliabilityData(PAPER);
  it("reproduces the paper's nominal, ordinal and interval values", () => {
    expect(krippendorffAlpha(units, "nominal")).toBeCloseTo(0.743, 3);
    expect(krippendorffAlpha(units, "ordinal")).toBeCloseTo(0.815, 3);
    expect(krippendorffAlpha(units, "interval")).toBeCloseTo(0.849, 3);
  });
  it("ignores units with a single value (unit 12 holds one)", () => {
    const withoutLast = unitsFromReliabilityData(PAPER.map((row) => row.slice(0, 11)));
    expect(krippendorffAlpha(withoutLast, "ordinal")).toBeCloseTo(
      krippendorffAlpha(units, "ordinal") ?? 0,
      12,
    );
    const moreSingles = [...units, [{ value: 1, count: 1 }], [{ value: 5, count: 1 }]];
    expect(krippendorffAlpha(moreSingles, "interval")).toBeCloseTo(0.849, 3);
  });
  it("is 1 when every rater agrees on every unit", () => {
    const agree = unitsFromReliabilityData([
      [1, 2, 3, 4],
      [1, 2, 3, 4],
      [1, 2, 3, _],
    ]);
    for (const metric of ["nominal", "ordinal", "interval"] as const)
      expect(krippendorffAlpha(agree, metric)).toBe(1);
  });
  it("has no value without a pairable unit", () => {
    expect(krippendorffAlpha([[{ value: 2, count: 1 }]], "ordinal")).toBeNull();
  });
  it("re-weights the bootstrap's table to exactly the table built with those weights", () => {
    const table = weightedCoincidences(units);
    const random = seededRandom(5);
    for (let r = 0; r < 20; r++) {
      const weights = units.map(() => Math.floor(random() * 4));
      expect(table(weights)).toEqual(coincidences(units, weights));
    }
  });
  it("gives a deterministic bootstrap interval around the estimate", () => {
    const patterns = units.map((unit) => ({ unit, units: 1 }));
    const interval = bootstrapAlpha(patterns, "ordinal", { resamples: 1000 });
    expect(interval).not.toBeNull();
    expect(interval?.low ?? 1).toBeLessThan(0.815);
    expect(interval?.high ?? 0).toBeGreaterThan(0.815);
    expect(interval?.high ?? 2).toBeLessThanOrEqual(1);
    expect(bootstrapAlpha(patterns, "ordinal", { resamples: 1000 })).toEqual(interval);
  });
  describe("the Poisson bootstrap for many units", () => {
    // The paper's 11 pairable units, each repeated: alpha stays 0.815 while the sample grows.
    const pairable = units.filter((u) => u.reduce((s, v) => s + v.count, 0) >= 2);
    const repeated = (times: number) => pairable.map((unit) => ({ unit, units: times }));
    const width = (i: { low: number; high: number } | null) => (i ? i.high - i.low : NaN);
    // 11 × 181 = 1,991 units draws exactly (multinomial); 11 × 182 = 2,002 takes the Poisson path.
    const exact = bootstrapAlpha(repeated(181), "ordinal");
    const poissonPath = bootstrapAlpha(repeated(182), "ordinal");
    it("takes the Poisson path just above the exact limit", () => {
      expect(11 * 181).toBeLessThanOrEqual(EXACT_RESAMPLE_LIMIT);
      expect(11 * 182).toBeGreaterThan(EXACT_RESAMPLE_LIMIT);
    });
    it("contains the point estimate and is deterministic for a seed", () => {
      expect(poissonPath?.low ?? 1).toBeLessThan(0.815);
      expect(poissonPath?.high ?? 0).toBeGreaterThan(0.815);
      expect(bootstrapAlpha(repeated(182), "ordinal")).toEqual(poissonPath);
      const otherSeed = bootstrapAlpha(repeated(182), "ordinal", { seed: 11 });
      expect(otherSeed).not.toEqual(poissonPath);
      expect(width(otherSeed)).toBeCloseTo(width(poissonPath), 2);
    });
    it("agrees with the exact multinomial draw on (almost) the same data", () => {
      // Resampling weights that were ignored or wrong would give a zero or a far-off width.
      expect(width(exact)).toBeGreaterThan(0.02);
      expect(Math.abs(width(poissonPath) / width(exact) - 1)).toBeLessThan(0.1);
      expect(poissonPath?.low ?? 0).toBeCloseTo(exact?.low ?? 1, 2);
      expect(poissonPath?.high ?? 0).toBeCloseTo(exact?.high ?? 1, 2);
    });
    it("narrows like one over the square root of the units", () => {
      const ratio = width(bootstrapAlpha(repeated(800), "ordinal")) / width(poissonPath);
      // sqrt(182 / 800) = 0.477
      expect(ratio).toBeGreaterThan(0.4);
      expect(ratio).toBeLessThan(0.56);
    });
    it("draws Poisson counts with the right mean and variance on both branches", () => {
      for (const mean of [4, 250]) {
        const random = seededRandom(3);
        const draws = Array.from({ length: 20000 }, () => poisson(mean, random));
        const m = draws.reduce((s, x) => s + x, 0) / draws.length;
        const v = draws.reduce((s, x) => s + (x - m) ** 2, 0) / (draws.length - 1);
        expect(Math.abs(m / mean - 1)).toBeLessThan(0.02);
        expect(Math.abs(v / mean - 1)).toBeLessThan(0.05);
      }
    });
  });
  it("bands values by the literature's guide", () => {
    expect(reliabilityBand(0.85)).toBe("reliable");
    expect(reliabilityBand(0.7)).toBe("tentative");
    expect(reliabilityBand(0.5)).toBe("unreliable");
  });
});

describe("question item analysis", () => {
  const ROWS = [
    [4, 3, 4, 2],
    [3, 3, 3, 1],
    [2, 2, 1, 3],
    [1, 2, 1, 2],
    [4, 4, 3, 3],
    [2, 1, 2, 4],
  ];
  it("gives the item-rest correlations and Cronbach's alpha of the test vector", () => {
    const r = itemRestCorrelations(ROWS);
    expect(r[0]).toBeCloseTo(0.946, 3);
    expect(r[1]).toBeCloseTo(0.529, 3);
    expect(r[2]).toBeCloseTo(0.693, 3);
    expect(r[3]).toBeCloseTo(-0.327, 3);
    expect(cronbachAlpha(ROWS)).toBeCloseTo(0.589, 3);
  });
  it("maps difficulty to 0-1 and flags weak questions only with enough data", () => {
    expect(difficultyOf(1)).toBe(0);
    expect(difficultyOf(4)).toBe(1);
    expect(isWeakQuestion(-0.327, 10)).toBe(true);
    expect(isWeakQuestion(-0.327, 9)).toBe(false);
    expect(isWeakQuestion(0.529, 50)).toBe(false);
  });
});

describe("Fisher's exact test", () => {
  it("matches published two-sided p-values", () => {
    // Fisher's tea-tasting table: p = 0.4857 (R: fisher.test(matrix(c(3,1,1,3),2))).
    expect(fisherExactTwoSided(3, 1, 1, 3)).toBeCloseTo(0.485714, 5);
    // R: fisher.test(matrix(c(1,11,9,3),2))$p.value = 0.002759
    expect(fisherExactTwoSided(1, 9, 11, 3)).toBeCloseTo(0.002759, 5);
    expect(fisherExactTwoSided(5, 5, 5, 5)).toBeCloseTo(1, 10);
  });
});

describe("adverse impact", () => {
  it("rates against the highest group, hides groups under 5 and does not rate groups under 2%", () => {
    const out = adverseImpact([
      { group: "A", size: 200, selected: 60 },
      { group: "B", size: 150, selected: 30 },
      { group: "C", size: 6, selected: 1 },
      { group: "D", size: 4, selected: 4 },
    ]);
    expect(out.map((g) => g.group)).toEqual(["A", "B", "C"]);
    const [a, b, c] = out;
    expect(a?.isReference).toBe(true);
    expect(b?.impactRatio).toBeCloseTo(0.2 / 0.3, 10);
    expect(b?.belowFourFifths).toBe(true);
    expect(b?.fisherP).toBeGreaterThan(0);
    expect(b?.fisherP).toBeLessThan(0.05);
    expect(c?.rated).toBe(false);
    expect(c?.impactRatio).toBeNull();
  });
});

describe("leniency", () => {
  it("is the mean difference with a candidate-clustered interval and shrinkage", () => {
    const comparisons = Array.from({ length: 12 }, (_, i) => ({
      candidate: `c${i % 6}`,
      d: i % 3 === 0 ? 0.5 : 1,
    }));
    const result = leniencyFromSums(leniencySums(comparisons));
    expect(result.n).toBe(12);
    expect(result.candidates).toBe(6);
    expect(result.mean).toBeCloseTo(10 / 12, 10);
    expect(result.shrunk).toBeCloseTo(((10 / 12) * 12) / (12 + LENIENCY_LAMBDA), 10);
    expect(result.low ?? 0).toBeGreaterThan(0);
    expect(result.flagged).toBe(true);
  });
  it("does not flag with fewer than 10 comparisons or an interval across 0", () => {
    const few = leniencyFromSums(
      leniencySums(Array.from({ length: 8 }, (_, i) => ({ candidate: `c${i}`, d: 1 }))),
    );
    expect(few.flagged).toBe(false);
    const mixed = leniencyFromSums(
      leniencySums(
        Array.from({ length: 20 }, (_, i) => ({ candidate: `c${i}`, d: i % 2 ? 1 : -1 })),
      ),
    );
    expect(mixed.flagged).toBe(false);
    expect(mixed.low ?? 0).toBeLessThan(0);
  });
});
