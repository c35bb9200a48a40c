import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gradeSubmission, type TGradeReport } from "../../grade.js";
import { stopClusters } from "../../postgres/cluster.js";
import { ensureRuntime } from "../../runtime.js";
import {
  counterPatching,
  fastWrongOrdering,
  noIndex,
  prefetchButOrderedInMethod,
  referenceOnPostgresFromEnv,
  selectRelatedOnly,
  slowQueryReferenceDir,
  slowQueryStarterDir,
} from "../../../test-support/slow-query-submissions.js";

// Each grading runs the candidate and the reference on the grader's PostgreSQL (about a minute
// here); two at a time, on slots 801 and 802 (this helper's range), each slot its own cluster.
const submissions: Record<string, () => Promise<string>> = {
  reference: () => Promise.resolve(slowQueryReferenceDir),
  referenceOnPostgresFromEnv,
  starter: () => Promise.resolve(slowQueryStarterDir),
  selectRelatedOnly,
  prefetchButOrderedInMethod,
  fastWrongOrdering,
  noIndex,
  counterPatching,
};
const reports = new Map<string, TGradeReport>();

beforeAll(async () => {
  await ensureRuntime();
  const names = Object.keys(submissions);
  const lanes = [801, 802].map(async (slot, lane) => {
    for (let index = lane; index < names.length; index += 2) {
      const name = names[index] ?? "";
      const source = await (submissions[name] ?? (() => Promise.reject(new Error(name))))();
      reports.set(
        name,
        await gradeSubmission({ packId: "slow-query", source, concurrencySlot: slot }),
      );
    }
  });
  await Promise.all(lanes);
}, 20 * 60_000);

afterAll(async () => {
  // The figures the bench README and the issue note quote.
  const rows = [...reports].map(
    ([name, report]) =>
      `${name}: ${report.score} in ${Math.round((report.timings.total ?? 0) / 1000)} s (${report.groups.map((g) => `${g.id} ${g.passed}/${g.total}`).join(", ")}; integrity ${report.integrity.verdict})`,
  );
  process.stdout.write(`${rows.join("\n")}\n`);
  await stopClusters();
});

function group(name: string, id: string) {
  const report = reports.get(name);
  const found = report?.groups.find((candidate) => candidate.id === id);
  if (report === undefined || found === undefined) throw new Error(`no group ${id} for ${name}`);
  return {
    ...found,
    score: `${found.passed}/${found.total}`,
    text: found.checks.map((check) => `${check.name}: ${check.message}`).join("\n"),
  };
}

describe("the slow-query pack", () => {
  it("scores the reference 100 with integrity clean", () => {
    const report = reports.get("reference");
    expect(report?.status, JSON.stringify(report?.error)).toBe("graded");
    expect(
      report?.score,
      JSON.stringify(report?.groups.map((g) => g.checks.filter((c) => !c.passed))),
    ).toBe(100);
    expect(report?.integrity.verdict).toBe("clean");
  });

  it("grades the reference the same when its own settings read PostgreSQL from the environment", () => {
    const checksOf = (name: string) =>
      reports
        .get(name)
        ?.groups.filter((g) => g.id !== "speed")
        .map((g) => ({ id: g.id, checks: g.checks.map((c) => [c.name, c.passed]) }));
    const report = reports.get("referenceOnPostgresFromEnv");
    expect(report?.status, JSON.stringify(report?.error)).toBe("graded");
    expect(checksOf("referenceOnPostgresFromEnv")).toEqual(checksOf("reference"));
    // Speed is measured against the reference on a noisy box: the same band, not the same ms.
    expect(report?.score).toBe(reports.get("reference")?.score);
  });

  it("scores the starter low: correct, but a query per book and no index", () => {
    expect(group("starter", "correctness").score).toBe("3/3");
    expect(group("starter", "queries").score).toBe("0/2");
    expect(group("starter", "index").score).toBe("0/1");
    expect(group("starter", "queries").text).toMatch(/ran \d+ queries for 20 books on the page/);
    expect(group("starter", "queries").text).toMatch(
      /`SELECT … FROM "catalog_\w+".*` ran 20 times, once per book/,
    );
    expect(reports.get("starter")?.score).toBeLessThan(55);
  });

  it("select_related alone still runs a query per book for tags and reviews", () => {
    expect(group("selectRelatedOnly", "queries").score).toBe("0/2");
    expect(group("selectRelatedOnly", "queries").text).toMatch(/once per book/);
    expect(group("selectRelatedOnly", "correctness").score).toBe("3/3");
  });

  it("ordering tags inside the method defeats the prefetch: the list grows, the stats do not", () => {
    const queries = group("prefetchButOrderedInMethod", "queries");
    expect(queries.checks.map((check) => check.passed)).toEqual([false, true]);
    expect(queries.text).toMatch(/catalog_tag.*ran 20 times, once per book/);
  });

  it("fast but wrongly ordered fails correctness, not the query counts", () => {
    expect(group("fastWrongOrdering", "correctness").checks[0]?.passed).toBe(false);
    expect(group("fastWrongOrdering", "correctness").text).toMatch(
      /results\[\d+\]\.id is \d+, expected \d+/,
    );
    expect(group("fastWrongOrdering", "queries").score).toBe("2/2");
  });

  it("without the index, the plans show catalog_book read another way", () => {
    expect(group("noIndex", "index").score).toBe("0/1");
    expect(group("noIndex", "index").text).toMatch(/has no index covering published_on/);
    expect(group("noIndex", "index").text).toMatch(/Seq Scan on catalog_book/);
    expect(group("noIndex", "queries").score).toBe("2/2");
  });

  it("patching Django's counters changes no count, is tampering, and its own tests do not count", () => {
    const report = reports.get("counterPatching");
    expect(report?.integrity.verdict).toBe("tampered");
    expect(group("counterPatching", "queries").score).toBe("0/2");
    const ownTests = group("counterPatching", "hygiene").checks.find(
      (check) => check.name === "the project's own tests pass",
    );
    expect(ownTests?.passed).toBe(false);
    expect(ownTests?.message).toMatch(/patches Django's query counters/);
  });
});
