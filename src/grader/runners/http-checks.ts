import { randomBytes } from "node:crypto";
import { chmod, chown, mkdir } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { venvPython } from "../paths.js";
import { cleanPaths, describeStepFailure } from "../root-cause.js";
import { lastLines, runSandboxed, startSandboxed } from "../sandbox.js";
import { blockedCheck, type TRunnerCheck, type TRunnerContext } from "./runner.js";

const serverReady = "SHORTLIST-SERVER-READY";
const usersFailed = "SHORTLIST-USERS-FAILED";

const ZCheckerOutput = z.object({
  nonce: z.string().max(64),
  planned: z.array(z.string().max(300)).max(500),
  checks: z
    .array(
      z.object({
        group: z.string().max(64),
        name: z.string().max(200),
        passed: z.boolean(),
        status: z.enum(["passed", "failed", "blocked"]),
        blockedBy: z.string().max(100).optional(),
        message: z.string().max(4000),
      }),
    )
    .max(500),
});

/**
 * How the grader reaches a server in a sandbox with no network: the candidate's WSGI app is
 * served by our serve_unix.py on a unix socket in a dir bind-mounted into the sandbox. The
 * hidden checks then run in a second sandbox — another uid, no access to the candidate's files,
 * only the socket dir and the pack's hidden/ dir (mounted only for that run) — and talk HTTP
 * over the socket. Candidate code can answer requests, nothing more: it cannot see the checks
 * or alter their results.
 */
export async function runHttpChecks(
  ctx: TRunnerContext,
  script: string,
  usernames: string[],
): Promise<TRunnerCheck[]> {
  // Fixed passwords: the same submission must grade the same way twice.
  const users = JSON.stringify(
    usernames.map((username) => ({ username, password: `${username}-Grader-Pass-1` })),
  );
  const socketDir = path.join(ctx.gradeDir, "sock");
  await mkdir(socketDir, { recursive: true });
  await chown(socketDir, ctx.uid, ctx.uid);
  await chmod(socketDir, 0o755);

  // What blocks every check: the step that failed first, and why.
  let notRun: { step: string; reason: string } | null =
    ctx.migrationFailure === null ? null : { step: "migrate", reason: ctx.migrationFailure };
  let server: ReturnType<typeof startSandboxed> | null = null;
  if (notRun === null) {
    const started = performance.now();
    let output = "";
    let announceReady: () => void = () => undefined;
    const ready = new Promise<void>((resolve) => (announceReady = resolve));
    server = startSandboxed({
      uid: ctx.uid,
      argv: [venvPython, "-I", "/grader/serve_unix.py", "/sandbox/sock/api.sock", users],
      workDir: ctx.projectDir,
      mounts: [{ hostPath: socketDir, sandboxPath: "/sandbox/sock", writable: true }],
      pythonBasePrefix: ctx.runtime.basePrefix,
      limits: {
        wallClockMs: ctx.steps.serverStartMs + ctx.steps.checksMs,
        cpuSeconds: Math.ceil((ctx.steps.serverStartMs + ctx.steps.checksMs) / 1000),
      },
      onOutput: (stream, text) => {
        if (stream !== "stdout") return;
        output += text;
        if (output.includes(serverReady)) announceReady();
      },
    });
    let timer: NodeJS.Timeout | undefined;
    const outcome = await Promise.race([
      ready.then(() => "ready" as const),
      server.result.then(() => "exited" as const),
      new Promise<"slow">(
        (resolve) => (timer = setTimeout(() => resolve("slow"), ctx.steps.serverStartMs)),
      ),
    ]);
    clearTimeout(timer);
    ctx.timings.serverStart = Math.round(performance.now() - started);
    if (outcome !== "ready") {
      server.stop();
      const result = await server.result;
      const why = describeStepFailure("the server start", result, ctx.steps.serverStartMs);
      notRun = result.stdout.includes(usersFailed)
        ? {
            step: "creating the test users",
            reason: `the test users could not be created through the user model: ${cleanPaths(
              /SHORTLIST-USERS-FAILED (.*)/.exec(result.stdout)?.[1] ?? "",
            )}`,
          }
        : outcome === "slow"
          ? {
              step: "the server start",
              reason: `the server did not start within ${Math.round(ctx.steps.serverStartMs / 1000)} s${lastLines(result) ? `:\n${cleanPaths(lastLines(result, 4))}` : "."}`,
            }
          : {
              step: "the server start",
              reason: why.replace(
                /^the server start failed: /,
                "the server stopped while starting: ",
              ),
            };
      server = null;
    }
  }

  const nonce = randomBytes(16).toString("hex");
  const checker = await runSandboxed({
    uid: ctx.checkerUid,
    argv: [
      venvPython,
      "-I",
      `/sandbox/hidden/${path.posix.relative("hidden", script)}`,
      "/sandbox/sock/api.sock",
      nonce,
      users,
    ],
    mounts: [
      { hostPath: ctx.pack.hiddenDir, sandboxPath: "/sandbox/hidden" },
      { hostPath: socketDir, sandboxPath: "/sandbox/sock" },
    ],
    pythonBasePrefix: ctx.runtime.basePrefix,
    limits: { wallClockMs: ctx.steps.checksMs, outputBytes: 1024 * 1024 },
  });
  ctx.timings.httpChecks = checker.durationMs;
  server?.stop();
  const serverResult = server === null ? null : await server.result;

  const parsed = ZCheckerOutput.safeParse(safeJson(checker.stdout));
  if (
    !parsed.success ||
    parsed.data.nonce !== nonce ||
    parsed.data.checks.length !== parsed.data.planned.length
  ) {
    // The checker is our code and sees nothing of the candidate's: this is a grader fault.
    throw new Error(`hidden checks ${script} produced no complete result: ${lastLines(checker)}`);
  }
  const serverDied =
    serverResult !== null && !serverResult.timedOut && serverResult.signal !== "SIGKILL";
  const blocked = notRun;
  return parsed.data.checks.map((check): TRunnerCheck => {
    if (blocked !== null)
      return blockedCheck(check.group, check.name, blocked.step, blocked.reason);
    const own = { ...check, message: cleanPaths(check.message) };
    if (check.passed || !serverDied || check.status === "blocked") return own;
    return {
      ...own,
      message: `${own.message}\n${describeStepFailure("The server", serverResult, ctx.steps.checksMs).replace(/^The server failed/, "The server stopped during the checks")}`,
    };
  });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
