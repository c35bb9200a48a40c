import { mkdtemp, chown, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureRuntime, type TRuntimeInfo } from "./runtime.js";
import { runSandboxed, sandboxUid, type TSandboxOptions } from "./sandbox.js";
import { repoRoot, venvPython } from "./paths.js";

let runtime: TRuntimeInfo;
let workDir: string;
const slot = 40;

function py(code: string, extra: Partial<TSandboxOptions> = {}) {
  return runSandboxed({
    uid: sandboxUid(slot),
    argv: [venvPython, "-c", code],
    workDir,
    pythonBasePrefix: runtime.basePrefix,
    ...extra,
  });
}

beforeAll(async () => {
  runtime = await ensureRuntime();
  workDir = await mkdtemp(path.join(os.tmpdir(), "shortlist-sandbox-test-"));
  await chown(workDir, sandboxUid(slot), sandboxUid(slot));
}, 600_000);

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

describe("sandbox", () => {
  it("runs as a non-root uid with a clean environment", async () => {
    process.env.SHORTLIST_SECRET_FOR_TEST = "leak";
    const result = await py(
      "import os, json; print(json.dumps([os.getuid(), os.getgid(), os.getgroups(), dict(os.environ)]))",
    );
    delete process.env.SHORTLIST_SECRET_FOR_TEST;
    expect(result.exitCode).toBe(0);
    const [uid, gid, groups, env] = JSON.parse(result.stdout) as [
      number,
      number,
      number[],
      Record<string, string>,
    ];
    expect(uid).toBe(sandboxUid(slot));
    expect(gid).toBe(sandboxUid(slot));
    expect(groups).toEqual([]);
    expect(Object.keys(env)).not.toContain("SHORTLIST_SECRET_FOR_TEST");
  });

  it("has no network", async () => {
    const result = await py(
      "import socket\ntry:\n socket.create_connection(('127.0.0.1', 5432), timeout=3); print('connected')\nexcept OSError as e: print('blocked', e)\n" +
        "try:\n socket.create_connection(('1.1.1.1', 80), timeout=3); print('connected')\nexcept OSError as e: print('blocked', e)",
    );
    expect(result.stdout).not.toContain("connected");
    expect(result.stdout.match(/blocked/g)?.length).toBe(2);
  });

  it("cannot read /root, the repo or host secrets", async () => {
    const result = await py(
      `import os\nfor p in ['/root', '${repoRoot}package.json', '${repoRoot}src', '/etc/shadow', '/etc/passwd', '/home']:\n  print(p, os.path.exists(p) and os.access(p, os.R_OK) and (os.listdir(p) if os.path.isdir(p) else 'readable'))`,
    );
    expect(result.exitCode).toBe(0);
    for (const line of result.stdout.trim().split("\n")) {
      // /root and the repo exist only as mount points of pyenv's tree and the venv; nothing else is visible.
      expect(line).toMatch(/ (False|\['\.pyenv'\])$/);
    }
  });

  it("can write only its work dir and /tmp", async () => {
    const result = await py(
      `import os\nfor p in ['/sandbox/project/ok.txt', '/tmp/ok.txt', '/usr/evil', '${runtime.basePrefix}/evil', '/grader/evil', '/evil']:\n  try:\n    open(p, 'w').write('x'); print(p, 'written')\n  except OSError as e: print(p, 'denied')`,
    );
    expect(result.stdout).toContain("/sandbox/project/ok.txt written");
    expect(result.stdout).toContain("/tmp/ok.txt written");
    expect(result.stdout.match(/denied/g)?.length).toBe(4);
    expect(await readFile(path.join(workDir, "ok.txt"), "utf8")).toBe("x");
  });

  it("contains a fork bomb", async () => {
    const started = Date.now();
    const result = await py(
      "import os, time\nn = 0\nfor _ in range(10000):\n  try:\n    if os.fork() == 0:\n      time.sleep(30); os._exit(0)\n    n += 1\n  except OSError:\n    break\nprint('forked', n)",
      { limits: { processes: 32, wallClockMs: 10_000 } },
    );
    const forked = Number(/forked (\d+)/.exec(result.stdout)?.[1]);
    expect(forked).toBeLessThan(32);
    // The children sleep, but end with the sandbox's pid namespace when the parent exits.
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it("contains a memory bomb", async () => {
    const result = await py("x = []\nwhile True:\n  x.append(bytearray(50 * 1024 * 1024))", {
      limits: { addressSpaceBytes: 512 * 1024 * 1024 },
    });
    expect(result.exitCode).not.toBe(0);
    expect(result.stderr).toContain("MemoryError");
  });

  it("kills an infinite loop (and its children) at the wall clock", async () => {
    const started = Date.now();
    const result = await py("import os, time\nos.fork(); os.setsid()\nwhile True: pass", {
      limits: { wallClockMs: 1500 },
    });
    expect(result.timedOut).toBe(true);
    expect(Date.now() - started).toBeLessThan(5000);
    const ps = await runSandboxed({
      uid: sandboxUid(slot),
      argv: ["/bin/sh", "-c", "echo done"],
      pythonBasePrefix: runtime.basePrefix,
    });
    expect(ps.stdout.trim()).toBe("done");
  });

  it("stops CPU hogs at the CPU limit and caps file size and output", async () => {
    const cpu = await py("while True: pass", { limits: { cpuSeconds: 1, wallClockMs: 10_000 } });
    expect(cpu.timedOut).toBe(false);
    expect(cpu.signal ?? cpu.exitCode).not.toBe(0);
    const big = await py("open('big', 'wb').write(b'x' * 2_000_000)", {
      limits: { fileSizeBytes: 1_000_000 },
    });
    expect(big.exitCode).not.toBe(0);
    const chatty = await py("print('y' * 1_000_000)", { limits: { outputBytes: 1000 } });
    expect(chatty.stdout.length).toBeLessThanOrEqual(1000);
    expect(chatty.truncated).toBe(true);
  });
});
