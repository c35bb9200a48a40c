import { mkdtemp, readdir, readFile, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { extractPdfText } from "../modules/screening/resume-extract-pdf.js";
import { ZGradeReport, type TDocumentDetails, type TGradeReport } from "./grade-report.js";
import type { TDocumentConfig, TPack } from "./pack.js";
import { SubmissionError, unpackSubmission } from "./unpack.js";

const MAX_DOCUMENT_BYTES = 1024 * 1024;
const textExtensions = new Set([".md", ".markdown", ".txt"]);

async function readTextFile(file: string): Promise<string> {
  const info = await stat(file);
  if (info.size > MAX_DOCUMENT_BYTES)
    throw new SubmissionError("The document is larger than 1 MB of text; upload the design alone.");
  const extension = path.extname(file).toLowerCase();
  if (extension === ".pdf") {
    try {
      return (await extractPdfText(new Uint8Array(await readFile(file)), path.basename(file))).text;
    } catch {
      throw new SubmissionError(
        "The PDF has no text we can read (a scan, or an image of the text). Upload it as Markdown, or export the PDF with its text.",
      );
    }
  }
  if (!textExtensions.has(extension))
    throw new SubmissionError("Upload the design document as a Markdown (.md), text or PDF file.");
  return readFile(file, "utf8");
}

/** The document itself from a file, or from a folder or zip holding it. */
export async function readDesignDocument(source: string, config: TDocumentConfig): Promise<string> {
  const info = await stat(source).catch(() => null);
  if (info === null) throw new SubmissionError("The upload could not be read.");
  if (info.isFile() && path.extname(source).toLowerCase() !== ".zip") return readTextFile(source);
  const dir = info.isDirectory() ? source : await mkdtemp(path.join(os.tmpdir(), "shortlist-doc-"));
  try {
    if (!info.isDirectory()) await unpackSubmission(source, dir);
    const names = await readdir(dir);
    const named = names.find((name) => name.toLowerCase() === config.file.toLowerCase());
    const documents = names.filter((name) => textExtensions.has(path.extname(name).toLowerCase()));
    const chosen = named ?? (documents.length === 1 ? documents[0] : undefined);
    if (chosen === undefined)
      throw new SubmissionError(
        `This upload is not a design document: it has no ${config.file} (found ${names.slice(0, 5).join(", ") || "nothing"}).`,
      );
    return await readTextFile(path.join(dir, chosen));
  } finally {
    if (!info.isDirectory()) await rm(dir, { recursive: true, force: true });
  }
}

const wordsIn = (text: string) => text.split(/\s+/).filter((word) => /\w/.test(word)).length;
const normalise = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9\s-]/g, " ")
    .replace(/\s+/g, " ")
    .trim();

interface THeadingBlock {
  heading: string;
  words: number;
}

/**
 * Splits a document at its headings: Markdown `#` headings, or — for text converted from a PDF,
 * which has none — short lines that read like a title. Template comments and fenced code do not
 * count as words.
 */
export function splitAtHeadings(text: string): THeadingBlock[] {
  const lines = text.replace(/<!--[\s\S]*?-->/g, "").split(/\r?\n/);
  const hasMarkdownHeadings = lines.some((line) => /^#{1,6}\s+\S/.test(line));
  const blocks: THeadingBlock[] = [];
  let inFence = false;
  for (const line of lines) {
    if (/^\s*(```|~~~)/.test(line)) {
      inFence = !inFence;
      continue;
    }
    const markdown = !inFence ? /^#{1,6}\s+(.+?)\s*#*\s*$/.exec(line) : null;
    const plain =
      !hasMarkdownHeadings &&
      !inFence &&
      line.trim().length > 0 &&
      line.trim().length <= 60 &&
      !/[.,;:]$/.test(line.trim()) &&
      wordsIn(line) <= 7;
    if (markdown?.[1] !== undefined || plain) {
      blocks.push({ heading: (markdown?.[1] ?? line).trim(), words: 0 });
    } else if (!inFence && blocks.length > 0) {
      const last = blocks[blocks.length - 1];
      if (last) last.words += wordsIn(line);
    }
  }
  return blocks;
}

function matches(heading: string, terms: string[]): boolean {
  const normal = ` ${normalise(heading)}`;
  return terms.some((term) => normal.includes(` ${normalise(term)}`));
}

/** Which template sections the document has, with the words under each. Never a score. */
export function checkCompleteness(text: string, config: TDocumentConfig): TDocumentDetails {
  const blocks = splitAtHeadings(text);
  return {
    kind: "document",
    words: wordsIn(text.replace(/<!--[\s\S]*?-->/g, "")),
    sections: config.sections.map((section) => {
      const found = blocks.filter((block) => matches(block.heading, section.match));
      const words = found.reduce((sum, block) => sum + block.words, 0);
      return {
        id: section.id,
        title: section.title,
        status: found.length === 0 ? "missing" : words < config.minimumWords ? "thin" : "present",
        words,
        heading: found[0]?.heading.slice(0, 200) ?? null,
      };
    }),
  };
}

/** A design-document pack: read the upload and report its completeness for the reviewers. */
export async function gradeDocument(
  pack: TPack,
  source: string,
  started: number,
): Promise<TGradeReport> {
  const config = pack.manifest.document;
  if (config === undefined) throw new Error(`Pack ${pack.manifest.id} has no document settings`);
  const text = await readDesignDocument(source, config);
  const details = checkCompleteness(text, config);
  if (details.words === 0)
    throw new SubmissionError("The document is empty: there is nothing for the reviewers to read.");
  return ZGradeReport.parse({
    packId: pack.manifest.id,
    packVersion: pack.manifest.version,
    status: "graded",
    score: 0,
    groups: [],
    integrity: { verdict: "clean", findings: [] },
    timings: { total: Math.round(performance.now() - started) },
    details,
  });
}
