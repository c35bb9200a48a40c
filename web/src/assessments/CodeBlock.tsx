import { useMemo } from "react";
import { tokenize } from "./highlight";

/** Highlighted code with line numbers; every token is rendered as text. */
export function CodeBlock({
  code,
  language,
  numbered = false,
  label,
}: {
  code: string;
  language: string;
  numbered?: boolean;
  label?: string;
}) {
  const lines = useMemo(() => {
    const out: ReturnType<typeof tokenize>[] = [[]];
    for (const token of tokenize(code, language)) {
      const parts = token.text.split("\n");
      parts.forEach((part, n) => {
        if (n > 0) out.push([]);
        if (part) out.at(-1)?.push({ kind: token.kind, text: part });
      });
    }
    return out;
  }, [code, language]);
  return (
    <pre
      className={`code-block${numbered ? " code-numbered" : ""}`}
      aria-label={label}
      tabIndex={0}
    >
      <code>
        {lines.map((tokens, n) => (
          <span className="code-line" key={n}>
            {numbered && (
              <span className="code-gutter" aria-hidden="true">
                {n + 1}
              </span>
            )}
            {tokens.map((token, t) =>
              token.kind === "plain" ? (
                token.text
              ) : (
                <span key={t} className={`tok-${token.kind}`}>
                  {token.text}
                </span>
              ),
            )}
            {"\n"}
          </span>
        ))}
      </code>
    </pre>
  );
}
