import { getDocumentProxy } from "unpdf";
import { ResumeExtractError } from "./resume-extract-error.js";

type TPdfDocument = Awaited<ReturnType<typeof getDocumentProxy>>;
type TPdfPage = Awaited<ReturnType<TPdfDocument["getPage"]>>;
type TTextContentItem = Awaited<ReturnType<TPdfPage["getTextContent"]>>["items"][number];

export type TPdfText = { text: string; pages: number; links: string[] };

// A résumé longer than this is almost certainly something else (a thesis, a portfolio book); reading
// the first pages keeps one upload from stalling the worker.
const MAX_PAGES = 30;
// Below this many visible characters a PDF has no usable text layer (a scan, or blank pages).
const MIN_TEXT_CHARS = 30;
const PDFJS_VERBOSITY_ERRORS_ONLY = 0;

export async function extractPdfText(bytes: Uint8Array, filename: string): Promise<TPdfText> {
  const document = await openPdf(bytes, filename);
  try {
    const pageCount = Math.min(document.numPages, MAX_PAGES);
    const pageTexts: string[] = [];
    const links: string[] = [];
    for (let pageNumber = 1; pageNumber <= pageCount; pageNumber++) {
      const page = await document.getPage(pageNumber);
      const content = await page.getTextContent();
      pageTexts.push(layoutPageText(content.items));
      links.push(...(await readLinkAnnotations(page)));
      page.cleanup();
    }
    const text = pageTexts.join("\n\n").trim();
    assertUsableText(text, bytes, filename);
    return { text, pages: document.numPages, links: [...new Set(links)] };
  } finally {
    await document.destroy();
  }
}

async function openPdf(bytes: Uint8Array, filename: string): Promise<TPdfDocument> {
  try {
    // pdf.js may detach the buffer it is given, so it gets a copy and the caller keeps its bytes.
    return await getDocumentProxy(bytes.slice(), { verbosity: PDFJS_VERBOSITY_ERRORS_ONLY });
  } catch (error) {
    const name = error instanceof Error ? error.name : "";
    if (name === "PasswordException") {
      throw new ResumeExtractError(
        "resume_encrypted",
        `“${filename}” is password-protected. Ask the candidate for a copy without a password.`,
        { cause: error },
      );
    }
    throw new ResumeExtractError(
      "resume_corrupt",
      `“${filename}” looks like a PDF but is damaged and cannot be opened. Ask the candidate to export it again.`,
      { cause: error },
    );
  }
}

type TLine = { y: number; size: number; endX: number; text: string };

/**
 * Rebuilds lines from positioned text runs. Runs are kept in content-stream order (which follows
 * reading order for multi-column layouts far better than sorting by position); a change of
 * baseline starts a new line, a wide horizontal gap on the same baseline becomes " | " so table
 * cells and right-aligned dates stay separate, and a tall vertical gap becomes a blank line so
 * section headings stand on their own.
 */
export function layoutPageText(items: readonly TTextContentItem[]): string {
  const lines: TLine[] = [];
  let current: TLine | undefined;
  let pendingSpace = false;
  for (const item of items) {
    if (!("str" in item)) continue;
    if (item.str.trim() === "") {
      pendingSpace = current !== undefined;
      continue;
    }
    const transform = item.transform as number[];
    const x = transform[4] ?? 0;
    const y = transform[5] ?? 0;
    const size = Math.hypot(transform[2] ?? 0, transform[3] ?? 0) || item.height || 10;
    const sameLine =
      current !== undefined &&
      Math.abs(y - current.y) <= Math.max(size, current.size) * 0.5 &&
      x >= current.endX - size;
    if (current !== undefined && sameLine) {
      const gap = x - current.endX;
      if (gap > Math.max(size * 1.8, 12)) current.text += " | ";
      else if (
        (gap > size * 0.12 || pendingSpace) &&
        !/\s$/.test(current.text) &&
        !/^\s/.test(item.str)
      ) {
        current.text += " ";
      }
      current.text += item.str;
      current.endX = x + item.width;
    } else {
      current = { y, size, endX: x + item.width, text: item.str };
      lines.push(current);
    }
    pendingSpace = false;
  }
  return joinLines(lines);
}

function joinLines(lines: readonly TLine[]): string {
  let out = "";
  let previous: TLine | undefined;
  for (const line of lines) {
    if (previous !== undefined) {
      const drop = previous.y - line.y;
      out += drop > Math.max(previous.size, line.size) * 1.9 ? "\n\n" : "\n";
    }
    out += normalizeGlyphs(line.text).trimEnd();
    previous = line;
  }
  return out;
}

// Symbol-font bullets come through as private-use code points.
const PRIVATE_USE_BULLETS = /[\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf06e]/g;

function normalizeGlyphs(text: string): string {
  return text.replace(PRIVATE_USE_BULLETS, "•").replace(/\u00a0/g, " ");
}

async function readLinkAnnotations(page: TPdfPage): Promise<string[]> {
  const annotations: unknown[] = await page.getAnnotations({ intent: "display" });
  const links: string[] = [];
  for (const annotation of annotations) {
    if (typeof annotation !== "object" || annotation === null) continue;
    const { subtype, url } = annotation as { subtype?: unknown; url?: unknown };
    if (subtype === "Link" && typeof url === "string" && url.length <= 2048) links.push(url);
  }
  return links;
}

function assertUsableText(text: string, bytes: Uint8Array, filename: string): void {
  const visible = text.replace(/\s+/g, "");
  if (visible.length < MIN_TEXT_CHARS) {
    const scanned = containsImages(bytes);
    throw new ResumeExtractError(
      "resume_no_text_layer",
      scanned
        ? `“${filename}” is a scanned image without selectable text, so it cannot be screened. Ask the candidate for a PDF exported from their editor, or a Word file.`
        : `“${filename}” contains no selectable text. Ask the candidate for a PDF exported from their editor, or a Word file.`,
    );
  }
  // Fonts without a Unicode map come out as private-use or replacement characters.
  const unreadable = visible.match(/[\ue000-\uf8ff\ufffd]/g)?.length ?? 0;
  if (unreadable > visible.length * 0.25) {
    throw new ResumeExtractError(
      "resume_no_text_layer",
      `The text in “${filename}” cannot be read (its fonts carry no character map). Ask the candidate for a PDF exported from their editor, or a Word file.`,
    );
  }
}

/** Image XObjects are stream objects, whose dictionaries are never compressed, so a byte scan finds them. */
function containsImages(bytes: Uint8Array): boolean {
  return /\/Subtype\s*\/Image\b/.test(
    Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1"),
  );
}
