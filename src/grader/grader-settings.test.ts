import { chmod, chown, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stopClusters } from "./postgres/cluster.js";
import { preparePostgresGrading, type TPostgresGrading } from "./postgres/grading-database.js";
import { venvPython } from "./paths.js";
import { chownTree } from "./project-files.js";
import { ensureRuntime, type TRuntimeInfo } from "./runtime.js";
import { runSandboxed, sandboxUid } from "./sandbox.js";

// runtime/grader/shortlist_grader_settings.py decides the database whatever the candidate's
// settings say: these projects differ only in DATABASES, and each must land on the grading
// cluster (postgres packs) or the grading SQLite file (sqlite packs), as the real steps run them.
const slot = 45;
let rootDir: string;
let scratch: string;
let runtime: TRuntimeInfo;
let postgres: TPostgresGrading;

const candidateDatabases: Record<string, string> = {
  sqlite: `{"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": BASE_DIR / "db.sqlite3"}}`,
  postgresFromEnv: `{
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": os.environ["POSTGRES_DB"],
        "USER": os.environ["POSTGRES_USER"],
        "PASSWORD": os.environ["POSTGRES_PASSWORD"],
        "HOST": os.environ.get("POSTGRES_HOST", "localhost"),
        "PORT": os.environ.get("POSTGRES_PORT", "5432"),
    }
}`,
  databaseUrl: `{"default": dj_database_url.config(default="postgres://app:app@db:5432/app")}`,
  twoAliases: `{
    "default": {"ENGINE": "django.db.backends.sqlite3", "NAME": BASE_DIR / "db.sqlite3"},
    "replica": {"ENGINE": "django.db.backends.sqlite3", "NAME": BASE_DIR / "replica.sqlite3"},
}`,
};

async function project(name: string): Promise<string> {
  const dir = path.join(scratch, name);
  await mkdir(path.join(dir, "config"), { recursive: true });
  await writeFile(
    path.join(dir, "manage.py"),
    `import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")\n`,
  );
  await writeFile(path.join(dir, "config", "__init__.py"), "");
  await writeFile(
    path.join(dir, "config", "settings.py"),
    `import os
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent
SECRET_KEY = os.environ["SECRET_KEY"]
INSTALLED_APPS = ["django.contrib.contenttypes"]
USE_TZ = True
DATABASES = ${candidateDatabases[name] ?? "{}"}
`,
  );
  await chownTree(dir, sandboxUid(slot));
  return dir;
}

const describeDatabases = `
import json, sys
sys.path.insert(0, "/grader")
import project_setup
project_setup.use_project()
import django
django.setup()
from django.conf import settings
from django.db import connections
out = {}
for alias, db in settings.DATABASES.items():
    with connections[alias].cursor() as cursor:
        cursor.execute("SELECT 1")
    row = None
    if db["ENGINE"].endswith("postgresql"):
        with connections[alias].cursor() as cursor:
            cursor.execute("SELECT current_user, current_database()")
            row = list(cursor.fetchone())
    out[alias] = {
        "engine": db["ENGINE"], "host": db.get("HOST", ""), "name": str(db["NAME"]),
        "user": db.get("USER", ""), "test_name": db["TEST"].get("NAME"),
        "test_mirror": db["TEST"].get("MIRROR"), "connected_as": row,
    }
print("DATABASES=" + json.dumps(out))
`;

async function settingsOf(
  dir: string,
  database: "postgres" | "sqlite",
): Promise<Record<string, Record<string, unknown>>> {
  const onPostgres = database === "postgres" ? postgres.projectDatabase("candidate") : null;
  const result = await runSandboxed({
    uid: sandboxUid(slot),
    argv: [venvPython, "-I", "-c", describeDatabases],
    workDir: dir,
    pythonBasePrefix: runtime.basePrefix,
    env: onPostgres?.env ?? {},
    mounts: onPostgres?.mounts ?? [],
  });
  const line = result.stdout.split("\n").find((text) => text.startsWith("DATABASES="));
  if (result.exitCode !== 0 || line === undefined)
    throw new Error(`exit ${result.exitCode}: ${result.stderr.slice(-2000)}`);
  return JSON.parse(line.slice("DATABASES=".length)) as Record<string, Record<string, unknown>>;
}

beforeAll(async () => {
  runtime = await ensureRuntime();
  rootDir = await mkdtemp(path.join(os.tmpdir(), "shortlist-pg-settings-"));
  await chmod(rootDir, 0o755);
  scratch = await mkdtemp(path.join(os.tmpdir(), "shortlist-settings-projects-"));
  await chown(scratch, 0, 0);
  await chmod(scratch, 0o755);
  postgres = await preparePostgresGrading(
    slot,
    {
      name: "tpl_settings_test",
      version: "v1",
      build: () => Promise.resolve(),
    },
    rootDir,
  );
}, 300_000);

afterAll(async () => {
  await postgres?.release();
  await stopClusters();
  await rm(rootDir, { recursive: true, force: true });
  await rm(scratch, { recursive: true, force: true });
});

describe("the grader's settings", () => {
  it("put a postgres pack on the grading cluster's socket and role, whatever the project configured", async () => {
    const expected = {
      engine: "django.db.backends.postgresql",
      host: "/sandbox/pg",
      name: postgres.databases.candidate,
      user: postgres.cluster.roles.candidate.name,
      test_name: postgres.candidateTestDatabase,
      test_mirror: null,
      connected_as: [postgres.cluster.roles.candidate.name, postgres.databases.candidate],
    };
    for (const name of ["sqlite", "postgresFromEnv", "databaseUrl"]) {
      const databases = await settingsOf(await project(name), "postgres");
      expect(databases, name).toEqual({ default: expected });
    }
  });

  it("run migrations on the grading cluster, not on a file in the project", async () => {
    const dir = await project("postgresFromEnv");
    const onPostgres = postgres.projectDatabase("candidate");
    const migrated = await runSandboxed({
      uid: sandboxUid(slot),
      argv: [venvPython, "-I", "/grader/run_django.py", "migrate", "--noinput"],
      workDir: dir,
      pythonBasePrefix: runtime.basePrefix,
      env: onPostgres.env,
      mounts: onPostgres.mounts,
    });
    expect(migrated.exitCode, migrated.stderr.slice(-2000)).toBe(0);
    const client = await postgres.connect("candidate");
    try {
      const { rows } = await client.query<{ app: string; owner: string }>(
        `SELECT m.app, t.tableowner AS owner FROM django_migrations m
           JOIN pg_tables t ON t.tablename = 'django_content_type' LIMIT 1`,
      );
      expect(rows).toEqual([{ app: "contenttypes", owner: postgres.cluster.roles.candidate.name }]);
    } finally {
      await client.end();
    }
  });

  it("point a second alias at the same grading database, mirrored in tests", async () => {
    const databases = await settingsOf(await project("twoAliases"), "postgres");
    expect(Object.keys(databases)).toEqual(["default", "replica"]);
    expect(databases.replica).toMatchObject({
      name: postgres.databases.candidate,
      host: "/sandbox/pg",
      test_mirror: "default",
    });
  });

  it("keep a sqlite pack on the grading SQLite file, also for a project configured for PostgreSQL", async () => {
    for (const name of ["sqlite", "postgresFromEnv"]) {
      const databases = await settingsOf(await project(name), "sqlite");
      expect(databases.default, name).toMatchObject({
        engine: "django.db.backends.sqlite3",
        name: "/sandbox/project/.shortlist-grading.sqlite3",
      });
    }
  });
});
