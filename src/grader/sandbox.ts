import { spawn } from "node:child_process";
import { lstat, readlink } from "node:fs/promises";
import { graderPythonDir, venvDir } from "./paths.js";

/**
 * Runs one step of untrusted code under bubblewrap.
 *
 * Layering, outside in:
 *  1. bwrap runs as root (no user namespace needed) and builds a fresh mount tree: system
 *     dirs, the Python runtime and the grader helpers read-only, one writable work dir, a
 *     private size-capped /tmp, its own /proc and minimal /dev. New net (loopback only), pid,
 *     ipc and uts namespaces; --die-with-parent so nothing outlives the grader.
 *  2. prlimit sets CPU seconds, address space, process count, file size and open files.
 *  3. setpriv drops to a non-root uid/gid per run slot, clears groups, all capabilities and
 *     sets no_new_privs. RLIMIT_NPROC is counted per real uid and root is exempt from it,
 *     so a fork bomb is only contained because of this drop and because no two concurrent
 *     runs share a uid.
 * The wall clock is enforced from outside: bwrap leads its own process group, which we kill;
 * bwrap's child is pid 1 of the sandbox's pid namespace, so the kernel then kills every
 * process in it, including ones that called setsid().
 */

export interface TSandboxLimits {
  cpuSeconds: number;
  addressSpaceBytes: number;
  processes: number;
  fileSizeBytes: number;
  openFiles: number;
  wallClockMs: number;
  /** Bytes of stdout and of stderr kept (the last ones: they hold the traceback). */
  outputBytes: number;
  tmpBytes: number;
}

export const defaultLimits: TSandboxLimits = {
  cpuSeconds: 60,
  addressSpaceBytes: 1024 * 1024 * 1024,
  processes: 64,
  fileSizeBytes: 64 * 1024 * 1024,
  openFiles: 256,
  wallClockMs: 60_000,
  outputBytes: 64 * 1024,
  tmpBytes: 64 * 1024 * 1024,
};

export interface TSandboxMount {
  hostPath: string;
  sandboxPath: string;
  writable?: boolean;
}

export interface TSandboxOptions {
  /** Run slot; each concurrent run must use its own (see sandboxUid). */
  uid: number;
  argv: string[];
  /** Host dir mounted read-write at /sandbox/project; the cwd unless `cwd` says otherwise. */
  workDir?: string;
  cwd?: string;
  mounts?: TSandboxMount[];
  env?: Record<string, string>;
  limits?: Partial<TSandboxLimits>;
  /** Real runtime paths (pyenv's tree the venv symlinks into). */
  pythonBasePrefix: string;
  onOutput?: (stream: "stdout" | "stderr", text: string) => void;
}

export interface TSandboxResult {
  exitCode: number | null;
  signal: string | null;
  timedOut: boolean;
  stdout: string;
  stderr: string;
  truncated: boolean;
  durationMs: number;
}

export interface TSandboxHandle {
  result: Promise<TSandboxResult>;
  /** Kill everything in the sandbox now. */
  stop: () => void;
}

export const sandboxProjectDir = "/sandbox/project";

/** uid for a candidate-code slot; the grader's own checkers use checkerUid to stay apart. */
export function sandboxUid(slot: number): number {
  return 61_000 + slot;
}
export function checkerUid(slot: number): number {
  return 62_000 + slot;
}

const systemDirs = ["/usr", "/bin", "/lib", "/lib64", "/sbin"];
const systemFiles = ["/etc/ld.so.cache", "/etc/localtime", "/etc/mime.types"];

let systemArgs: Promise<string[]> | null = null;

// Debian's merged /usr makes /bin, /lib... symlinks; recreate them as symlinks so the
// sandbox does not depend on which layout the host has.
async function buildSystemArgs(): Promise<string[]> {
  const args: string[] = [];
  for (const dir of systemDirs) {
    const info = await lstat(dir).catch(() => null);
    if (info === null) continue;
    if (info.isSymbolicLink()) args.push("--symlink", await readlink(dir), dir);
    else args.push("--ro-bind", dir, dir);
  }
  for (const file of systemFiles) {
    if ((await lstat(file).catch(() => null)) !== null) args.push("--ro-bind", file, file);
  }
  return args;
}

function baseEnv(): Record<string, string> {
  return {
    PATH: `${venvDir}/bin:/usr/bin:/bin`,
    HOME: "/tmp",
    LANG: "C.UTF-8",
    LC_ALL: "C.UTF-8",
    TZ: "UTC",
    PYTHONDONTWRITEBYTECODE: "1",
    PYTHONUNBUFFERED: "1",
    PYTHONHASHSEED: "0",
  };
}

export async function buildSandboxArgv(
  options: TSandboxOptions,
  limits: TSandboxLimits,
): Promise<string[]> {
  systemArgs ??= buildSystemArgs();
  // Mount points bwrap creates itself are root-only (0700); the dropped uid must traverse them.
  const mounts: string[] = ["--perms", "0755", "--dir", "/sandbox"];
  if (options.workDir !== undefined) mounts.push("--bind", options.workDir, sandboxProjectDir);
  for (const mount of options.mounts ?? []) {
    mounts.push(
      mount.writable === true ? "--bind" : "--ro-bind",
      mount.hostPath,
      mount.sandboxPath,
    );
  }
  const uid = String(options.uid);
  return [
    "--die-with-parent",
    "--new-session",
    "--unshare-net",
    "--unshare-pid",
    "--unshare-ipc",
    "--unshare-uts",
    "--unshare-cgroup-try",
    "--hostname",
    "sandbox",
    ...(await systemArgs),
    "--proc",
    "/proc",
    "--dev",
    "/dev",
    "--perms",
    "1777",
    "--size",
    String(limits.tmpBytes),
    "--tmpfs",
    "/tmp",
    // After the private /tmp, so a checkout (and its venv) under /tmp is not hidden by it.
    ...traversableParents(options.pythonBasePrefix),
    "--ro-bind",
    options.pythonBasePrefix,
    options.pythonBasePrefix,
    ...traversableParents(venvDir),
    "--ro-bind",
    venvDir,
    venvDir,
    "--ro-bind",
    graderPythonDir,
    "/grader",
    ...mounts,
    "--chdir",
    options.cwd ?? (options.workDir !== undefined ? sandboxProjectDir : "/tmp"),
    "--",
    "/usr/bin/prlimit",
    `--cpu=${limits.cpuSeconds}`,
    `--as=${limits.addressSpaceBytes}`,
    `--nproc=${limits.processes}`,
    `--fsize=${limits.fileSizeBytes}`,
    `--nofile=${limits.openFiles}`,
    "--core=0",
    "--",
    "/usr/bin/setpriv",
    `--reuid=${uid}`,
    `--regid=${uid}`,
    "--clear-groups",
    "--no-new-privs",
    "--inh-caps=-all",
    "--bounding-set=-all",
    "--",
    ...options.argv,
  ];
}

/**
 * bwrap creates missing mount-point parents as root-only dirs; the dropped uid could not
 * reach pyenv's tree under /root. Create each ancestor 0755 first (it holds only the mount).
 */
function traversableParents(target: string): string[] {
  const args: string[] = [];
  const parts = target.split("/").filter((part) => part !== "");
  for (let depth = 1; depth < parts.length; depth += 1) {
    const dir = `/${parts.slice(0, depth).join("/")}`;
    // /tmp is already the sandbox's own tmpfs; re-creating it would change its mode.
    if (dir !== "/tmp") args.push("--perms", "0755", "--dir", dir);
  }
  return args;
}

class TailBuffer {
  private chunks: Buffer[] = [];
  private size = 0;
  truncated = false;
  constructor(private readonly limit: number) {}
  push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.size += chunk.length;
    while (this.size > this.limit && this.chunks.length > 1) {
      const first = this.chunks.shift();
      this.size -= first?.length ?? 0;
      this.truncated = true;
    }
    if (this.size > this.limit) {
      const only = Buffer.concat(this.chunks);
      this.chunks = [only.subarray(only.length - this.limit)];
      this.size = this.limit;
      this.truncated = true;
    }
  }
  text(): string {
    return Buffer.concat(this.chunks).toString("utf8");
  }
}

export function startSandboxed(options: TSandboxOptions): TSandboxHandle {
  const limits = { ...defaultLimits, ...options.limits };
  let stopRequested = false;
  let stopFn: () => void = () => {
    stopRequested = true;
  };
  const result = (async (): Promise<TSandboxResult> => {
    const argv = await buildSandboxArgv(options, limits);
    const started = performance.now();
    // env is built from scratch: nothing of the grader's process.env reaches candidate code.
    const child = spawn("/usr/bin/bwrap", argv, {
      env: { ...baseEnv(), ...options.env },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    const stdout = new TailBuffer(limits.outputBytes);
    const stderr = new TailBuffer(limits.outputBytes);
    let timedOut = false;
    let exited = false;
    const kill = (): void => {
      if (exited || child.pid === undefined) return;
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        // already gone
      }
    };
    stopFn = kill;
    if (stopRequested) kill();
    const timer = setTimeout(() => {
      timedOut = true;
      kill();
    }, limits.wallClockMs);
    child.stdout.on("data", (chunk: Buffer) => {
      stdout.push(chunk);
      options.onOutput?.("stdout", chunk.toString("utf8"));
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr.push(chunk);
      options.onOutput?.("stderr", chunk.toString("utf8"));
    });
    return new Promise<TSandboxResult>((resolve) => {
      const finish = (exitCode: number | null, signal: string | null): void => {
        exited = true;
        clearTimeout(timer);
        resolve({
          exitCode,
          signal,
          timedOut,
          stdout: stdout.text(),
          stderr: stderr.text(),
          truncated: stdout.truncated || stderr.truncated,
          durationMs: Math.round(performance.now() - started),
        });
      };
      child.on("error", (error) => {
        stderr.push(Buffer.from(`could not start bwrap: ${error.message}`));
        finish(null, null);
      });
      child.on("close", (code, signal) => finish(code, signal));
    });
  })();
  return { result, stop: () => stopFn() };
}

export function runSandboxed(options: TSandboxOptions): Promise<TSandboxResult> {
  return startSandboxed(options).result;
}

/** The last lines of a step's output, for messages a hiring manager reads. */
export function lastLines(result: Pick<TSandboxResult, "stdout" | "stderr">, count = 8): string {
  const text = `${result.stdout}\n${result.stderr}`.trim();
  return text.split("\n").slice(-count).join("\n");
}
