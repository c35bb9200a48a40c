import os from "node:os";
import { beforeAll, describe, expect, it } from "vitest";
import { gradingQueue, patchedStarter, reportText } from "../../test-support/pack-submissions.js";
import type { TGradeReport } from "../grade-report.js";
import { loadPack } from "../pack.js";
import { repoRoot } from "../paths.js";
import { ensureRuntime } from "../runtime.js";

// Slots 700-701 are this branch's own (sandbox uids no other suite uses at the same time).
const queue = gradingQueue("debug", [700, 701]);
const reports = new Map<string, Promise<TGradeReport>>();
const report = (name: string) => reports.get(name) ?? Promise.reject(new Error(name));
const details = async (name: string) => {
  const found = (await report(name)).details;
  if (found?.kind !== "fail-to-pass") throw new Error(`${name}: no fail-to-pass details`);
  return found;
};
const failing = async (name: string, group: string) =>
  (await report(name)).groups
    .find((g) => g.id === group)
    ?.checks.filter((check) => !check.passed)
    .map((check) => check.name);

beforeAll(async () => {
  await ensureRuntime();
  const debug = await loadPack("debug");
  reports.set("starter", queue(debug.starterDir));
  reports.set("reference", queue(debug.referenceDir));
  for (const wrong of ["checkout-only", "drops-expiry", "save-default", "special-case"])
    reports.set(wrong, queue(patchedStarter("debug", `${wrong}.patch`)));
  reports.set("wrong-pack", queue((await loadPack("unit-tests")).starterDir));
  // Tests read finished reports; the gradings themselves take minutes, within this hook's limit.
  await Promise.allSettled(reports.values());
}, 600_000);

describe("the debugging pack", () => {
  it("grades the reference fix full, with its regression test and a one-line change", async () => {
    const result = await report("reference");
    expect(result.status).toBe("graded");
    expect(result.score).toBe(100);
    const found = await details("reference");
    expect(found.result).toBe("full");
    expect(found.failToPass).toEqual({ passed: 6, total: 6 });
    expect(found.passToPass).toEqual({ passed: 23, total: 23 });
    expect(found.regressionTest.status).toBe("found");
    expect(found.regressionTest.tests).toEqual([
      "orders/tests/test_discounts.py::DiscountAtCheckoutTests::test_code_without_end_date_works",
    ]);
    expect(found.locality.changes).toEqual([{ path: "orders/services.py", added: 1, removed: 1 }]);
    expect(found.locality.reference).toEqual(found.locality.changes);
  });

  it("grades the untouched starter none: the suite passes, no hidden test does, nothing changed", async () => {
    const result = await report("starter");
    expect(result.score).toBe(30);
    const found = await details("starter");
    expect(found.result).toBe("none");
    expect(found.failToPass).toEqual({ passed: 0, total: 6 });
    expect(found.regressionTest.status).toBe("none");
    expect(found.locality.changes).toEqual([]);
  });

  it("a fix at checkout only leaves the banner broken: partial", async () => {
    const found = await details("checkout-only");
    expect(found.result).toBe("partial");
    expect(found.failToPass).toEqual({ passed: 5, total: 6 });
    expect(await failing("checkout-only", "fix")).toEqual([
      "hidden: open ended codes are in the banner",
    ]);
    // Per test, for the report's table: 6 hidden variants and the 23 restored tests.
    const tests = found.tests ?? [];
    expect(tests.filter((t) => t.kind === "fail-to-pass")).toHaveLength(6);
    expect(tests.filter((t) => t.kind === "pass-to-pass")).toHaveLength(23);
    expect(tests.filter((t) => !t.passed).map((t) => [t.kind, t.name])).toEqual([
      ["fail-to-pass", "open ended codes are in the banner"],
    ]);
    expect(tests.find((t) => !t.passed)?.message).not.toBe("");
    expect(found.regressionTest.status).toBe("found");
  });

  it("dropping the expiry check fixes the symptom but breaks the restored suite, whatever the candidate edited", async () => {
    const found = await details("drops-expiry");
    expect(found.failToPass).toEqual({ passed: 6, total: 6 });
    expect(found.result).toBe("partial");
    expect(await failing("drops-expiry", "no-regressions")).toContain(
      "existing: orders/tests/test_discounts.py::DiscountAtCheckoutTests::test_expired_code_is_rejected",
    );
  });

  it("a default filled in save() misses rows changed without save(): partial", async () => {
    expect((await details("save-default")).result).toBe("partial");
    expect(await failing("save-default", "fix")).toEqual([
      "hidden: end date removed later makes the code work again",
    ]);
  });

  it("special-casing the reported code fixes nothing, though its own test passes", async () => {
    const found = await details("special-case");
    expect(found.result).toBe("none");
    expect(found.failToPass.passed).toBe(0);
    expect(found.regressionTest.status).toBe("found");
  });

  it("an upload for another pack ends as a clear report naming both", async () => {
    const result = await report("wrong-pack");
    expect(result.status).toBe("error");
    expect(result.error?.kind).toBe("submission");
    expect(result.error?.message).toContain('not a submission for "Debugging');
    expect(result.error?.message).toContain("orders/services.py");
    expect(result.error?.message).toContain('looks like a submission for "Write the tests');
  });

  it("never shows a path of the grading machine", async () => {
    for (const name of reports.keys()) {
      const text = reportText(await report(name));
      expect(text).not.toContain(os.tmpdir() + "/shortlist-");
      expect(text).not.toContain(repoRoot);
    }
  });
});
