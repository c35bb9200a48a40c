import { mkdtemp, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  cloneDatabase,
  ensureTemplate,
  postgresUid,
  startCluster,
  stopClusters,
  type TPostgresCluster,
} from "./cluster.js";

const slot = 800;
let rootDir: string;
let cluster: TPostgresCluster;
let database: string;

beforeAll(async () => {
  rootDir = await mkdtemp(path.join(os.tmpdir(), "shortlist-pg-test-"));
  await import("node:fs/promises").then((fs) => fs.chmod(rootDir, 0o755));
  cluster = await startCluster({ slot, rootDir });
  const template = await ensureTemplate(cluster, "tpl_test", "v1", async (client) => {
    await client.query("CREATE TABLE seeded (n int)");
    await client.query("INSERT INTO seeded SELECT generate_series(1, 100)");
  });
  database = await cloneDatabase(cluster, template, "candidate");
}, 120_000);

afterAll(async () => {
  await stopClusters();
  await rm(rootDir, { recursive: true, force: true });
});

async function asCandidate<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({
    host: cluster.socketDir,
    database,
    user: cluster.roles.candidate.name,
    password: cluster.roles.candidate.password,
  });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

describe("the grading PostgreSQL", () => {
  it("is owned by the slot's non-root uid and listens on a unix socket only", async () => {
    const data = await stat(path.join(rootDir, `slot-${slot}`, "data"));
    expect(data.uid).toBe(postgresUid(slot));
    const { rows } = await cluster.admin.query<{ listen: string; preload: string }>(
      "SELECT current_setting('listen_addresses') AS listen, current_setting('shared_preload_libraries') AS preload",
    );
    expect(rows[0]).toEqual({ listen: "", preload: "pg_stat_statements,auto_explain" });
  });

  it("clones the template per grading, with its data", async () => {
    const grader = await cluster.connect(database);
    const count = await grader.query("SELECT count(*)::int AS n FROM seeded");
    await grader.end();
    expect(count.rows).toEqual([{ n: 100 }]);
    // The candidate owns its database, but not the seed, which only the grader reads.
    await asCandidate(async (client) => {
      await expect(client.query("SELECT * FROM seeded")).rejects.toThrow(/permission denied/);
      await client.query("CREATE TABLE mine (n int)");
    });
  });

  it("the candidate's role cannot reset or change the counters or the logging", async () => {
    await asCandidate(async (client) => {
      const attempts = [
        "SELECT pg_stat_statements_reset()",
        "SET log_statement = 'none'",
        "SET pg_stat_statements.track = 'none'",
        "SET session_replication_role = 'replica'",
        "SET auto_explain.log_min_duration = -1",
        "ALTER DATABASE postgres SET log_statement = 'none'",
        "ALTER ROLE candidate SUPERUSER",
      ];
      for (const sql of attempts) {
        await expect(client.query(sql), sql).rejects.toThrow(
          /permission denied|must be|not allowed/,
        );
      }
    });
  });

  it("refuses a wrong password and other databases", async () => {
    const wrong = new pg.Client({
      host: cluster.socketDir,
      database,
      user: "candidate",
      password: "guess",
    });
    await expect(wrong.connect()).rejects.toThrow(/password authentication failed/);
    const other = new pg.Client({
      host: cluster.socketDir,
      database: "postgres",
      user: "candidate",
      password: cluster.roles.candidate.password,
    });
    await expect(other.connect()).rejects.toThrow(/permission denied/);
  });
});
