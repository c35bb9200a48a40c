import path from "node:path";
import { Marked } from "marked";
import sanitizeHtml from "sanitize-html";
import { AppError } from "../../errors.js";
import { extractPdfText } from "../screening/resume-extract-pdf.js";
import { ResumeExtractError } from "../screening/resume-extract-error.js";

/** A design document is prose: a megabyte of text is several hundred pages. */
export const MAX_DOCUMENT_TEXT_BYTES = 1024 * 1024;
const TEXT_EXTENSIONS = new Set([".md", ".markdown", ".txt"]);

/** What is stored as the submission: always the text, so reviewers and the checks read one thing. */
export type TStoredDocument = { filename: string; mediaType: string; content: Buffer };

const invalid = (message: string) =>
  new AppError("VALIDATION_FAILED", message, { fields: [{ field: "file", message }] });

function baseName(filename: string) {
  const base = path.basename(filename, path.extname(filename)).replace(/[^\w.() -]/g, "_");
  return base.slice(0, 150) || "design";
}

const tooLarge = () =>
  new AppError(
    "PAYLOAD_TOO_LARGE",
    "The document has more than 1 MB of text. Upload the design document alone, without appendices or pasted logs.",
  );

function assertText(text: string, field: "file" | "text"): string {
  if (Buffer.byteLength(text, "utf8") > MAX_DOCUMENT_TEXT_BYTES) throw tooLarge();
  // Words, not whitespace or template comments: a copy of the empty template is empty too.
  if (!/\w/.test(text.replace(/<!--[\s\S]*?-->/g, "")))
    throw new AppError(
      "VALIDATION_FAILED",
      "The document is empty: there is nothing for the reviewers to read.",
      { fields: [{ field, message: "is empty" }] },
    );
  return text;
}

function decodeUtf8(content: Buffer): string {
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(content);
    if (text.includes("\u0000")) throw new Error("binary");
    return text.replace(/^\uFEFF/, "");
  } catch {
    throw invalid(
      "The file is not readable text. Save the document as Markdown (UTF-8) or export it as a PDF.",
    );
  }
}

async function pdfText(content: Buffer, filename: string): Promise<string> {
  try {
    return (await extractPdfText(new Uint8Array(content), filename)).text;
  } catch (error) {
    if (!(error instanceof ResumeExtractError)) throw error;
    if (error.code === "resume_encrypted")
      throw invalid("The PDF is password-protected. Export it again without a password.");
    if (error.code === "resume_corrupt")
      throw invalid(
        "The PDF is damaged and cannot be opened. Export it again, or upload Markdown.",
      );
    throw invalid(
      "The PDF has no text we can read (a scan, or an image of the text). Export it with its text, or upload Markdown.",
    );
  }
}

/** An uploaded file (Markdown, text or PDF) as the text to store; a clear 4xx for anything else. */
export async function readDocumentUpload(upload: {
  filename: string;
  content: Buffer;
}): Promise<TStoredDocument> {
  if (upload.content.length === 0)
    throw invalid("The uploaded file is empty: there is nothing for the reviewers to read.");
  const extension = path.extname(upload.filename).toLowerCase();
  const isPdf = extension === ".pdf" || upload.content.subarray(0, 5).toString() === "%PDF-";
  if (isPdf) {
    const text = assertText(await pdfText(upload.content, upload.filename), "file");
    // Converted text has no Markdown structure; stored as plain text so nobody mistakes it.
    return {
      filename: `${baseName(upload.filename)}.txt`,
      mediaType: "text/plain",
      content: Buffer.from(text, "utf8"),
    };
  }
  if (!TEXT_EXTENSIONS.has(extension))
    throw new AppError(
      "UNSUPPORTED_MEDIA_TYPE",
      "Upload the design document as one Markdown (.md), text (.txt) or PDF file, or paste its text.",
    );
  if (upload.content.length > MAX_DOCUMENT_TEXT_BYTES) throw tooLarge();
  const text = assertText(decodeUtf8(upload.content), "file");
  return {
    filename: `${baseName(upload.filename)}${extension === ".txt" ? ".txt" : ".md"}`,
    mediaType: extension === ".txt" ? "text/plain" : "text/markdown",
    content: Buffer.from(text, "utf8"),
  };
}

/** Pasted text, taken as Markdown. */
export function documentFromText(text: string): TStoredDocument {
  const checked = assertText(text.replace(/\r\n?/g, "\n"), "text");
  return {
    filename: "design.md",
    mediaType: "text/markdown",
    content: Buffer.from(checked, "utf8"),
  };
}

const markdown = new Marked({ gfm: true });

// A candidate's document is untrusted: text structure, tables and code only — no links, images,
// raw HTML or styles survive, so nothing in it can act in a reviewer's signed-in page.
const ALLOWED: sanitizeHtml.IOptions = {
  allowedTags: [
    "h3",
    "h4",
    "h5",
    "h6",
    "p",
    "ul",
    "ol",
    "li",
    "strong",
    "em",
    "code",
    "pre",
    "blockquote",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "hr",
    "br",
  ],
  allowedAttributes: { th: ["align"], td: ["align"] },
  allowedSchemes: [],
  // The review page has h1 (the page) and h2 (its parts): the document's headings sit below.
  transformTags: { h1: "h3", h2: "h4", h3: "h5", h4: "h6", h5: "h6" },
  disallowedTagsMode: "discard",
};

/** The document as safe HTML for reviewers; a PDF's converted text is shown as preformatted. */
export function renderDocumentHtml(text: string, mediaType: string): string {
  if (mediaType !== "text/markdown") return `<pre class="document-text">${escapeHtml(text)}</pre>`;
  return sanitizeHtml(markdown.parse(text, { async: false }), ALLOWED);
}

function escapeHtml(text: string) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

const collapse = (text: string) => text.replace(/\s+/g, " ").trim();

/** The text a reviewer can copy: the source, and what the rendered page shows (no Markdown marks). */
export function quotableTexts(text: string, html: string): string[] {
  const shown = sanitizeHtml(html.replace(/<\/(p|li|h\d|pre|td|th|blockquote)>/g, " $&"), {
    allowedTags: [],
    allowedAttributes: {},
  })
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
  return [collapse(text), collapse(shown)];
}

/** Whether a quote occurs in the document, whitespace-normalised, in its source or as shown. */
export function quoteOccurs(quote: string, texts: readonly string[]): boolean {
  const wanted = collapse(quote);
  return wanted.length > 0 && texts.some((text) => text.includes(wanted));
}
