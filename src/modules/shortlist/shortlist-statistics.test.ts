import { describe, expect, it } from "vitest";
import {
  againstBar,
  assessmentToScale,
  chooseVariances,
  combineCompetencies,
  estimateVariances,
  normalCdf,
  shrinkEstimate,
} from "./shortlist-statistics.js";

describe("normalCdf", () => {
  it.each([
    [0, 0.5],
    [1, 0.8413447460685429],
    [-1.96, 0.024997895148220435],
    [3, 0.9986501019683699],
    [-5, 2.866515718791939e-7],
    [-8, 6.22096057427178e-16],
  ])("Φ(%f) = %f", (x, p) => {
    expect(Math.abs(normalCdf(x) - p)).toBeLessThan(1e-14 + p * 1e-12);
  });
});

describe("empirical-Bayes shrinkage, the issue's vectors (μ 2.6, τ² 0.30, σ² 0.50, bar 3)", () => {
  const v = { mu: 2.6, tau2: 0.3, sigma2: 0.5 };
  it.each([
    [3.5, 2, 3.0909, 0.3693, 0.597],
    [3.5, 8, 3.3448, 0.2274, 0.935],
    [2.0, 3, 2.2143, 0.3273, 0.008],
  ])("x̄ %f, n %i → θ̂ %f, sd %f, P %f", (mean, n, theta, sd, p) => {
    const estimate = shrinkEstimate(mean, n, v);
    expect(estimate.theta).toBeCloseTo(theta, 4);
    expect(estimate.sd).toBeCloseTo(sd, 4);
    expect(againstBar(estimate.theta, estimate.sd, 3).pAbove).toBeCloseTo(p, 3);
  });

  it("draws the 80% interval symmetrically around θ̂", () => {
    const { low80, high80 } = againstBar(3, 0.5, 3);
    expect(high80 - 3).toBeCloseTo(0.6408, 4);
    expect(3 - low80).toBeCloseTo(0.6408, 4);
  });
});

describe("variance estimation", () => {
  it("pools σ² within candidates and takes τ² as the excess spread of the means", () => {
    // Two sources each: sum of squares of (a, b) is (a−b)²/2.
    const pairs = [
      [3, 4],
      [2, 2],
      [1, 2],
      [4, 4],
      [3, 2],
    ];
    const cells = pairs.map(([a = 0, b = 0]) => ({
      n: 2,
      mean: (a + b) / 2,
      sumSquares: (a - b) ** 2 / 2,
    }));
    const v = estimateVariances(cells);
    expect(v?.sigma2).toBeCloseTo(1.5 / 5, 10);
    expect(v?.mu).toBeCloseTo(2.7, 10);
    // means 3.5, 2, 1.5, 4, 2.5: sample variance 1.075; mean σ²/n 0.15.
    expect(v?.tau2).toBeCloseTo(1.075 - 0.15, 10);
  });

  it("falls back to the organisation, then the documented defaults, and says which", () => {
    const few = [{ n: 1, mean: 3, sumSquares: 0 }];
    expect(chooseVariances(few, () => [], 2.5)).toEqual({
      mu: 3,
      tau2: 0.3,
      sigma2: 0.5,
      source: "default",
    });
    const org = Array.from({ length: 6 }, (_, i) => ({ n: 2, mean: 1 + i / 2, sumSquares: 0.5 }));
    expect(chooseVariances(few, () => org, 2.5).source).toBe("organisation");
    expect(chooseVariances(org, () => [], 2.5).source).toBe("role");
  });
});

describe("composite", () => {
  it("renormalises weights over evidenced competencies and reports coverage", () => {
    const c = combineCompetencies(
      [
        { weight: 30, theta: 3, sd: 0.3 },
        { weight: 10, theta: 2, sd: 0.4 },
      ],
      100,
    );
    expect(c?.theta).toBeCloseTo(2.75, 10);
    expect(c?.sd).toBeCloseTo(Math.sqrt(81 + 16) / 40, 10);
    expect(c?.coverage).toBeCloseTo(0.4, 10);
    expect(combineCompetencies([], 100)).toBeNull();
  });

  it("maps an assessment score onto 1–4", () => {
    expect(assessmentToScale(0)).toBe(1);
    expect(assessmentToScale(100)).toBe(4);
    expect(assessmentToScale(50)).toBe(2.5);
  });
});
