import { access, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { scratchDir, variantOf } from "../../test-support/grader-submissions.js";
import { gradingQueue, patchedStarter, reportText } from "../../test-support/pack-submissions.js";
import type { TGradeReport, TMutationDetails } from "../grade-report.js";
import { loadPack } from "../pack.js";
import { repoRoot } from "../paths.js";
import { ensureRuntime } from "../runtime.js";

// Slots 710-711: this branch's own sandbox uids. A suite that hangs gets 15 s, not the default 2 min.
const queue = gradingQueue("unit-tests", [710, 711]);
const reports = new Map<string, Promise<TGradeReport>>();
const report = (name: string) => reports.get(name) ?? Promise.reject(new Error(name));
const details = async (name: string): Promise<TMutationDetails> => {
  const found = (await report(name)).details;
  if (found?.kind !== "mutation-testing") throw new Error(`${name}: no mutation details`);
  return found;
};
const mutant = async (name: string, id: string) =>
  (await details(name)).mutants.find((row) => row.id === id);

// The candidate's conftest sabotages the run on two mutants only: one exits, one hangs.
const sabotage = `import os
from pathlib import Path

views = Path("bookings/views.py").read_text()
if "page_size = 6" in views:
    os._exit(3)
if "HTTP_400_BAD_REQUEST" in views:
    while True:
        pass
`;
let hostCanary = "";

beforeAll(async () => {
  await ensureRuntime();
  const pack = await loadPack("unit-tests");
  hostCanary = path.join(await scratchDir("canary"), "still-here.txt");
  await writeFile(hostCanary, "the grader's own /tmp");
  reports.set("reference", queue(pack.referenceDir));
  reports.set("flaky-leftovers", queue(patchedStarter("unit-tests", "flaky-leftovers.patch")));
  reports.set("over-specified", queue(patchedStarter("unit-tests", "over-specified.patch")));
  reports.set("deletes-files", queue(patchedStarter("unit-tests", "deletes-files.patch")));
  reports.set(
    "loops-forever",
    queue(patchedStarter("unit-tests", "loops-forever.patch"), { stepMs: 15_000 }),
  );
  reports.set("wrong-pack", queue((await loadPack("debug")).referenceDir));
  reports.set("starter", queue(pack.starterDir));
  reports.set("shallow", queue(patchedStarter("unit-tests", "shallow.patch")));
  reports.set("sabotage", queue(variantOf(pack.referenceDir, { "conftest.py": sabotage })));
  // Tests read finished reports; the gradings themselves take minutes, within this hook's limit.
  await Promise.allSettled(reports.values());
}, 900_000);

describe("the write-the-tests pack", () => {
  it("scores the reference suite 100: every mutant caught, with coverage", async () => {
    const result = await report("reference");
    expect(result.status).toBe("graded");
    expect(result.score).toBe(100);
    const found = await details("reference");
    expect(found.gate.passed).toBe(true);
    expect(found.gate.runs.map((run) => `${run.target}:${run.status}`)).toEqual([
      "reference:passed",
      "reference:passed",
      "reference:passed",
      "alternative:passed",
    ]);
    expect(found.mutants).toHaveLength(24);
    expect(found.caught).toBe(24);
    expect(found.score).toBe(100);
    const { lines, branches } = found.coverage ?? {
      lines: { covered: 0, total: 0 },
      branches: { covered: 0, total: 0 },
    };
    expect(lines.total).toBeGreaterThan(80);
    expect(lines.covered / lines.total).toBeGreaterThan(0.95);
    expect(branches.total).toBeGreaterThan(10);
    const row = await mutant("reference", "day-in-utc");
    expect(row?.caughtBy[0]).toContain("test_day_is_the_rooms_local_day");
  });

  it("scores the starter's one example test low", async () => {
    const found = await details("starter");
    expect(found.gate.passed).toBe(true);
    expect(found.tests).toBe(1);
    expect(found.caught).toBe(0);
    expect((await report("starter")).score).toBe(0);
  });

  it("scores a happy-path suite low and names what survived", async () => {
    const found = await details("shallow");
    expect(found.gate.passed).toBe(true);
    expect(found.score).toBeLessThan(25);
    expect((await mutant("shallow", "create-status-200"))?.status).toBe("caught");
    expect((await mutant("shallow", "page-size-off-by-one"))?.status).toBe("survived");
  });

  it("a suite that fails on its second run is flaky: no thoroughness score, the test named", async () => {
    const found = await details("flaky-leftovers");
    expect(found.gate.passed).toBe(false);
    expect(found.score).toBeNull();
    expect((await report("flaky-leftovers")).score).toBe(0);
    const second = found.gate.runs.find((run) => run.run === 2 && run.target === "reference");
    expect(second?.status).toBe("failed");
    expect(second?.failing).toEqual([
      "bookings/tests/test_bookings.py::ExportTests::test_list_is_exported",
    ]);
    expect(found.mutants.every((row) => row.status === "not-run")).toBe(true);
  });

  it("a suite that passes on the reference but fails on the second implementation is over-specified", async () => {
    const found = await details("over-specified");
    expect(found.gate.passed).toBe(false);
    // The reference runs stop early once the alternative has failed: the verdict cannot change.
    const onReference = found.gate.runs.filter((run) => run.target === "reference");
    expect(onReference.length).toBeGreaterThan(0);
    expect(onReference.every((run) => run.status === "passed")).toBe(true);
    const alternative = found.gate.runs.find((run) => run.target === "alternative");
    expect(alternative?.status).toBe("failed");
    expect(alternative?.failing.map((id) => id.split("::").pop())).toEqual([
      "test_overlap_helper",
      "test_too_long_booking_message",
    ]);
  });

  it("a suite that deletes files is reported, and nothing outside its copy is touched", async () => {
    const found = await details("deletes-files");
    expect(found.gate.passed).toBe(false);
    expect(found.gate.runs[0]?.status).toBe("changed-files");
    expect(found.gate.runs[0]?.message).toContain("bookings/views.py");
    await access(hostCanary);
    expect(await readFile("/etc/passwd", "utf8")).toContain("root");
    await access(path.join(repoRoot, "assessments/unit-tests/reference/bookings/views.py"));
  });

  it("a suite that loops forever ends at its time limit with a clear report", async () => {
    const found = await details("loops-forever");
    expect(found.gate.passed).toBe(false);
    expect(found.gate.runs[0]?.status).toBe("timed-out");
    expect(found.gate.runs[0]?.message).toContain("did not finish within 15 s");
  });

  it("a mutant that stops the suite or hangs it is shown apart and never caught", async () => {
    const found = await details("sabotage");
    expect(found.gate.passed).toBe(true);
    expect((await mutant("sabotage", "page-size-off-by-one"))?.status).toBe("broke-suite");
    expect((await mutant("sabotage", "conflict-status-400"))?.status).toBe("timed-out");
    expect(found.caught).toBe(22);
  });

  it("an upload for another pack ends as a clear report", async () => {
    const result = await report("wrong-pack");
    expect(result.status).toBe("error");
    expect(result.error?.message).toContain("bookings/models.py");
  });

  it("never shows a path of the grading machine", async () => {
    for (const name of reports.keys()) {
      const text = reportText(await report(name));
      expect(text).not.toContain(`${os.tmpdir()}/shortlist-`);
      expect(text).not.toContain(repoRoot);
    }
  });
});
