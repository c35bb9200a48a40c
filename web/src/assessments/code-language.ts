// The Prism grammar for a submitted file's name; files without one are shown as plain text.
const BY_EXTENSION: Record<string, string> = {
  py: "python",
  js: "javascript",
  jsx: "jsx",
  mjs: "javascript",
  ts: "typescript",
  tsx: "tsx",
  json: "json",
  md: "markdown",
  html: "markup",
  xml: "markup",
  css: "css",
  yml: "yaml",
  yaml: "yaml",
  sql: "sql",
};

export function languageOf(path: string): string {
  const base = path.split("/").at(-1) ?? path;
  const ext = base.includes(".") ? (base.split(".").at(-1) ?? "").toLowerCase() : "";
  return BY_EXTENSION[ext] ?? "plain";
}
