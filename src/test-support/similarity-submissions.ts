import { readFile } from "node:fs/promises";
import path from "node:path";

/**
 * A copy that hides where it came from the way people do: every name the author chose is
 * renamed (classes, locals, attributes), comments are reworded and blank lines moved. Names
 * inside strings and the framework's own names stay, so the copy still runs and grades.
 */
const renames: Record<string, string> = {
  TaskViewSet: "TodoEndpoint",
  TaskSerializer: "TodoPayload",
  TaskApiTests: "TodoEndpointTests",
  TaskAdmin: "TodoAdminPanel",
  tasks: "owned",
  serializer: "incoming",
  user_model: "people",
  response: "reply",
  body: "payload",
  page: "listing",
  alice: "first_user",
  bob: "second_user",
  router: "api_router",
};

// A string (single or double quoted, f-strings included), a comment, or a name.
const LEXEME =
  /([fFrRbB]{0,2}"(?:[^"\\\n]|\\.)*"|[fFrRbB]{0,2}'(?:[^'\\\n]|\\.)*'|#[^\n]*)|\b([A-Za-z_]\w*)\b/g;

/** Renames identifiers outside strings and comments; `keep` names stay (a model field, say). */
export function renameIdentifiers(source: string, keep: ReadonlySet<string> = new Set()): string {
  return source.replace(LEXEME, (match, literal: string | undefined, name: string | undefined) => {
    if (literal !== undefined) return literal.startsWith("#") ? "# (reworded)" : literal;
    if (name === undefined || keep.has(name)) return match;
    return renames[name] ?? match;
  });
}

const renamedFiles = [
  "tasks/views.py",
  "tasks/serializers.py",
  "tasks/urls.py",
  "tasks/tests.py",
  "tasks/admin.py",
];

/** The reference's own files, renamed and reformatted (models.py and settings keep their names). */
export async function renamedReferenceFiles(referenceDir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const file of renamedFiles) {
    const text = await readFile(path.join(referenceDir, file), "utf8");
    files[file] = `# My solution.\n\n${renameIdentifiers(text).replace(/\n\n/g, "\n\n\n")}`;
  }
  return files;
}
