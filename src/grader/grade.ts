import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { GradingLimiter } from "./grading-limiter.js";
import {
  formatReport,
  scoreGroups,
  ZGradeReport,
  type TGradeReport,
  type TGroupResult,
} from "./grade-report.js";
import { scanIntegrity, verdictOf, type TIntegrity } from "./integrity.js";
import { gradeDocument } from "./document-check.js";
import { loadPack, PackNotFoundError, type TPack } from "./pack.js";
import { chownTree } from "./project-files.js";
import { assertSubmissionFits } from "./submission-fit.js";
import { readRuntimeInfo } from "./runtime.js";
import { checkerUid, sandboxUid } from "./sandbox.js";
import { runCandidateTests } from "./runners/candidate-tests.js";
import { runDjangoProjectHealth } from "./runners/django-project-health.js";
import { runFailToPass } from "./runners/fail-to-pass.js";
import { runHttpChecks } from "./runners/http-checks.js";
import { stopClusters } from "./postgres/cluster.js";
import { preparePostgresGrading, type TPostgresGrading } from "./postgres/grading-database.js";
import { catalogueTemplate } from "./runners/query-performance/data-sets.js";
import { runQueryPerformance } from "./runners/query-performance/query-performance.js";
import { runMutationTesting } from "./runners/mutation-testing.js";
import {
  defaultStepLimits,
  type TRunnerCheck,
  type TRunnerContext,
  type TStepLimits,
} from "./runners/runner.js";
import { SubmissionError, unpackSubmission } from "./unpack.js";
import { scanImports } from "./runners/imports.js";

export { ZGradeReport, formatReport, type TGradeReport } from "./grade-report.js";

export interface TGradeOptions {
  packId: string;
  /** A .zip file or a directory. */
  source: string;
  /** Pick the uid slot yourself (a caller running its own scheduling); otherwise the shared limiter does. */
  concurrencySlot?: number;
  steps?: Partial<TStepLimits>;
}

let limiter = new GradingLimiter(os.cpus().length);

/** How many gradings run at once in this process (default: one per CPU). */
export function setGradingConcurrency(size: number): void {
  limiter = new GradingLimiter(size);
}

export function gradeSubmission(options: TGradeOptions): Promise<TGradeReport> {
  if (options.concurrencySlot !== undefined) return gradeInSlot(options, options.concurrencySlot);
  return limiter.run((slot) => gradeInSlot(options, slot));
}

const emptyIntegrity: TIntegrity = { verdict: "clean", findings: [] };

async function gradeInSlot(options: TGradeOptions, slot: number): Promise<TGradeReport> {
  const started = performance.now();
  const timings: Record<string, number> = {};
  let pack: TPack | null = null;
  const errorReport = (
    kind: "submission" | "infrastructure",
    message: string,
    integrity = emptyIntegrity,
  ): TGradeReport =>
    ZGradeReport.parse({
      packId: options.packId,
      packVersion: pack?.manifest.version ?? 0,
      status: "error",
      score: 0,
      groups: [],
      integrity,
      timings: { ...timings, total: Math.round(performance.now() - started) },
      error: { kind, message },
    });

  const gradeDir = await mkdtemp(path.join(os.tmpdir(), "shortlist-grade-"));
  try {
    pack = await loadPack(options.packId);
    if (pack.manifest.kind === "design-document") {
      return await gradeDocument(pack, options.source, started);
    }
    const runtime = await readRuntimeInfo();
    if (runtime === null) {
      return errorReport(
        "infrastructure",
        "The grading runtime is not installed; run `shortlist runtime ensure`.",
      );
    }
    const projectDir = path.join(gradeDir, "project");
    let time = performance.now();
    await unpackSubmission(options.source, projectDir);
    timings.unpack = Math.round(performance.now() - time);
    await assertSubmissionFits(pack, projectDir);

    time = performance.now();
    const integrity = await scanIntegrity(projectDir);
    timings.integrity = Math.round(performance.now() - time);

    await chownTree(projectDir, sandboxUid(slot));
    const ctx: TRunnerContext = {
      pack,
      runtime,
      projectDir,
      gradeDir,
      uid: sandboxUid(slot),
      checkerUid: checkerUid(slot),
      steps: { ...defaultStepLimits, ...options.steps },
      timings,
      findings: [...integrity.findings],
      migrationFailure: null,
      notes: [],
    };
    const missing = await scanImports(ctx);
    if (missing !== null) return errorReport("submission", missing, integrity);
    const postgres =
      pack.manifest.database === "postgres"
        ? await preparePostgresGrading(
            slot,
            catalogueTemplate(pack.manifest.id, pack.manifest.version),
          )
        : null;
    if (postgres !== null) {
      ctx.projectDatabase = postgres.projectDatabase("candidate");
      Object.assign(timings, {
        pgTemplate: postgres.timings.template,
        pgClone: postgres.timings.clone,
      });
    }
    const checks = await runRunners(pack, ctx, postgres).finally(() => postgres?.release());
    const groups = groupChecks(pack, checks);
    return ZGradeReport.parse({
      packId: pack.manifest.id,
      packVersion: pack.manifest.version,
      status: "graded",
      score: scoreGroups(groups),
      groups,
      integrity: verdictOf(ctx.findings),
      timings: { ...timings, total: Math.round(performance.now() - started) },
      ...(ctx.notes.length > 0 ? { notes: ctx.notes } : {}),
      details: ctx.details,
    });
  } catch (error) {
    if (error instanceof SubmissionError) return errorReport("submission", error.message);
    if (error instanceof PackNotFoundError) return errorReport("infrastructure", error.message);
    // Ours, not the candidate's: the job layer retries these.
    return errorReport(
      "infrastructure",
      `The grader failed while grading; it will be retried. (${(error as Error).message})`,
    );
  } finally {
    await rm(gradeDir, { recursive: true, force: true });
  }
}

async function runRunners(
  pack: TPack,
  ctx: TRunnerContext,
  postgres: TPostgresGrading | null,
): Promise<TRunnerCheck[]> {
  const checks: TRunnerCheck[] = [];
  for (const runner of pack.manifest.runners) {
    switch (runner.runner) {
      case "django-project-health":
        checks.push(...(await runDjangoProjectHealth(ctx, runner.group)));
        break;
      case "candidate-tests":
        checks.push(...(await runCandidateTests(ctx, runner.group, runner.minimumTests)));
        break;
      case "http-checks":
        checks.push(...(await runHttpChecks(ctx, runner.script, runner.users)));
        break;
      case "query-performance":
        if (postgres === null) throw new Error("query-performance needs `database: postgres`");
        checks.push(...(await runQueryPerformance(ctx, postgres, runner.groups, checks)));
        break;
      case "fail-to-pass":
        checks.push(...(await runFailToPass(ctx, runner)));
        break;
      case "mutation-testing":
        checks.push(...(await runMutationTesting(ctx, runner)));
        break;
    }
  }
  return checks;
}

function groupChecks(pack: TPack, checks: TRunnerCheck[]): TGroupResult[] {
  const known = new Set(pack.manifest.groups.map((group) => group.id));
  const unknown = checks.find((check) => !known.has(check.group));
  if (unknown !== undefined)
    throw new Error(`check '${unknown.name}' names unknown group '${unknown.group}'`);
  return pack.manifest.groups.map((group) => {
    const own = checks
      .filter((check) => check.group === group.id)
      .map(({ name, passed, message, status, blockedBy, details }) => ({
        name,
        passed,
        status: status ?? (passed ? ("passed" as const) : ("failed" as const)),
        ...(blockedBy === undefined ? {} : { blockedBy }),
        message: message.slice(0, 4000),
        ...(details === undefined ? {} : { details: details.slice(0, 20_000) }),
      }));
    const blocked = own.filter((check) => check.status === "blocked");
    const firstStep = blocked[0]?.blockedBy;
    return {
      ...group,
      passed: own.filter((check) => check.passed).length,
      blocked: blocked.length,
      total: own.length,
      ...(own.length > 0 && blocked.length === own.length && firstStep !== undefined
        ? { note: `not evaluated: ${notEvaluatedBecause(firstStep)}` }
        : {}),
      checks: own,
    };
  });
}

/** Why a whole group could not be evaluated, in the words a hiring manager reads. */
export function notEvaluatedBecause(step: string): string {
  const known: Record<string, string> = {
    migrate: "the migrations failed",
    "sign-in": "could not sign in",
    "the server start": "the server did not start",
    "the server": "the server stopped answering",
    "creating the test users": "the test users could not be created",
  };
  return known[step] ?? `${step} failed`;
}

const usage = "usage: shortlist grade <pack> <zip-or-dir> [--json]\n";

/** `shortlist grade <pack> <zip-or-dir> [--json]`: exit 0 when graded, 1 on error, 2 on usage. */
export async function runGradeCommand(args: string[]): Promise<number> {
  const json = args.includes("--json");
  const positional = args.filter((arg) => arg !== "--json");
  const [packId, source] = positional;
  if (packId === undefined || source === undefined || positional.length !== 2) {
    process.stderr.write(usage);
    return 2;
  }
  // Like the worker, the command takes its uid slot (and so its PostgreSQL cluster) from
  // SHORTLIST_GRADER_SLOT_BASE, so two commands or a command and a server can grade at once.
  const slot = Number(process.env.SHORTLIST_GRADER_SLOT_BASE ?? "0");
  if (!Number.isInteger(slot) || slot < 0 || slot > 900) {
    process.stderr.write("SHORTLIST_GRADER_SLOT_BASE must be a whole number from 0 to 900\n");
    return 2;
  }
  // The grading PostgreSQL is this process's child; stop it so the command can exit.
  const report = await gradeSubmission({
    packId,
    source: path.resolve(source),
    concurrencySlot: slot,
  }).finally(() => stopClusters());
  process.stdout.write(json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report));
  return report.status === "graded" ? 0 : 1;
}
