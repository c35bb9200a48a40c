import { beforeAll, describe, expect, it } from "vitest";
import { corpus } from "../test-support/grader-corpus/corpus.js";
import { gradeSubmission, type TGradeReport } from "./grade.js";
import { loadPack } from "./pack.js";
import { ensureRuntime } from "./runtime.js";

// Realistic submissions in the styles candidates use (see grader-corpus/corpus.ts), graded for
// real: Django in the sandbox, no mocks. Two at a time in uid slots 100-101 of their own, so
// they never share a uid with another suite grading in parallel.
const reports = new Map<string, Promise<TGradeReport>>();
const slots = [100, 101];

beforeAll(async () => {
  await ensureRuntime();
  const pack = await loadPack("rest-api");
  const queue = [...corpus];
  const done: Promise<void>[] = slots.map(async (slot) => {
    for (let entry = queue.shift(); entry !== undefined; entry = queue.shift()) {
      const source = await entry.build(pack.referenceDir);
      const graded = gradeSubmission({ packId: "rest-api", source, concurrencySlot: slot });
      reports.set(entry.name, graded);
      await graded;
    }
  });
  await Promise.all(done);
}, 900_000);

/** Every message, detail, note and error of a report, for the word checks. */
function textOf(report: TGradeReport): string {
  return [
    report.error?.message ?? "",
    ...(report.notes ?? []),
    ...report.groups.flatMap((group) => [
      group.note ?? "",
      ...group.checks.flatMap((check) => [check.message, check.details ?? ""]),
    ]),
  ].join("\n");
}

describe("the grading corpus", () => {
  it.each(corpus.map((entry) => [entry.name, entry] as const))(
    "%s grades as asserted",
    async (name, entry) => {
      const report = await reports.get(name);
      if (report === undefined) throw new Error(`${name} was not graded`);
      expect(report.status, textOf(report)).toBe(entry.status);
      const groups = Object.fromEntries(
        report.groups.map((group) => [group.id, `${group.passed}/${group.total}`]),
      );
      expect(groups, textOf(report)).toEqual(entry.groups);
      expect(report.integrity.verdict, JSON.stringify(report.integrity)).toBe(entry.integrity);
      const text = textOf(report);
      for (const word of entry.words) expect(text).toContain(word);
      for (const [group, note] of Object.entries(entry.notes ?? {}))
        expect(report.groups.find((g) => g.id === group)?.note).toBe(note);
    },
  );

  it("never shows a path outside the project, a debug page or the grader's own exception", async () => {
    for (const [name, pending] of reports) {
      const text = JSON.stringify(await pending);
      expect(text, name).not.toMatch(
        /\/sandbox\/|site-packages|\.runtime\/venv|\/usr\/lib\/python|\/root\//,
      );
      expect(text, name).not.toMatch(
        /Traceback \(most recent call last\)|<!DOCTYPE|unexpected answer \(/,
      );
      expect(text, name).not.toContain("/work/");
    }
  });

  it("raises no integrity alarm on honest code (false-alarm rate 0)", async () => {
    const flagged: string[] = [];
    for (const [name, pending] of reports) {
      if ((await pending).integrity.findings.length > 0) flagged.push(name);
    }
    expect(flagged).toEqual([]);
  });
});
