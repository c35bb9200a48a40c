/**
 * The one owner of what a submission may hold and where its project is: the upload check
 * (src/modules/assessments/submission-zip.ts), the file browser and the grader's unpacker all
 * call these, so a rule changes in one place.
 */

/** A submission we refuse to unpack; `message` is written for the hiring manager. */
export class SubmissionError extends Error {
  override readonly name = "SubmissionError";
}

// Never graded nor shown, and a stale database or bytecode from the candidate's machine would
// make two gradings of the same project differ.
export const droppedNames: ReadonlySet<string> = new Set([
  "__MACOSX",
  "__pycache__",
  ".DS_Store",
  "db.sqlite3",
  ".git",
  ".pytest_cache",
]);

/** True when any part of the (slash-separated) relative path is dropped. */
export function isDropped(relative: string): boolean {
  return relative.split("/").some((part) => droppedNames.has(part));
}

/** Rejects anything that could land outside the project; returns the normalised relative path. */
export function checkEntryPath(name: string): string {
  if (name.includes("\0")) throw new SubmissionError(`A file name in the submission is malformed.`);
  const slashed = name.replace(/\\/g, "/");
  if (slashed.startsWith("/") || /^[a-zA-Z]:/.test(slashed)) {
    throw new SubmissionError(
      `The submission contains a file with an absolute path ('${name}'). Files must be inside the project folder.`,
    );
  }
  const parts = slashed.split("/").filter((part) => part !== "" && part !== ".");
  if (parts.includes("..")) {
    throw new SubmissionError(
      `The submission contains a path that points outside the project ('${name}'), which is not allowed.`,
    );
  }
  return parts.join("/");
}

/** yauzl refuses unsafe names itself, before we see the entry: turn its error into ours. */
export function unsafeNameError(error: unknown): SubmissionError | null {
  const message = error instanceof Error ? error.message : "";
  const unsafe = /^(invalid relative path|absolute path): (.*)$/.exec(message);
  if (unsafe === null) return null;
  try {
    checkEntryPath(unsafe[2] ?? "");
  } catch (refused) {
    if (refused instanceof SubmissionError) return refused;
  }
  return new SubmissionError(`A file name in the submission is not allowed ('${unsafe[2]}').`);
}

export const projectRootRule =
  "manage.py at the top of the submission or inside its single top folder";

/**
 * Where the project is, given the submission's file paths (normalised, dropped ones left out):
 * "" when manage.py is at the top, "folder/" when everything is in one top folder holding
 * manage.py, null otherwise.
 */
export function projectRootOf(files: readonly string[]): string | null {
  if (files.includes("manage.py")) return "";
  const tops = new Set(files.map((file) => (file.includes("/") ? `${file.split("/")[0]}/` : file)));
  const [only] = tops;
  if (
    tops.size === 1 &&
    only !== undefined &&
    only.endsWith("/") &&
    files.includes(`${only}manage.py`)
  )
    return only;
  return null;
}
