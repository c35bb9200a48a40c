import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmod, chown, mkdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { repoRoot } from "../paths.js";
import { ensurePostgresBinaries } from "./binaries.js";

/**
 * One throwaway PostgreSQL server per grading slot, never the user's database.
 *
 * - initdb once per slot, as that slot's own non-root uid (initdb and postgres refuse root),
 *   in a directory the candidate's sandbox never mounts. The uid has no passwd entry on the
 *   host, and both programs look their uid up, so they run under bwrap with a one-line
 *   /etc/passwd of their own bound over the host's.
 * - No TCP: the server listens only on a unix socket in `socketDir`, which a grading mounts into
 *   the candidate's sandbox. Every login needs a password (scram); the superuser's lives in a
 *   root-only file beside the cluster, so the candidate's app, which knows only its own role's
 *   password, can never become superuser.
 * - pg_stat_statements and auto_explain are preloaded; their settings are superuser-only, so the
 *   candidate's role can neither reset the counters nor change what is tracked or logged.
 */

export const postgresUid = (slot: number): number => 63_000 + slot;

export const defaultClustersDir = path.join(repoRoot, ".runtime", "pg-clusters");

export interface TClusterOptions {
  slot: number;
  /** Where slot clusters live (tests pass their own). */
  rootDir?: string;
}

/** A role the candidate's (or the reference's) app logs in as. */
export interface TAppRole {
  name: string;
  password: string;
}

const appRoles = ["candidate", "reference"] as const;
export type TAppRoleName = (typeof appRoles)[number];

export interface TPostgresCluster {
  slot: number;
  /** Host dir holding the server's socket (.s.PGSQL.5432); mount it into the sandbox. */
  socketDir: string;
  /** The plans auto_explain wrote, one JSON object per line (log_destination = jsonlog). */
  logFile: string;
  roles: Record<TAppRoleName, TAppRole>;
  /** A superuser connection to `database` (default: postgres). The caller ends it. */
  connect: (database?: string) => Promise<pg.Client>;
  /** The superuser connection to `postgres` the cluster keeps open. */
  admin: pg.Client;
  stop: () => Promise<void>;
}

const clusters = new Map<string, Promise<TPostgresCluster>>();

/** The slot's cluster, initialised on first use and started once per process. */
export function startCluster(options: TClusterOptions): Promise<TPostgresCluster> {
  const dir = clusterDir(options);
  let cluster = clusters.get(dir);
  if (cluster === undefined) {
    cluster = startOnce(options, dir);
    clusters.set(dir, cluster);
    cluster.catch(() => clusters.delete(dir));
  }
  return cluster;
}

/** Stops every cluster this process started (CLI exit, test teardown). */
export async function stopClusters(): Promise<void> {
  const all = [...clusters.values()];
  clusters.clear();
  await Promise.all(all.map(async (cluster) => (await cluster).stop().catch(() => undefined)));
}

function clusterDir(options: TClusterOptions): string {
  return path.join(options.rootDir ?? defaultClustersDir, `slot-${options.slot}`);
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
function quoteLiteral(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

async function startOnce(options: TClusterOptions, dir: string): Promise<TPostgresCluster> {
  const bin = await ensurePostgresBinaries();
  const uid = postgresUid(options.slot);
  const dataDir = path.join(dir, "data");
  const socketDir = path.join(dir, "sock");
  const logDir = path.join(dir, "log");
  const rootOnly = `${dir}.root`;
  await mkdir(dir, { recursive: true });
  await mkdir(rootOnly, { recursive: true, mode: 0o700 });
  await chown(dir, uid, uid);
  await chmod(dir, 0o755);
  for (const sub of [socketDir, logDir]) {
    await mkdir(sub, { recursive: true });
    await chown(sub, uid, uid);
  }
  // The candidate's uid must reach the socket; the log holds other gradings' plans.
  await chmod(socketDir, 0o755);
  await chmod(logDir, 0o700);
  const passwd = path.join(rootOnly, "passwd");
  await writeFile(passwd, `postgres:x:${uid}:${uid}::/nonexistent:/usr/sbin/nologin\n`);
  const group = path.join(rootOnly, "group");
  await writeFile(group, `postgres:x:${uid}:\n`);
  const asClusterUser = (argv: string[]): string[] => [
    "--dev-bind",
    "/",
    "/",
    "--ro-bind",
    passwd,
    "/etc/passwd",
    "--ro-bind",
    group,
    "/etc/group",
    "--die-with-parent",
    "--",
    "/usr/bin/setpriv",
    `--reuid=${uid}`,
    `--regid=${uid}`,
    "--clear-groups",
    "--inh-caps=-all",
    "--",
    ...argv,
  ];

  const secretFile = path.join(rootOnly, "superuser-password");
  if (!(await exists(path.join(dataDir, "PG_VERSION")))) {
    await rm(dataDir, { recursive: true, force: true });
    const password = randomBytes(24).toString("hex");
    await writeFile(secretFile, password, { mode: 0o600 });
    const pwfile = path.join(dir, "initdb-password");
    await writeFile(pwfile, password, { mode: 0o600 });
    await chown(pwfile, uid, uid);
    try {
      await runToEnd(
        asClusterUser([
          path.join(bin, "initdb"),
          "-D",
          dataDir,
          "-U",
          "postgres",
          "--auth=scram-sha-256",
          `--pwfile=${pwfile}`,
          "-E",
          "UTF8",
          "--locale=C.UTF-8",
          "--no-sync",
        ]),
      );
    } finally {
      await rm(pwfile, { force: true });
    }
    // Only unix-socket logins, every one with a password.
    await writeFile(path.join(dataDir, "pg_hba.conf"), "local all all scram-sha-256\n");
  }
  const superPassword = (await readFile(secretFile, "utf8")).trim();
  await removeStalePid(dataDir);

  const settings: Record<string, string> = {
    listen_addresses: "",
    unix_socket_directories: socketDir,
    unix_socket_permissions: "0777",
    shared_preload_libraries: "pg_stat_statements,auto_explain",
    "pg_stat_statements.track": "top",
    "pg_stat_statements.max": "5000",
    "auto_explain.log_min_duration": "-1",
    "auto_explain.log_format": "json",
    logging_collector: "on",
    log_destination: "jsonlog",
    log_directory: logDir,
    log_filename: "postgresql.log",
    log_rotation_size: "0",
    max_connections: "30",
    shared_buffers: "64MB",
    // A throwaway cluster: durability buys nothing.
    fsync: "off",
    synchronous_commit: "off",
    full_page_writes: "off",
  };
  const server = spawn(
    "/usr/bin/bwrap",
    asClusterUser([
      path.join(bin, "postgres"),
      "-D",
      dataDir,
      ...Object.entries(settings).flatMap(([key, value]) => ["-c", `${key}=${value}`]),
    ]),
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  let stderr = "";
  server.stderr?.on(
    "data",
    (chunk: Buffer) => (stderr = `${stderr}${chunk.toString()}`.slice(-4000)),
  );
  const exited = new Promise<void>((resolve) => server.once("exit", () => resolve()));

  const connect = async (database = "postgres"): Promise<pg.Client> => {
    const client = new pg.Client({
      host: socketDir,
      user: "postgres",
      password: superPassword,
      database,
    });
    await client.connect();
    return client;
  };
  const admin = await waitForServer(connect, server, () => stderr);

  const roles = {} as Record<TAppRoleName, TAppRole>;
  for (const name of appRoles) {
    // A fresh password per start: nothing a grading saw still works in the next process.
    const password = randomBytes(18).toString("hex");
    const found = await admin.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [name]);
    const verb = found.rowCount === 0 ? "CREATE" : "ALTER";
    await admin.query(
      `${verb} ROLE ${quoteIdent(name)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS CONNECTION LIMIT 10 PASSWORD ${quoteLiteral(password)}`,
    );
    roles[name] = { name, password };
  }
  await admin.query("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
  for (const database of ["postgres", "template1"])
    await admin.query(`REVOKE CONNECT, TEMPORARY ON DATABASE ${database} FROM PUBLIC`);

  return {
    slot: options.slot,
    socketDir,
    logFile: path.join(logDir, "postgresql.json"),
    roles,
    connect,
    admin,
    stop: async () => {
      await admin.end().catch(() => undefined);
      const pid = await readPostmasterPid(dataDir);
      if (pid !== null) {
        try {
          process.kill(pid, "SIGINT");
        } catch {
          // already gone
        }
      }
      const timer = setTimeout(() => server.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
      clusters.delete(dir);
    },
  };
}

async function waitForServer(
  connect: () => Promise<pg.Client>,
  server: ChildProcess,
  stderr: () => string,
): Promise<pg.Client> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (server.exitCode !== null)
      throw new Error(`the grading PostgreSQL exited while starting: ${stderr()}`);
    try {
      return await connect();
    } catch (error) {
      if (Date.now() > deadline)
        throw new Error(`the grading PostgreSQL did not start: ${(error as Error).message}`);
      await new Promise((resolve) => setTimeout(resolve, 40));
    }
  }
}

async function readPostmasterPid(dataDir: string): Promise<number | null> {
  const text = await readFile(path.join(dataDir, "postmaster.pid"), "utf8").catch(() => null);
  const pid = Number.parseInt(text?.split("\n")[0] ?? "", 10);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

/** A process that died without shutting down leaves postmaster.pid; a live one keeps it. */
async function removeStalePid(dataDir: string): Promise<void> {
  const pid = await readPostmasterPid(dataDir);
  if (pid === null) return;
  try {
    process.kill(pid, 0);
    throw new Error(`the cluster in ${dataDir} is already running (pid ${pid})`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
    await rm(path.join(dataDir, "postmaster.pid"), { force: true });
  }
}

function runToEnd(argv: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn("/usr/bin/bwrap", argv, { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`${path.basename(argv.at(-12) ?? "")} failed: ${output.slice(-2000)}`)),
    );
  });
}

/**
 * A grading's own database: a clone of `template`, owned by the app role, which alone (besides
 * the superuser) may connect to it.
 */
export async function cloneDatabase(
  cluster: TPostgresCluster,
  template: string,
  owner: TAppRoleName,
): Promise<string> {
  const name = `g_${owner}_${randomBytes(6).toString("hex")}`;
  await cluster.admin.query(
    `CREATE DATABASE ${quoteIdent(name)} TEMPLATE ${quoteIdent(template)} OWNER ${quoteIdent(owner)}`,
  );
  await cluster.admin.query(
    `REVOKE CONNECT, TEMPORARY ON DATABASE ${quoteIdent(name)} FROM PUBLIC`,
  );
  return name;
}

export async function dropDatabase(cluster: TPostgresCluster, name: string): Promise<void> {
  await cluster.admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
}

/**
 * A pack's template database, built once per cluster by `build` (run as superuser inside it)
 * and rebuilt when `version` changes. Gradings clone it.
 */
export async function ensureTemplate(
  cluster: TPostgresCluster,
  name: string,
  version: string,
  build: (client: pg.Client) => Promise<void>,
): Promise<string> {
  const found = await cluster.admin.query<{ version: string | null }>(
    "SELECT shobj_description(oid, 'pg_database') AS version FROM pg_database WHERE datname = $1",
    [name],
  );
  if (found.rows[0]?.version === version) return name;
  if (found.rowCount !== 0) {
    await cluster.admin.query(`ALTER DATABASE ${quoteIdent(name)} IS_TEMPLATE false`);
    await dropDatabase(cluster, name);
  }
  await cluster.admin.query(`CREATE DATABASE ${quoteIdent(name)} TEMPLATE template0`);
  await cluster.admin.query(
    `REVOKE CONNECT, TEMPORARY ON DATABASE ${quoteIdent(name)} FROM PUBLIC`,
  );
  const client = await cluster.connect(name);
  try {
    // In every grading database too, so the counters' functions exist there and refuse the app.
    await client.query("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
    await build(client);
  } finally {
    await client.end();
  }
  await cluster.admin.query(`ALTER DATABASE ${quoteIdent(name)} IS_TEMPLATE true`);
  await cluster.admin.query(`COMMENT ON DATABASE ${quoteIdent(name)} IS ${quoteLiteral(version)}`);
  return name;
}
