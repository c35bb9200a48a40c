/**
 * Builders for real résumé files, used by the screening tests and the screening benchmark: PDFs drawn
 * with pdf-lib (wrapped lines, bullets, table rows, link annotations, page breaks) and DOCX packages
 * zipped with yazl (paragraphs, a bulleted list, a table, a hyperlink, a header part).
 */
import {
  PDFDocument,
  PDFName,
  PDFString,
  StandardFonts,
  type PDFFont,
  type PDFPage,
} from "pdf-lib";
import yazl from "yazl";

export type TPdfLine =
  | string
  | { bullet: string }
  | { cells: string[] }
  | { link: string; url: string }
  | { heading: string }
  | { pageBreak: true };

const PAGE_WIDTH = 595;
const PAGE_HEIGHT = 842;
const MARGIN = 50;
const FONT_SIZE = 10.5;
const LINE_HEIGHT = 14;

type TCursor = { page: PDFPage; y: number };

export async function buildResumePdf(
  lines: readonly TPdfLine[],
  options: { title?: string } = {},
): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  if (options.title !== undefined) document.setTitle(options.title);
  const regular = await document.embedFont(StandardFonts.Helvetica);
  const bold = await document.embedFont(StandardFonts.HelveticaBold);
  const cursor: TCursor = {
    page: document.addPage([PAGE_WIDTH, PAGE_HEIGHT]),
    y: PAGE_HEIGHT - MARGIN,
  };
  const newPage = (): void => {
    cursor.page = document.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
    cursor.y = PAGE_HEIGHT - MARGIN;
  };
  const advance = (by: number): void => {
    cursor.y -= by;
    if (cursor.y < MARGIN) newPage();
  };
  for (const line of lines) {
    if (typeof line === "string") {
      for (const wrapped of wrap(line, regular, FONT_SIZE, PAGE_WIDTH - 2 * MARGIN)) {
        cursor.page.drawText(wrapped, { x: MARGIN, y: cursor.y, size: FONT_SIZE, font: regular });
        advance(LINE_HEIGHT);
      }
    } else if ("heading" in line) {
      advance(LINE_HEIGHT * 0.8);
      cursor.page.drawText(line.heading, { x: MARGIN, y: cursor.y, size: 13, font: bold });
      advance(LINE_HEIGHT * 1.4);
    } else if ("bullet" in line) {
      const wrappedLines = wrap(line.bullet, regular, FONT_SIZE, PAGE_WIDTH - 2 * MARGIN - 14);
      wrappedLines.forEach((wrapped, index) => {
        if (index === 0)
          cursor.page.drawText("•", { x: MARGIN + 2, y: cursor.y, size: FONT_SIZE, font: regular });
        cursor.page.drawText(wrapped, {
          x: MARGIN + 14,
          y: cursor.y,
          size: FONT_SIZE,
          font: regular,
        });
        advance(LINE_HEIGHT);
      });
    } else if ("cells" in line) {
      const columnWidth = (PAGE_WIDTH - 2 * MARGIN) / line.cells.length;
      line.cells.forEach((cell, column) => {
        cursor.page.drawText(cell, {
          x: MARGIN + column * columnWidth,
          y: cursor.y,
          size: FONT_SIZE,
          font: regular,
        });
      });
      advance(LINE_HEIGHT);
    } else if ("link" in line) {
      cursor.page.drawText(line.link, { x: MARGIN, y: cursor.y, size: FONT_SIZE, font: regular });
      addLinkAnnotation(
        document,
        cursor.page,
        MARGIN,
        cursor.y,
        regular.widthOfTextAtSize(line.link, FONT_SIZE),
        line.url,
      );
      advance(LINE_HEIGHT);
    } else {
      newPage();
    }
  }
  return document.save();
}

function addLinkAnnotation(
  document: PDFDocument,
  page: PDFPage,
  x: number,
  y: number,
  width: number,
  url: string,
): void {
  const annotation = document.context.register(
    document.context.obj({
      Type: "Annot",
      Subtype: "Link",
      Rect: [x, y - 2, x + width, y + FONT_SIZE],
      Border: [0, 0, 0],
      A: { Type: "Action", S: "URI", URI: PDFString.of(url) },
    }),
  );
  const existing = page.node.Annots();
  if (existing === undefined)
    page.node.set(PDFName.of("Annots"), document.context.obj([annotation]));
  else existing.push(annotation);
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let current = "";
  for (const word of text.split(/\s+/)) {
    const candidate = current === "" ? word : `${current} ${word}`;
    if (current !== "" && font.widthOfTextAtSize(candidate, size) > width) {
      lines.push(current);
      current = word;
    } else current = candidate;
  }
  if (current !== "") lines.push(current);
  return lines;
}

export type TDocxBlock =
  | { paragraph: string }
  | { bullets: string[] }
  | { table: string[][] }
  | { hyperlink: string; url: string };

function xmlEscape(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

function run(text: string): string {
  return `<w:r><w:t xml:space="preserve">${xmlEscape(text)}</w:t></w:r>`;
}

const W_NS =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

/** A minimal but valid DOCX package; `header` goes into word/header1.xml like a template's contact line. */
export async function buildResumeDocx(
  blocks: readonly TDocxBlock[],
  options: { header?: string } = {},
): Promise<Uint8Array> {
  const relationships: string[] = [
    '<Relationship Id="rIdNumbering" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>',
  ];
  const body: string[] = [];
  blocks.forEach((block, index) => {
    if ("paragraph" in block) body.push(`<w:p>${run(block.paragraph)}</w:p>`);
    else if ("bullets" in block) {
      for (const item of block.bullets) {
        body.push(
          `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>${run(item)}</w:p>`,
        );
      }
    } else if ("table" in block) {
      const rows = block.table.map(
        (row) =>
          `<w:tr>${row.map((cell) => `<w:tc><w:p>${run(cell)}</w:p></w:tc>`).join("")}</w:tr>`,
      );
      body.push(`<w:tbl>${rows.join("")}</w:tbl>`);
    } else {
      const id = `rIdLink${index}`;
      relationships.push(
        `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="${xmlEscape(block.url)}" TargetMode="External"/>`,
      );
      body.push(`<w:p><w:hyperlink r:id="${id}">${run(block.hyperlink)}</w:hyperlink></w:p>`);
    }
  });
  const zip = new yazl.ZipFile();
  const add = (name: string, xml: string): void =>
    zip.addBuffer(
      Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${xml}`),
      name,
    );
  add(
    "[Content_Types].xml",
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/></Types>',
  );
  add(
    "_rels/.rels",
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  const sectionProperties =
    options.header === undefined
      ? ""
      : '<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader"/></w:sectPr>';
  if (options.header !== undefined) {
    relationships.push(
      '<Relationship Id="rIdHeader" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>',
    );
    add("word/header1.xml", `<w:hdr ${W_NS}><w:p>${run(options.header)}</w:p></w:hdr>`);
  }
  add(
    "word/document.xml",
    `<w:document ${W_NS}><w:body>${body.join("")}${sectionProperties}</w:body></w:document>`,
  );
  add(
    "word/_rels/document.xml.rels",
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${relationships.join("")}</Relationships>`,
  );
  add(
    "word/numbering.xml",
    `<w:numbering ${W_NS}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`,
  );
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}
