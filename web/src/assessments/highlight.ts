/**
 * A small tokenizer for syntax highlighting of the files a candidate hands in (Python, JS/TS,
 * JSON, Markdown, INI/TOML, HTML templates). It only colours: every token is shown as text by
 * React, so a file can never inject markup. Good enough for reading a submission; not a parser.
 */
export type TTokenKind =
  | "plain"
  | "keyword"
  | "string"
  | "comment"
  | "number"
  | "builtin"
  | "decorator"
  | "heading"
  | "punctuation";
export type TToken = { kind: TTokenKind; text: string };

type TRule = [TTokenKind, RegExp];

const PY_KEYWORDS =
  "and|as|assert|async|await|break|class|continue|def|del|elif|else|except|finally|for|from|global|if|import|in|is|lambda|nonlocal|not|or|pass|raise|return|try|while|with|yield|match|case";
const PY_BUILTINS =
  "True|False|None|self|cls|print|len|range|super|isinstance|dict|list|set|tuple|str|int|float|bool|object|Exception";
const JS_KEYWORDS =
  "async|await|break|case|catch|class|const|continue|default|delete|do|else|export|extends|finally|for|from|function|if|import|in|instanceof|interface|let|new|of|return|switch|throw|try|type|typeof|var|void|while|yield";

const python: TRule[] = [
  ["comment", /#[^\n]*/y],
  [
    "string",
    /[rRbBuUfF]{0,2}("""[\s\S]*?"""|'''[\s\S]*?'''|"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*')/y,
  ],
  ["decorator", /@[\w.]+/y],
  ["keyword", new RegExp(`\\b(?:${PY_KEYWORDS})\\b`, "y")],
  ["builtin", new RegExp(`\\b(?:${PY_BUILTINS})\\b`, "y")],
  ["number", /\b\d[\d_]*(?:\.\d+)?\b/y],
];
const script: TRule[] = [
  ["comment", /\/\/[^\n]*|\/\*[\s\S]*?\*\//y],
  ["string", /`(?:\\.|[^`\\])*`|"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'/y],
  ["keyword", new RegExp(`\\b(?:${JS_KEYWORDS})\\b`, "y")],
  ["builtin", /\b(?:true|false|null|undefined|this)\b/y],
  ["number", /\b\d[\d_]*(?:\.\d+)?\b/y],
];
const json: TRule[] = [
  ["keyword", /"(?:\\.|[^"\\\n])*"(?=\s*:)/y],
  ["string", /"(?:\\.|[^"\\\n])*"/y],
  ["builtin", /\b(?:true|false|null)\b/y],
  ["number", /-?\b\d+(?:\.\d+)?(?:[eE][+-]?\d+)?\b/y],
];
const markdown: TRule[] = [
  ["heading", /^#{1,6} [^\n]*/my],
  ["string", /`[^`\n]+`/y],
  ["keyword", /\*\*[^*\n]+\*\*/y],
];
const ini: TRule[] = [
  ["comment", /[#;][^\n]*/y],
  ["heading", /^\[[^\]\n]+\]/my],
  ["keyword", /^[\w.-]+(?=\s*[=:])/my],
  ["string", /"(?:\\.|[^"\\\n])*"|'[^'\n]*'/y],
  ["number", /\b\d+(?:\.\d+)?\b/y],
];
const html: TRule[] = [
  ["comment", /<!--[\s\S]*?-->|\{#[\s\S]*?#\}/y],
  ["decorator", /\{%[\s\S]*?%\}|\{\{[\s\S]*?\}\}/y],
  ["keyword", /<\/?[\w-]+/y],
  ["string", /"[^"\n]*"|'[^'\n]*'/y],
];

const BY_EXTENSION: Record<string, TRule[]> = {
  py: python,
  js: script,
  jsx: script,
  ts: script,
  tsx: script,
  mjs: script,
  json: json,
  md: markdown,
  ini: ini,
  cfg: ini,
  toml: ini,
  txt: [],
  html: html,
};

export function languageOf(path: string): string {
  const base = path.split("/").at(-1) ?? path;
  if (base === "requirements.txt" || base === "pytest.ini" || base === "setup.cfg") return "ini";
  const ext = base.includes(".") ? (base.split(".").at(-1) ?? "").toLowerCase() : "";
  return ext in BY_EXTENSION ? ext : "";
}

const LANGUAGE_ALIASES: Record<string, string> = {
  python: "py",
  javascript: "js",
  typescript: "ts",
};

export function tokenize(code: string, language: string): TToken[] {
  const rules = BY_EXTENSION[LANGUAGE_ALIASES[language] ?? language] ?? [];
  const tokens: TToken[] = [];
  let plain = "";
  let at = 0;
  const flush = () => {
    if (plain) tokens.push({ kind: "plain", text: plain });
    plain = "";
  };
  outer: while (at < code.length) {
    for (const [kind, pattern] of rules) {
      pattern.lastIndex = at;
      const match = pattern.exec(code);
      if (match && match[0].length > 0) {
        flush();
        tokens.push({ kind, text: match[0] });
        at += match[0].length;
        continue outer;
      }
    }
    // Skip a whole identifier at once so keywords only match at word starts.
    const word = /[\w$]+|./sy;
    word.lastIndex = at;
    const next = word.exec(code)?.[0] ?? code[at] ?? "";
    plain += next;
    at += next.length;
  }
  flush();
  return tokens;
}
