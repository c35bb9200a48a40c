import { graderPythonDir, repoRoot, venvDir } from "./paths.js";
import { sandboxProjectDir, type TSandboxResult } from "./sandbox.js";

/**
 * What a hiring manager reads when a step fails: the root cause first (exception type, message,
 * project-relative file:line), then the candidate's own frames. Paths outside the project never
 * reach a report: the Python installation, the runtime's venv and the grader's helpers are
 * rewritten to short names, frames in them are dropped.
 */

export interface TRootCause {
  type: string;
  message: string;
  file: string | null;
  line: number | null;
  /** The candidate's own frames, innermost last: "tasks/views.py, line 27, in get". */
  frames: string[];
}

const frameLine = /^\s*File "([^"]+)", line (\d+)(?:, in (.+))?$/;
const exceptionLine = /^([A-Za-z_][\w.]*)(?::\s?(.*))?$/;
const projectPrefix = `${sandboxProjectDir}/`;

/** Rewrites host and sandbox paths; `extra` adds this grading's own dirs (its temp folder). */
export function cleanPaths(text: string, extra: string[] = []): string {
  let cleaned = text.replaceAll(projectPrefix, "");
  const replacements: [RegExp, string][] = [
    [/\S*\/site-packages\//g, "<packages>/"],
    [/\S*\/lib\/python3\.\d+\//g, "<python>/"],
    [new RegExp(`${escape(venvDir)}/?`, "g"), "<runtime>/"],
    [new RegExp(`${escape(graderPythonDir)}/?`, "g"), "<grader>/"],
    [new RegExp(`${escape(repoRoot)}/?`, "g"), "<grader>/"],
    [/(^|[\s"'(])\/grader\//g, "$1<grader>/"],
    [/(^|[\s"'(])\/sandbox\/[\w./-]*/g, "$1<sandbox>"],
  ];
  for (const dir of extra) replacements.push([new RegExp(`${escape(dir)}/?`, "g"), ""]);
  for (const [pattern, replacement] of replacements)
    cleaned = cleaned.replace(pattern, replacement);
  return cleaned;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The last traceback in the output, or null when there is none. */
export function rootCause(output: string): TRootCause | null {
  const lines = output.split("\n");
  const start = lines
    .map((line) => line.startsWith("Traceback (most recent call last)"))
    .lastIndexOf(true);
  const syntaxStart = start === -1 ? lines.findIndex((line) => frameLine.test(line)) : start;
  if (syntaxStart === -1) return null;
  const block = lines.slice(syntaxStart);
  let type = "";
  let message = "";
  for (let index = block.length - 1; index >= 0; index -= 1) {
    const line = block[index] ?? "";
    if (line.startsWith(" ") || line.trim() === "") continue;
    const match = exceptionLine.exec(line.trim());
    if (
      match !== null &&
      /Error|Exception|Exit|Interrupt|Warning|Configured|DoesNotExist|^[A-Z]/.test(match[1] ?? "")
    ) {
      type = (match[1] ?? "").split(".").pop() ?? "";
      message = (match[2] ?? "").trim();
      break;
    }
  }
  if (type === "") return null;
  const frames: { file: string; line: number; where: string | null }[] = [];
  for (const line of block) {
    const match = frameLine.exec(line);
    if (match === null) continue;
    const file = match[1] ?? "";
    if (!file.startsWith(projectPrefix) || file.includes("/site-packages/")) continue;
    frames.push({
      file: file.slice(projectPrefix.length),
      line: Number(match[2]),
      where: match[3] ?? null,
    });
  }
  const last = frames.at(-1) ?? null;
  return {
    type,
    message: cleanPaths(message).slice(0, 500),
    file: last?.file ?? null,
    line: last?.line ?? null,
    frames: frames
      .slice(-6)
      .map(
        (frame) => `${frame.file}, line ${frame.line}${frame.where ? `, in ${frame.where}` : ""}`,
      ),
  };
}

/** "SyntaxError: expected ':' (tasks/views.py, line 27)" */
export function formatRootCause(cause: TRootCause): string {
  const where = cause.file === null ? "" : ` (${cause.file}, line ${cause.line})`;
  return `${cause.type}${cause.message ? `: ${cause.message}` : ""}${where}`;
}

function tail(text: string, count: number): string {
  return text.trim().split("\n").slice(-count).join("\n");
}

/**
 * "migrate failed: SyntaxError: expected ':' (tasks/views.py, line 27)" and the candidate's
 * frames, or the step's last output lines (cleaned) when it printed no traceback.
 */
export function describeStepFailure(
  step: string,
  result: Pick<TSandboxResult, "stdout" | "stderr" | "timedOut">,
  wallClockMs: number,
): string {
  if (result.timedOut) {
    const output = cleanPaths(tail(`${result.stdout}\n${result.stderr}`, 6));
    return `${step} did not finish within ${Math.round(wallClockMs / 1000)} s${output ? `:\n${output}` : "."}`;
  }
  const cause = rootCause(result.stderr) ?? rootCause(result.stdout);
  if (cause !== null) {
    const frames =
      cause.frames.length > 1 ? `\nIn the project's code:\n  ${cause.frames.join("\n  ")}` : "";
    return `${step} failed: ${formatRootCause(cause)}${frames}`;
  }
  const output = cleanPaths(tail(`${result.stdout}\n${result.stderr}`, 8));
  return `${step} failed${output ? `:\n${output}` : " without output."}`;
}
