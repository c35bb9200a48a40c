import { z } from "zod";
import { formatRootCause, rootCause } from "../root-cause.js";
import {
  describeFailure,
  readResults,
  resultsDir,
  runProjectStep,
  type TRunnerCheck,
  type TRunnerContext,
} from "./runner.js";

const ZMigrationState = z.object({
  apps: z.record(z.string().max(100), z.array(z.string().max(500)).max(500)),
  unmigrated: z.array(z.string().max(100)).max(200),
});

/** migrate on a fresh database, manage.py check, and every app's models matching its migrations. */
export async function runDjangoProjectHealth(
  ctx: TRunnerContext,
  group: string,
): Promise<TRunnerCheck[]> {
  const checks: TRunnerCheck[] = [];
  const migrate = await runProjectStep(ctx, "migrate", [
    "/grader/run_django.py",
    "migrate",
    "--noinput",
  ]);
  const migrated = migrate.exitCode === 0 && !migrate.timedOut;
  if (!migrated) {
    const cause = rootCause(migrate.stderr) ?? rootCause(migrate.stdout);
    ctx.migrationFailure =
      cause === null ? "the migrations failed" : `migrate failed: ${formatRootCause(cause)}`;
  }
  checks.push({
    group,
    name: "migrations apply to a fresh database",
    passed: migrated,
    message: migrated ? "ok" : describeFailure("migrate", migrate, ctx.steps.stepMs),
  });

  const check = await runProjectStep(ctx, "check", ["/grader/run_django.py", "check"]);
  checks.push({
    group,
    name: "manage.py check reports no problems",
    passed: check.exitCode === 0 && !check.timedOut,
    message:
      check.exitCode === 0 ? "ok" : describeFailure("manage.py check", check, ctx.steps.stepMs),
  });

  const out = await resultsDir(ctx, "migrations-out");
  const state = await runProjectStep(
    ctx,
    "makemigrations",
    ["/grader/check_migrations.py", "/sandbox/out/migrations.json"],
    {},
    {},
    [out],
  );
  const found =
    state.exitCode === 0 ? await readResults(out, "migrations.json", ZMigrationState) : null;
  checks.push({
    group,
    name: "migrations match the models",
    ...describeMigrationState(found, state, ctx),
  });
  return checks;
}

function describeMigrationState(
  found: z.infer<typeof ZMigrationState> | null,
  state: Parameters<typeof describeFailure>[1],
  ctx: TRunnerContext,
): { passed: boolean; message: string } {
  // A crash is a crash (its root cause shown), never "changes with no migration".
  if (found === null)
    return { passed: false, message: describeFailure("makemigrations", state, ctx.steps.stepMs) };
  const lacking = Object.entries(found.apps).filter(([, operations]) => operations.length > 0);
  if (lacking.length === 0) return { passed: true, message: "ok" };
  const lines = lacking.map(([app, operations]) => {
    const why = found.unmigrated.includes(app)
      ? " (the app has no migrations package, so Django skips it without a word)"
      : "";
    const shown = operations.slice(0, 8).join("; ");
    return `- ${app}${why}: ${shown}${operations.length > 8 ? `; and ${operations.length - 8} more` : ""}`;
  });
  return {
    passed: false,
    message: `Models have changes with no migration:\n${lines.join("\n")}`,
  };
}
