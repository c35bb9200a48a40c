import mammoth from "mammoth";
import yauzl from "yauzl";
import { convertDocxHtmlToText, decodeEntities } from "./docx-html-text.js";
import { ResumeExtractError } from "./resume-extract-error.js";

export type TDocxText = { text: string; links: string[] };

// A 10 MB upload that inflates past this is a zip bomb or not a résumé.
const MAX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024;
const MAX_ENTRIES = 2000;
const HEADER_FOOTER_ENTRY = /^word\/(header|footer)\d*\.xml$/;
const MAX_HEADER_FOOTER_BYTES = 1024 * 1024;

type TDocxPackage = { headers: string[]; footers: string[] };

export async function extractDocxText(bytes: Uint8Array, filename: string): Promise<TDocxText> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const docxPackage = await inspectDocxPackage(buffer, filename);
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer },
      // Image bytes are not needed for screening; skipping them avoids base64-encoding photos.
      { convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: "" })) },
    );
    html = result.value;
  } catch (error) {
    throw corruptDocx(filename, error);
  }
  const body = convertDocxHtmlToText(html);
  // mammoth ignores headers and footers, but résumé templates often put contact details there.
  const text = [...docxPackage.headers, body.text, ...docxPackage.footers]
    .filter((part) => part !== "")
    .join("\n\n");
  if (text.trim() === "") {
    throw new ResumeExtractError(
      "resume_empty",
      `“${filename}” is a Word document without any text.`,
    );
  }
  return { text, links: body.links };
}

function corruptDocx(filename: string, cause: unknown): ResumeExtractError {
  return new ResumeExtractError(
    "resume_corrupt",
    `“${filename}” looks like a Word document but is damaged and cannot be opened. Ask the candidate to save it again.`,
    { cause },
  );
}

/** Checks that the zip is a Word document of sane size and reads its header and footer parts. */
async function inspectDocxPackage(buffer: Buffer, filename: string): Promise<TDocxPackage> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(buffer, { lazyEntries: true, strictFileNames: false });
  } catch (error) {
    throw corruptDocx(filename, error);
  }
  const found = { document: false, odt: false, entries: 0, uncompressed: 0 };
  const headers: string[] = [];
  const footers: string[] = [];
  try {
    for await (const entry of zip.eachEntry()) {
      found.entries++;
      found.uncompressed += entry.uncompressedSize;
      if (found.entries > MAX_ENTRIES || found.uncompressed > MAX_UNCOMPRESSED_BYTES) {
        throw new ResumeExtractError(
          "resume_too_large",
          `“${filename}” expands to far more data than a résumé; it cannot be screened.`,
        );
      }
      if (entry.fileName === "word/document.xml") found.document = true;
      if (entry.fileName === "content.xml" || entry.fileName === "mimetype") found.odt = true;
      const part = HEADER_FOOTER_ENTRY.exec(entry.fileName);
      if (part !== null && entry.uncompressedSize <= MAX_HEADER_FOOTER_BYTES) {
        const text = wordXmlToText(await readEntry(zip, entry));
        if (text !== "") (part[1] === "header" ? headers : footers).push(text);
      }
    }
  } catch (error) {
    if (error instanceof ResumeExtractError) throw error;
    throw corruptDocx(filename, error);
  } finally {
    zip.close();
  }
  if (!found.document) {
    throw new ResumeExtractError(
      "resume_unsupported_format",
      found.odt
        ? `“${filename}” is an OpenDocument file. Ask the candidate for a PDF or a Word (.docx) file.`
        : `“${filename}” is a zip archive, not a résumé. Ask the candidate for a PDF or a Word (.docx) file.`,
    );
  }
  return { headers: [...new Set(headers)], footers: [...new Set(footers)] };
}

async function readEntry(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<string> {
  const stream = await zip.openReadStreamPromise(entry);
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** Text of a WordprocessingML part: one line per paragraph, tabs as spaces. */
function wordXmlToText(xml: string): string {
  const paragraphs = xml.match(/<w:p[\s>][\s\S]*?<\/w:p>/g) ?? [];
  return paragraphs
    .map((paragraph) =>
      decodeEntities(
        paragraph
          .replace(/<w:tab\/>/g, " ")
          .replace(
            /<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<[^>]+>/g,
            (_tag, text: string | undefined) => text ?? "",
          ),
      ).trim(),
    )
    .filter((line) => line !== "")
    .join("\n");
}
