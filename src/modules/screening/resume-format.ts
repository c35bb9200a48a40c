/**
 * Decides what a résumé file really is from its first bytes. The file name and the browser's MIME
 * type are only hints: a PNG renamed to .pdf must be reported as an image, not as a broken PDF.
 */

export type TSniffedFormat =
  | { kind: "pdf" }
  | { kind: "zip" }
  | { kind: "text" }
  | { kind: "unsupported"; description: string; advice: string };

const SAVE_AS_ADVICE = "Ask the candidate for a PDF, a Word (.docx) or a plain-text file.";

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((value, index) => bytes[offset + index] === value);
}

function ascii(text: string): number[] {
  return Array.from(text, (char) => char.charCodeAt(0));
}

const PDF_MAGIC = ascii("%PDF-");
// The PDF spec lets junk precede the header; readers accept it within the first kilobyte.
const PDF_HEADER_WINDOW = 1024;

function findSignature(bytes: Uint8Array, signature: readonly number[], window: number): number {
  const limit = Math.min(bytes.length - signature.length, window);
  for (let index = 0; index <= limit; index++) {
    if (startsWith(bytes, signature, index)) return index;
  }
  return -1;
}

const BINARY_SIGNATURES: readonly {
  signature: number[];
  offset?: number;
  description: string;
  advice: string;
}[] = [
  {
    signature: [0x89, 0x50, 0x4e, 0x47],
    description: "a PNG image",
    advice: "If it is a scanned résumé, ask for a PDF or Word file with selectable text.",
  },
  {
    signature: [0xff, 0xd8, 0xff],
    description: "a JPEG image",
    advice: "If it is a scanned résumé, ask for a PDF or Word file with selectable text.",
  },
  { signature: ascii("GIF8"), description: "a GIF image", advice: SAVE_AS_ADVICE },
  { signature: [0x49, 0x49, 0x2a, 0x00], description: "a TIFF image", advice: SAVE_AS_ADVICE },
  { signature: [0x4d, 0x4d, 0x00, 0x2a], description: "a TIFF image", advice: SAVE_AS_ADVICE },
  { signature: ascii("WEBP"), offset: 8, description: "a WebP image", advice: SAVE_AS_ADVICE },
  {
    signature: ascii("ftyp"),
    offset: 4,
    description: "a photo or video file (HEIC/MP4)",
    advice: SAVE_AS_ADVICE,
  },
  {
    // Old .doc files and password-protected .docx files are both OLE compound documents.
    signature: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
    description: "an old-style Word (.doc) file or a password-protected Word file",
    advice: "Ask the candidate to save it as .docx or PDF without a password.",
  },
  { signature: ascii("{\\rtf"), description: "a Rich Text (.rtf) file", advice: SAVE_AS_ADVICE },
  { signature: [0x1f, 0x8b], description: "a compressed (.gz) archive", advice: SAVE_AS_ADVICE },
  { signature: ascii("Rar!"), description: "a RAR archive", advice: SAVE_AS_ADVICE },
  { signature: [0x37, 0x7a, 0xbc, 0xaf], description: "a 7-Zip archive", advice: SAVE_AS_ADVICE },
];

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

export function sniffResumeFormat(bytes: Uint8Array): TSniffedFormat {
  if (findSignature(bytes, PDF_MAGIC, PDF_HEADER_WINDOW) >= 0) return { kind: "pdf" };
  if (startsWith(bytes, ZIP_MAGIC)) return { kind: "zip" };
  for (const candidate of BINARY_SIGNATURES) {
    if (startsWith(bytes, candidate.signature, candidate.offset ?? 0)) {
      return { kind: "unsupported", description: candidate.description, advice: candidate.advice };
    }
  }
  if (looksLikeHtml(bytes)) {
    return { kind: "unsupported", description: "a web page (HTML)", advice: SAVE_AS_ADVICE };
  }
  if (looksLikeText(bytes)) return { kind: "text" };
  return { kind: "unsupported", description: "not a document we can read", advice: SAVE_AS_ADVICE };
}

function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 512)).trimStart().toLowerCase();
  return head.startsWith("<!doctype html") || head.startsWith("<html");
}

const TEXT_SAMPLE_BYTES = 8192;
// Tabs, line feeds, carriage returns and form feeds are normal in text files.
const ALLOWED_CONTROL = new Set([0x09, 0x0a, 0x0c, 0x0d]);

/** Text files have no NUL bytes (UTF-16 aside, which has a BOM) and almost no control bytes. */
function looksLikeText(bytes: Uint8Array): boolean {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return true;
  const sample = bytes.subarray(0, TEXT_SAMPLE_BYTES);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return false;
    if (byte < 0x20 && !ALLOWED_CONTROL.has(byte)) control++;
  }
  return control <= sample.length * 0.01;
}

/** The extension the user gave, lower-cased without the dot, for messages only. */
export function fileExtension(filename: string): string {
  const dot = filename.lastIndexOf(".");
  return dot >= 0 ? filename.slice(dot + 1).toLowerCase() : "";
}
