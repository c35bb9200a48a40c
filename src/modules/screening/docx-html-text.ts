/**
 * Turns the small, well-formed HTML that mammoth produces into plain text that keeps the résumé's
 * structure: one paragraph per line, "• " before list items (numbers for ordered lists, indented
 * when nested), table rows on one line with cells separated by " | ", a blank line before headings.
 */

const TAG_OR_TEXT = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>|([^<]+)/g;
const BLOCK_TAGS = new Set([
  "p",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "li",
  "tr",
  "table",
  "ul",
  "ol",
]);
const HEADING_TAG = /^h[1-6]$/;

export type THtmlText = { text: string; links: string[] };

type TList = { ordered: boolean; counter: number };

export function convertDocxHtmlToText(html: string): THtmlText {
  const lines: string[] = [];
  const links: string[] = [];
  const lists: TList[] = [];
  let line = "";
  let cells: string[] | undefined;
  let cell: string | undefined;

  const write = (text: string): void => {
    if (cell !== undefined) cell += text;
    else line += text;
  };
  const flushLine = (): void => {
    const trimmed = line.trimEnd();
    if (trimmed.trim() !== "") lines.push(trimmed);
    line = "";
  };
  const blankLine = (): void => {
    flushLine();
    if (lines.length > 0 && lines[lines.length - 1] !== "") lines.push("");
  };

  for (const match of html.matchAll(TAG_OR_TEXT)) {
    const [, closing, rawName, attributes, text] = match;
    if (text !== undefined) {
      write(decodeEntities(text));
      continue;
    }
    const name = (rawName ?? "").toLowerCase();
    const isClosing = closing === "/";
    if (cell !== undefined && BLOCK_TAGS.has(name) && name !== "tr" && name !== "table") {
      // Paragraphs and list items inside a table cell stay in that cell.
      if (!isClosing && cell.trim() !== "") cell += name === "li" ? "; " : " ";
      continue;
    }
    switch (name) {
      case "p":
        flushLine();
        break;
      case "br":
        if (cell !== undefined) cell += " ";
        else flushLine();
        break;
      case "ul":
      case "ol":
        flushLine();
        if (isClosing) lists.pop();
        else lists.push({ ordered: name === "ol", counter: 0 });
        break;
      case "li": {
        flushLine();
        const list = lists[lists.length - 1];
        if (!isClosing && list !== undefined) {
          list.counter++;
          line = "  ".repeat(lists.length - 1) + (list.ordered ? `${list.counter}. ` : "• ");
        }
        break;
      }
      case "table":
        flushLine();
        break;
      case "tr":
        flushLine();
        if (isClosing && cells !== undefined) {
          const row = cells.filter((value) => value !== "");
          if (row.length > 0) lines.push(row.join(" | "));
          cells = undefined;
        } else if (!isClosing) cells = [];
        break;
      case "td":
      case "th":
        if (isClosing) {
          cells?.push((cell ?? "").replace(/\s+/g, " ").trim());
          cell = undefined;
        } else cell = "";
        break;
      case "a": {
        const href = /\bhref="([^"]*)"/.exec(attributes ?? "")?.[1];
        if (!isClosing && href !== undefined && !href.startsWith("#"))
          links.push(decodeEntities(href));
        break;
      }
      case "img":
        // Kept as a marker so reviewers (and blind masking) know the file had a picture, e.g. a photo.
        write("[image]");
        break;
      default:
        if (HEADING_TAG.test(name)) {
          if (isClosing) flushLine();
          else blankLine();
        }
    }
  }
  flushLine();
  return { text: lines.join("\n").trim(), links: [...new Set(links)] };
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, body: string) => {
    if (body.startsWith("#x") || body.startsWith("#X"))
      return safeCodePoint(parseInt(body.slice(2), 16), entity);
    if (body.startsWith("#")) return safeCodePoint(parseInt(body.slice(1), 10), entity);
    return NAMED_ENTITIES[body.toLowerCase()] ?? entity;
  });
}

function safeCodePoint(codePoint: number, fallback: string): string {
  return Number.isInteger(codePoint) && codePoint > 0 && codePoint <= 0x10ffff
    ? String.fromCodePoint(codePoint)
    : fallback;
}
