import { extractDocxText } from "./resume-extract-docx.js";
import { ResumeExtractError } from "./resume-extract-error.js";
import { extractPdfText } from "./resume-extract-pdf.js";
import { fileExtension, sniffResumeFormat } from "./resume-format.js";

export const MAX_RESUME_BYTES = 10 * 1024 * 1024;

export type TResumeFile = {
  filename: string;
  /** The MIME type the browser claimed; only a hint, the bytes decide. */
  mime?: string;
  bytes: Uint8Array;
};

export type TResumeFormat = "pdf" | "docx" | "txt";

export type TExtractedResume = {
  text: string;
  format: TResumeFormat;
  /** Page count, for PDFs. */
  pages?: number;
  /** Hyperlink targets found in the file (PDF link annotations, DOCX hyperlinks). */
  links: string[];
};

const EXPECTED_BY_EXTENSION: Readonly<Record<string, string>> = {
  pdf: "PDF",
  docx: "Word document",
  txt: "text file",
};

/**
 * Reads the text of an uploaded résumé. Throws ResumeExtractError (with a stable code and a message
 * for the recruiter) for anything that cannot be screened; never returns an empty text.
 */
export async function extractResumeText(file: TResumeFile): Promise<TExtractedResume> {
  const { filename, bytes } = file;
  if (bytes.byteLength > MAX_RESUME_BYTES) {
    const megabytes = (bytes.byteLength / 1024 / 1024).toFixed(1);
    throw new ResumeExtractError(
      "resume_too_large",
      `“${filename}” is ${megabytes} MB; résumés can be at most ${MAX_RESUME_BYTES / 1024 / 1024} MB.`,
    );
  }
  if (bytes.byteLength === 0) throw emptyFile(filename);

  const sniffed = sniffResumeFormat(bytes);
  switch (sniffed.kind) {
    case "pdf": {
      const pdf = await extractPdfText(bytes, filename);
      return {
        text: appendHiddenLinks(pdf.text, pdf.links),
        format: "pdf",
        pages: pdf.pages,
        links: pdf.links,
      };
    }
    case "zip": {
      const docx = await extractDocxText(bytes, filename);
      return {
        text: appendHiddenLinks(normalizeText(docx.text), docx.links),
        format: "docx",
        links: docx.links,
      };
    }
    case "text": {
      const text = normalizeText(decodeText(bytes));
      if (text.trim() === "") throw emptyFile(filename);
      return { text, format: "txt", links: [] };
    }
    case "unsupported": {
      const expected = EXPECTED_BY_EXTENSION[fileExtension(filename)];
      const what =
        expected === undefined ? sniffed.description : `${sniffed.description}, not a ${expected}`;
      throw new ResumeExtractError(
        "resume_unsupported_format",
        `“${filename}” is ${what}. ${sniffed.advice}`,
      );
    }
  }
}

function emptyFile(filename: string): ResumeExtractError {
  return new ResumeExtractError(
    "resume_empty",
    `“${filename}” is empty. Ask the candidate to upload their résumé again.`,
  );
}

function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    // Not UTF-8: older Windows editors save Windows-1252, which decodes every byte.
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

function normalizeText(text: string): string {
  return (
    text
      .normalize("NFC")
      .replace(/\r\n?/g, "\n")
      .replace(/\f/g, "\n\n")
      .replace(/\u00a0/g, " ")
      // A tab between words separates columns; leading tabs are indentation.
      .replace(/(\S)[ ]*\t+[ ]*(?=\S)/g, "$1 | ")
      .replace(/\t/g, "  ")
      .replace(/[ ]+$/gm, "")
      .replace(/\n{3,}/g, "\n\n")
      .trim()
  );
}

/**
 * A link whose visible text differs from its target ("GitHub" pointing at github.com/jdoe) would be
 * invisible to field extraction, evidence and masking; listing such targets under the text keeps
 * every consumer working from the one string.
 */
function appendHiddenLinks(text: string, links: readonly string[]): string {
  const haystack = text.toLowerCase();
  const hidden = links
    .map((link) => link.replace(/^mailto:/i, "").trim())
    .filter((link) => link !== "" && !haystack.includes(stripScheme(link).toLowerCase()));
  const unique = [...new Set(hidden)];
  return unique.length === 0 ? text : `${text}\n\nLinks in the document:\n${unique.join("\n")}`;
}

function stripScheme(link: string): string {
  return link.replace(/^https?:\/\/(www\.)?/i, "").replace(/\/$/, "");
}
