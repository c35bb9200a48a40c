import type { ReactNode } from "react";
import { CodeBlock } from "./CodeBlock";

/**
 * A small Markdown renderer for pack instructions: headings, paragraphs, lists, pipe tables,
 * fenced code, `code`, **bold**, *emphasis* and http(s) links. It builds React elements, never
 * HTML strings, so whatever the text holds is shown as text.
 */
export function Markdown({ source }: { source: string }) {
  return <div className="markdown">{renderBlocks(source)}</div>;
}

function renderBlocks(source: string): ReactNode[] {
  const lines = source.replace(/\r\n?/g, "\n").split("\n");
  const out: ReactNode[] = [];
  let i = 0;
  const key = () => `b${out.length}`;
  while (i < lines.length) {
    const line = lines[i] ?? "";
    const fence = /^```(\w*)\s*$/.exec(line);
    if (fence) {
      const body: string[] = [];
      i++;
      while (i < lines.length && !/^```\s*$/.test(lines[i] ?? "")) body.push(lines[i++] ?? "");
      i++;
      out.push(<CodeBlock key={key()} code={body.join("\n")} language={fence[1] ?? ""} />);
      continue;
    }
    const heading = /^(#{1,4})\s+(.*)$/.exec(line);
    if (heading) {
      // The page has its own h1; instruction headings start one level below it.
      const level = Math.min((heading[1]?.length ?? 1) + 1, 5);
      const Tag = `h${level}` as "h2";
      out.push(<Tag key={key()}>{inline(heading[2] ?? "")}</Tag>);
      i++;
      continue;
    }
    if (/^\s*\|/.test(line)) {
      const rows: string[] = [];
      while (i < lines.length && /^\s*\|/.test(lines[i] ?? "")) rows.push(lines[i++] ?? "");
      out.push(table(rows, key()));
      continue;
    }
    if (/^\s*([-*]|\d+\.)\s+/.test(line)) {
      const ordered = /^\s*\d+\./.test(line);
      const items: string[] = [];
      while (i < lines.length && (lines[i] ?? "").trim() !== "") {
        const current = lines[i] ?? "";
        const item = /^\s*([-*]|\d+\.)\s+(.*)$/.exec(current);
        if (item) items.push(item[2] ?? "");
        else items[items.length - 1] = `${items.at(-1) ?? ""} ${current.trim()}`;
        i++;
      }
      const children = items.map((item, n) => <li key={n}>{inline(item)}</li>);
      out.push(ordered ? <ol key={key()}>{children}</ol> : <ul key={key()}>{children}</ul>);
      continue;
    }
    if (line.trim() === "") {
      i++;
      continue;
    }
    const paragraph: string[] = [];
    while (
      i < lines.length &&
      (lines[i] ?? "").trim() !== "" &&
      !/^(```|#{1,4}\s|\s*\||\s*([-*]|\d+\.)\s)/.test(lines[i] ?? "")
    )
      paragraph.push(lines[i++] ?? "");
    out.push(<p key={key()}>{inline(paragraph.join(" "))}</p>);
  }
  return out;
}

function cells(row: string): string[] {
  return row
    .trim()
    .replace(/^\||\|$/g, "")
    .split("|")
    .map((cell) => cell.trim());
}

function table(rows: string[], key: string) {
  const [head, , ...body] = rows;
  return (
    <div className="table-scroll" key={key}>
      <table>
        <thead>
          <tr>
            {cells(head ?? "").map((cell, n) => (
              <th key={n}>{inline(cell)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {body.map((row, r) => (
            <tr key={r}>
              {cells(row).map((cell, n) => (
                <td key={n}>{inline(cell)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const INLINE = /(`[^`]+`)|(\*\*[^*]+\*\*)|(\*[^*\s][^*]*\*)|(\[[^\]]+\]\([^)\s]+\))/g;

export function inline(text: string): ReactNode[] {
  const out: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(INLINE)) {
    const token = match[0];
    const at = match.index;
    if (at > last) out.push(text.slice(last, at));
    const k = `i${at}`;
    if (token.startsWith("`")) out.push(<code key={k}>{token.slice(1, -1)}</code>);
    else if (token.startsWith("**"))
      out.push(<strong key={k}>{inline(token.slice(2, -2))}</strong>);
    else if (token.startsWith("*")) out.push(<em key={k}>{inline(token.slice(1, -1))}</em>);
    else {
      const link = /^\[([^\]]+)\]\(([^)\s]+)\)$/.exec(token);
      const href = link?.[2] ?? "";
      // Only web links: a javascript: or data: URL stays plain text.
      out.push(
        /^https?:\/\//.test(href) ? (
          <a key={k} href={href} rel="noreferrer noopener" target="_blank">
            {link?.[1]}
          </a>
        ) : (
          token
        ),
      );
    }
    last = at + token.length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}
