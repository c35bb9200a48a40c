import { Highlight } from "prism-react-renderer";
import type { PrismTheme } from "prism-react-renderer";

// Our own colours, each at least 4.5:1 on the block's #f8f9fc (comments included).
const THEME: PrismTheme = {
  plain: { color: "#1f2333", backgroundColor: "#f8f9fc" },
  styles: [
    {
      types: ["comment", "prolog", "doctype", "cdata"],
      style: { color: "#5b6075", fontStyle: "italic" },
    },
    { types: ["keyword", "tag", "selector", "important"], style: { color: "#6d28d9" } },
    { types: ["string", "char", "attr-value", "inserted"], style: { color: "#0b6b34" } },
    { types: ["number", "boolean", "constant"], style: { color: "#9a4a05" } },
    { types: ["builtin", "function", "class-name"], style: { color: "#1d4ed8" } },
    { types: ["decorator", "annotation", "attr-name", "property"], style: { color: "#a3154f" } },
    { types: ["punctuation", "operator"], style: { color: "#3b3f52" } },
    { types: ["title", "bold"], style: { fontWeight: "bold" } },
    { types: ["deleted"], style: { color: "#b42318" } },
  ],
};

/** Highlighted code (prism-react-renderer) with optional line numbers; tokens render as text. */
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
  return (
    <Highlight code={code.replace(/\n$/, "")} language={language} theme={THEME}>
      {({ tokens, getLineProps, getTokenProps, style }) => (
        <pre
          className={`code-block${numbered ? " code-numbered" : ""}`}
          style={style}
          aria-label={label}
          tabIndex={0}
        >
          <code>
            {tokens.map((line, n) => (
              <span key={n} {...getLineProps({ line, className: "code-line" })}>
                {numbered && (
                  <span className="code-gutter" aria-hidden="true">
                    {n + 1}
                  </span>
                )}
                {line.map((token, t) => (
                  <span key={t} {...getTokenProps({ token })} />
                ))}
                {"\n"}
              </span>
            ))}
          </code>
        </pre>
      )}
    </Highlight>
  );
}
