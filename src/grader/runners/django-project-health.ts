import {
  describeFailure,
  runProjectStep,
  type TRunnerCheck,
  type TRunnerContext,
} from "./runner.js";

/** migrate on a fresh database, manage.py check, and models matching migrations. */
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
  if (migrate.exitCode === 0 && !migrate.timedOut) {
    checks.push({
      group,
      name: "migrations apply to a fresh database",
      passed: true,
      message: "ok",
    });
  } else {
    ctx.migrationFailure = describeFailure("Migrations", migrate, ctx.steps.stepMs);
    checks.push({
      group,
      name: "migrations apply to a fresh database",
      passed: false,
      message: ctx.migrationFailure,
    });
  }

  const check = await runProjectStep(ctx, "check", ["/grader/run_django.py", "check"]);
  checks.push({
    group,
    name: "manage.py check reports no problems",
    passed: check.exitCode === 0 && !check.timedOut,
    message:
      check.exitCode === 0 ? "ok" : describeFailure("manage.py check", check, ctx.steps.stepMs),
  });

  const makemigrations = await runProjectStep(ctx, "makemigrations", [
    "/grader/run_django.py",
    "makemigrations",
    "--check",
    "--dry-run",
  ]);
  const modelsMatch = makemigrations.exitCode === 0 && !makemigrations.timedOut;
  checks.push({
    group,
    name: "migrations match the models",
    passed: modelsMatch,
    message: modelsMatch
      ? "ok"
      : makemigrations.exitCode === 1
        ? `Models have changes with no migration (makemigrations --check --dry-run):\n${makemigrations.stdout.trim().split("\n").slice(-8).join("\n")}`
        : describeFailure("makemigrations --check", makemigrations, ctx.steps.stepMs),
  });
  return checks;
}
