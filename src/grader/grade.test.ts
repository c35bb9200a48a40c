import { readdir, readFile } from "node:fs/promises";
import { beforeAll, describe, expect, it } from "vitest";
import os from "node:os";
import { gradeSubmission, type TGradeReport } from "./grade.js";
import { checkerUid, sandboxUid } from "./sandbox.js";
import { loadPack } from "./pack.js";
import { ensureRuntime } from "./runtime.js";
import {
  appendTo,
  variantOf,
  writeZip,
  writeZipSlip,
  zipDirectory,
} from "../test-support/grader-submissions.js";
import type { TStepLimits } from "./runners/runner.js";

// Every grading starts in beforeAll and runs concurrently through the grader's own limiter
// (one slot per CPU); the tests then read the reports. Keeps the file well under 3 minutes.
const reports = new Map<string, Promise<TGradeReport>>();
let referenceDir = "";
let starterDir = "";

function grade(name: string, source: string, steps?: Partial<TStepLimits>): void {
  reports.set(name, gradeSubmission({ packId: "rest-api", source, ...(steps ? { steps } : {}) }));
}
async function report(name: string): Promise<TGradeReport> {
  const found = reports.get(name);
  if (found === undefined) throw new Error(`no grading named ${name}`);
  return found;
}
function check(result: TGradeReport, group: string, name: string) {
  const found = result.groups.find((g) => g.id === group)?.checks.find((c) => c.name === name);
  if (found === undefined) throw new Error(`no check ${group}/${name}`);
  return found;
}
function groupScore(result: TGradeReport, group: string): string {
  const found = result.groups.find((g) => g.id === group);
  return `${found?.passed}/${found?.total}`;
}
const withoutTimings = (result: TGradeReport) => ({ ...result, timings: {} });

const ownUids = new Set(
  Array.from({ length: os.cpus().length }, (_, slot) => [
    sandboxUid(slot),
    checkerUid(slot),
  ]).flat(),
);

async function sandboxProcessesLeft(): Promise<number> {
  let count = 0;
  for (const pid of await readdir("/proc")) {
    if (!/^\d+$/.test(pid)) continue;
    const status = await readFile(`/proc/${pid}/status`, "utf8").catch(() => "");
    const uid = Number(/^Uid:\s+(\d+)/m.exec(status)?.[1]);
    // Only the uids of this file's slots: other suites on the machine grade in theirs.
    if (ownUids.has(uid)) count += 1;
  }
  return count;
}

const breakingMiddleware = `
import sys, time

class NeverReady:
    def __init__(self, get_response):
        if "pytest" not in sys.modules:
            time.sleep(3600)
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)
`;

beforeAll(async () => {
  await ensureRuntime();
  const pack = await loadPack("rest-api");
  referenceDir = pack.referenceDir;
  starterDir = pack.starterDir;

  grade("reference-zip", await zipDirectory(referenceDir));
  grade("starter-zip", await zipDirectory(starterDir));
  grade("starter", starterDir);
  grade(
    "not-a-zip",
    await writeZip([]).then(async (file) => {
      const { writeFile } = await import("node:fs/promises");
      await writeFile(file, "this is a Word document, honest");
      return file;
    }),
  );
  grade(
    "zip-bomb",
    await writeZip([
      { name: "manage.py", data: "" },
      { name: "big.bin", data: Buffer.alloc(60 * 1024 * 1024) },
    ]),
  );
  grade("zip-slip", await writeZipSlip());
  grade(
    "symlink",
    await writeZip([
      { name: "manage.py", data: "" },
      { name: "passwd", data: "/etc/passwd", mode: 0o120777 },
    ]),
  );
  grade(
    "no-manage",
    await writeZip([
      { name: "app/readme.txt", data: "hello" },
      { name: "other/x.py", data: "" },
    ]),
  );
  grade(
    "syntax-error",
    await variantOf(referenceDir, {
      "tasks/views.py":
        "from rest_framework import viewsets\n\nclass TaskViewSet(viewsets.ModelViewSet:\n    pass\n",
    }),
  );
  grade(
    "failing-migration",
    await variantOf(referenceDir, {
      "tasks/migrations/0002_boom.py":
        "from django.db import migrations\n\n\ndef boom(apps, schema_editor):\n    raise RuntimeError('boom: data migration failed')\n\n\nclass Migration(migrations.Migration):\n    dependencies = [('tasks', '0001_initial')]\n    operations = [migrations.RunPython(boom)]\n",
    }),
  );
  const neverStarts = await variantOf(referenceDir, { "tasks/middleware.py": breakingMiddleware });
  await appendTo(
    neverStarts,
    "config/settings.py",
    "MIDDLEWARE = [*MIDDLEWARE, 'tasks.middleware.NeverReady']\n",
  );
  grade("server-never-starts", neverStarts, { serverStartMs: 5000 });
  const loop = await variantOf(referenceDir, {});
  await appendTo(
    loop,
    "tasks/views.py",
    "    def list(self, request, *args, **kwargs):\n        while True:\n            pass\n",
  );
  grade("infinite-loop", loop, { checksMs: 40_000 });
  grade(
    "fork-bomb",
    await variantOf(referenceDir, {
      "tasks/tests.py":
        "import os\n\nwhile True:\n    try:\n        os.fork()\n    except OSError:\n        pass\n",
    }),
    { stepMs: 10_000 },
  );
  grade(
    "hostile-tests",
    await variantOf(referenceDir, {
      "tasks/test_escape.py": `import socket
from pathlib import Path


def test_memory_bomb():
    hog = []
    while True:
        hog.append(bytearray(64 * 1024 * 1024))


def test_network_to_host_postgres():
    socket.create_connection(("127.0.0.1", 5432), timeout=2).close()


def test_network_to_internet():
    socket.create_connection(("1.1.1.1", 80), timeout=2).close()


def test_read_host_files():
    assert Path("/root/.bashrc").read_text()


def test_read_repo():
    assert Path("${process.cwd()}/package.json").read_text()


def test_write_outside():
    Path("/usr/escaped").write_text("x")
`,
    }),
  );
  grade(
    "tamper",
    await variantOf(referenceDir, {
      "conftest.py":
        "import pytest\n\n\n@pytest.hookimpl(hookwrapper=True)\ndef pytest_runtest_makereport(item, call):\n    outcome = yield\n    outcome.get_result().outcome = 'passed'\n",
      "tasks/test_patch.py":
        "import unittest\n\nunittest.TestCase.run = lambda self, result=None: None\n\n\nclass Broken(unittest.TestCase):\n    def test_fails(self):\n        self.fail('real failure')\n",
    }),
  );
  // Surface crashes early rather than as a later timeout.
  await Promise.all(reports.values());
}, 480_000);

describe("gradeSubmission", () => {
  it("gives the reference solution 100 and a clean integrity verdict", async () => {
    const result = await report("reference-zip");
    expect(result.status).toBe("graded");
    const failing = result.groups.flatMap((g) => g.checks.filter((c) => !c.passed));
    expect(failing).toEqual([]);
    expect(result.score).toBe(100);
    expect(result.integrity).toEqual({ verdict: "clean", findings: [] });
    expect(Object.keys(result.timings)).toEqual(
      expect.arrayContaining([
        "unpack",
        "integrity",
        "migrate",
        "check",
        "makemigrations",
        "tests",
        "serverStart",
        "httpChecks",
        "total",
      ]),
    );
  });

  it("is deterministic: the same project (zip or folder) grades the same", async () => {
    expect(withoutTimings(await report("starter-zip"))).toEqual(
      withoutTimings(await report("starter")),
    );
  });

  it("gives the starter a low score with clear messages", async () => {
    const result = await report("starter");
    expect(result.status).toBe("graded");
    expect(result.score).toBeLessThan(20);
    expect(result.integrity.verdict).toBe("clean");
    expect(check(result, "auth", "valid credentials return a token").message).toContain(
      'POST /api/auth/token/ with {"username": "alice"',
    );
    expect(check(result, "hygiene", "the project has its own tests").passed).toBe(false);
  });

  it.each([
    ["not-a-zip", /not a zip file/],
    ["zip-bomb", /more than 50\.0 MB/],
    ["zip-slip", /outside the project \('\.\.\/evil\.py'\)/],
    ["symlink", /symbolic link \('passwd'\)/],
    ["no-manage", /No manage\.py was found/],
  ])("refuses %s with a message for the hiring manager", async (name, message) => {
    const result = await report(name);
    expect(result.status).toBe("error");
    expect(result.error?.kind).toBe("submission");
    expect(result.error?.message).toMatch(message);
    expect(result.score).toBe(0);
  });

  it("reports a syntax error in the project", async () => {
    const result = await report("syntax-error");
    expect(result.status).toBe("graded");
    // The root cause first: type, message and project-relative file:line, no host paths.
    expect(check(result, "hygiene", "migrations apply to a fresh database").message).toMatch(
      /^migrate failed: SyntaxError: .+ \(tasks\/views\.py, line 3\)/,
    );
    expect(check(result, "hygiene", "manage.py check reports no problems").message).toContain(
      "SyntaxError",
    );
    expect(groupScore(result, "crud")).toBe("0/6");
    const crud = result.groups.find((g) => g.id === "crud");
    expect(crud?.blocked).toBe(6);
    expect(crud?.note).toBe("not evaluated: the migrations failed");
    expect(check(result, "crud", "create returns 201 with the task").message).toMatch(
      /^blocked by migrate: migrate failed: SyntaxError/,
    );
    expect(JSON.stringify(result)).not.toMatch(/\/sandbox\/|site-packages|\.runtime\/venv/);
  });

  it("reports a failing migration and does not run the API checks", async () => {
    const result = await report("failing-migration");
    expect(check(result, "hygiene", "migrations apply to a fresh database").message).toContain(
      "boom: data migration failed",
    );
    const blocked = check(result, "crud", "create returns 201 with the task");
    expect(blocked.status).toBe("blocked");
    expect(blocked.blockedBy).toBe("migrate");
    expect(blocked.message).toMatch(
      /^blocked by migrate: migrate failed: RuntimeError: boom: data migration failed \(tasks\/migrations\/0002_boom\.py, line 5\)/,
    );
  });

  it("reports a server that never starts", async () => {
    const result = await report("server-never-starts");
    expect(check(result, "auth", "valid credentials return a token").message).toMatch(
      /^blocked by the server start: the server did not start within 5 s/,
    );
    expect(check(result, "hygiene", "the project's own tests pass").passed).toBe(true);
  });

  it("survives an infinite loop in a view", async () => {
    const result = await report("infinite-loop");
    expect(result.status).toBe("graded");
    expect(check(result, "auth", "listing tasks without a token is 401").passed).toBe(true);
    expect(
      check(result, "pagination", "list is paginated with count, next, previous, results").message,
    ).toMatch(/no answer within 5 s|stopped answering/);
    expect(result.timings.httpChecks).toBeLessThan(40_000);
  });

  it("contains a fork bomb in the tests and leaves no process behind", async () => {
    const result = await report("fork-bomb");
    expect(result.status).toBe("graded");
    expect(check(result, "hygiene", "the project's own tests pass").message).toMatch(
      /did not finish within 10 s/,
    );
    expect(groupScore(result, "crud")).toBe("6/6");
    expect(await sandboxProcessesLeft()).toBe(0);
  });

  it("keeps memory bombs, network and host files out of reach", async () => {
    const result = await report("hostile-tests");
    const message = check(result, "hygiene", "the project's own tests pass").message;
    for (const test of [
      "memory_bomb",
      "network_to_host_postgres",
      "network_to_internet",
      "read_host_files",
      "read_repo",
      "write_outside",
    ]) {
      expect(message).toContain(`test_${test}`);
    }
    expect(message).toMatch(/^6 of 12 tests failed/);
    expect(check(result, "hygiene", "the project's own tests pass").details).toContain("failed");
    expect(groupScore(result, "isolation")).toBe("5/5");
    expect(result.integrity.verdict).toBe("suspicious");
    expect(result.integrity.findings.map((f) => f.reason)).toEqual(
      expect.arrayContaining(["opens network connections", "refers to files outside the project"]),
    );
  });

  it("marks a conftest hook on test results as tampering and catches patched results", async () => {
    const result = await report("tamper");
    expect(result.integrity.verdict).toBe("tampered");
    const files = result.integrity.findings.map((f) => f.file);
    expect(files).toEqual(
      expect.arrayContaining(["conftest.py", "tasks/test_patch.py", "(test run)"]),
    );
    expect(check(result, "hygiene", "the project's own tests pass").passed).toBe(false);
    // Reported beside the score, never silently turned into zero.
    expect(result.score).toBeGreaterThan(90);
  });
});
