import { fileURLToPath } from "node:url";
import path from "node:path";

// Two levels up from both src/grader/*.ts and dist/grader/*.js, so the same code finds the repo
// whether it runs through tsx/vitest or compiled.
export const repoRoot = fileURLToPath(new URL("../../", import.meta.url));

export const runtimeDir = path.join(repoRoot, "runtime");
export const requirementsFile = path.join(runtimeDir, "requirements.txt");
/** Grader-owned Python helpers (WSGI-over-unix-socket server, pytest driver). Never candidate code. */
export const graderPythonDir = path.join(runtimeDir, "grader");
export const venvDir = path.join(repoRoot, ".runtime", "venv");
export const venvPython = path.join(venvDir, "bin", "python");
export const runtimeInfoFile = path.join(venvDir, "shortlist-runtime.json");
export const assessmentsDir = path.join(repoRoot, "assessments");
