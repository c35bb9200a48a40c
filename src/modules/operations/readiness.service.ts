import { readMigrationFiles } from "../../db/migrate.js";
import type { TOperationsRepo } from "./operations.repo.js";

export type TReadiness = {
  ready: boolean;
  checks: { database: boolean; migrations: boolean; gradingRuntime: boolean; sandbox: boolean };
};

const RUNTIME_CHECK_TTL_MS = 60_000;

/**
 * Ready to serve, as opposed to alive (/api/health): the database answers, every migration is
 * applied, and grading can run (the Python runtime and the bubblewrap sandbox). Only booleans go
 * out: no paths or versions of the grading machine.
 */
export function createReadinessService(deps: {
  operationsRepo: Pick<TOperationsRepo, "ping" | "appliedMigrations">;
  /** Injected so tests need no venv; the real one spawns Python, so it is cached for a minute. */
  checkRuntime?: () => Promise<{ ok: boolean; bwrap: { available: boolean } }>;
}) {
  let cached: { at: number; ok: boolean; sandbox: boolean } | undefined;
  async function runtime() {
    if (cached && Date.now() - cached.at < RUNTIME_CHECK_TTL_MS) return cached;
    const check =
      deps.checkRuntime ?? (async () => (await import("../../grader/runtime.js")).checkRuntime());
    const result = await check().catch(() => ({ ok: false, bwrap: { available: false } }));
    cached = { at: Date.now(), ok: result.ok, sandbox: result.bwrap.available };
    return cached;
  }
  return {
    async checkReadiness(): Promise<TReadiness> {
      const database = await deps.operationsRepo.ping().then(
        () => true,
        () => false,
      );
      const applied = database ? await deps.operationsRepo.appliedMigrations().catch(() => []) : [];
      const migrations = readMigrationFiles().every((file) => applied.includes(file.name));
      const grading = await runtime();
      const checks = { database, migrations, gradingRuntime: grading.ok, sandbox: grading.sandbox };
      return { ready: Object.values(checks).every(Boolean), checks };
    },
  };
}
export type TReadinessService = ReturnType<typeof createReadinessService>;
