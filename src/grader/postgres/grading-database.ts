import type pg from "pg";
import type { TProjectDatabase } from "../runners/runner.js";
import {
  cloneDatabase,
  dropDatabase,
  ensureTemplate,
  startCluster,
  type TAppRoleName,
  type TPostgresCluster,
} from "./cluster.js";

export const sandboxSocketDir = "/sandbox/pg";

/** One grading's databases on its slot's cluster: the candidate's, its test database, the reference's. */
export interface TPostgresGrading {
  cluster: TPostgresCluster;
  databases: Record<TAppRoleName, string>;
  candidateTestDatabase: string;
  /** Milliseconds spent on the template (built or found) and on cloning this grading's databases. */
  timings: { template: number; clone: number };
  /** The sandbox env and mounts for a project step of `role` (read by shortlist_grader_settings). */
  projectDatabase: (role: TAppRoleName) => TProjectDatabase;
  /** A superuser connection to `role`'s database. The caller ends it. */
  connect: (role: TAppRoleName) => Promise<pg.Client>;
  release: () => Promise<void>;
}

export interface TPackTemplate {
  name: string;
  version: string;
  build: (client: pg.Client) => Promise<void>;
}

export async function preparePostgresGrading(
  slot: number,
  template: TPackTemplate,
  rootDir?: string,
): Promise<TPostgresGrading> {
  const cluster = await startCluster({ slot, ...(rootDir === undefined ? {} : { rootDir }) });
  const timings = { template: 0, clone: 0 };
  let time = performance.now();
  const templateName = await ensureTemplate(
    cluster,
    template.name,
    template.version,
    template.build,
  );
  timings.template = Math.round(performance.now() - time);
  time = performance.now();
  const databases = {
    candidate: await cloneDatabase(cluster, templateName, "candidate"),
    reference: await cloneDatabase(cluster, templateName, "reference"),
  };
  // The candidate's own tests: an empty database, since the role may not create one.
  const candidateTestDatabase = await cloneDatabase(cluster, "template0", "candidate");
  timings.clone = Math.round(performance.now() - time);
  return {
    cluster,
    databases,
    candidateTestDatabase,
    timings,
    projectDatabase: (role) => ({
      env: {
        SHORTLIST_PG_DATABASE: databases[role],
        SHORTLIST_PG_TEST_DATABASE:
          role === "candidate" ? candidateTestDatabase : `${databases[role]}_no_tests`,
        SHORTLIST_PG_USER: cluster.roles[role].name,
        SHORTLIST_PG_PASSWORD: cluster.roles[role].password,
        // pytest-django: use the database made for the tests instead of creating one.
        PYTEST_ADDOPTS: "--reuse-db",
      },
      mounts: [{ hostPath: cluster.socketDir, sandboxPath: sandboxSocketDir }],
    }),
    connect: (role) => cluster.connect(databases[role]),
    release: async () => {
      for (const name of [...Object.values(databases), candidateTestDatabase])
        await dropDatabase(cluster, name).catch(() => undefined);
    },
  };
}
