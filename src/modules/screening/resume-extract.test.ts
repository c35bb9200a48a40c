import { PDFDocument, PDFHexString, StandardFonts } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { buildResumeDocx, buildResumePdf } from "../../test-support/resume-fixtures.js";
import { ResumeExtractError, type TResumeExtractErrorCode } from "./resume-extract-error.js";
import { extractResumeText, MAX_RESUME_BYTES } from "./resume-extract.js";

const ONE_PIXEL_PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);

async function expectExtractError(
  promise: Promise<unknown>,
  code: TResumeExtractErrorCode,
): Promise<ResumeExtractError> {
  const error: unknown = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ResumeExtractError);
  const extractError = error as ResumeExtractError;
  expect(extractError.code).toBe(code);
  expect(extractError.message.length).toBeGreaterThan(20);
  return extractError;
}

describe("extractResumeText — PDF", () => {
  it("reads a multi-page PDF with lists, table rows and link annotations", async () => {
    const bytes = await buildResumePdf([
      "Jane Doe",
      { link: "GitHub profile", url: "https://github.com/janedoe" },
      { heading: "Experience" },
      { cells: ["Senior Engineer, Acme", "Berlin", "2019 – present"] },
      {
        bullet:
          "Built REST APIs with Django REST Framework and PostgreSQL for a marketplace serving two million users a month across Europe.",
      },
      { bullet: "Introduced Celery workers for background jobs" },
      { pageBreak: true },
      { heading: "Skills" },
      "Python, Django, Docker",
    ]);
    const result = await extractResumeText({
      filename: "jane.pdf",
      mime: "application/pdf",
      bytes,
    });
    expect(result.format).toBe("pdf");
    expect(result.pages).toBe(2);
    expect(result.links).toEqual(["https://github.com/janedoe"]);
    const lines = result.text.split("\n");
    expect(lines[0]).toBe("Jane Doe");
    // Table cells on one baseline stay on one line, separated.
    expect(lines).toContain("Senior Engineer, Acme | Berlin | 2019 – present");
    // A bullet and its text are one line; the wrapped continuation is the next line.
    expect(
      lines.some((line) => line.startsWith("• Built REST APIs with Django REST Framework")),
    ).toBe(true);
    expect(lines).toContain("• Introduced Celery workers for background jobs");
    expect(result.text).toContain("Skills\n");
    // The link target hidden behind "GitHub profile" is listed under the text.
    expect(result.text).toMatch(/Links in the document:\nhttps:\/\/github\.com\/janedoe$/);
  });

  it("rejects a damaged PDF as corrupt", async () => {
    const bytes = new TextEncoder().encode(
      "%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage without xref",
    );
    await expectExtractError(
      extractResumeText({ filename: "broken.pdf", bytes }),
      "resume_corrupt",
    );
  });

  it("rejects a truncated PDF as corrupt", async () => {
    const full = await buildResumePdf([
      "Jane Doe",
      "Python developer with Django experience and more text here",
    ]);
    await expectExtractError(
      extractResumeText({ filename: "cut.pdf", bytes: full.slice(0, full.length / 3) }),
      "resume_corrupt",
    );
  });

  it("rejects a password-protected PDF (an /Encrypt dictionary in the trailer)", async () => {
    const document = await PDFDocument.create();
    const font = await document.embedFont(StandardFonts.Helvetica);
    document.addPage().drawText("Secret résumé of a Django developer", { x: 50, y: 700, font });
    const encrypt = document.context.register(
      document.context.obj({
        Filter: "Standard",
        V: 1,
        R: 2,
        O: PDFHexString.of("11".repeat(32)),
        U: PDFHexString.of("22".repeat(32)),
        P: -4,
      }),
    );
    document.context.trailerInfo.Encrypt = encrypt;
    document.context.trailerInfo.ID = document.context.obj([
      PDFHexString.of("ab".repeat(16)),
      PDFHexString.of("ab".repeat(16)),
    ]);
    const bytes = await document.save({ useObjectStreams: false });
    expect(Buffer.from(bytes).toString("latin1")).toMatch(/trailer[\s\S]*\/Encrypt/);
    const error = await expectExtractError(
      extractResumeText({ filename: "locked.pdf", bytes }),
      "resume_encrypted",
    );
    expect(error.message).toContain("password");
  });

  it("rejects a scanned PDF (an image, no text layer)", async () => {
    const document = await PDFDocument.create();
    const image = await document.embedPng(ONE_PIXEL_PNG);
    document.addPage().drawImage(image, { x: 0, y: 0, width: 595, height: 842 });
    const bytes = await document.save();
    const error = await expectExtractError(
      extractResumeText({ filename: "scan.pdf", bytes }),
      "resume_no_text_layer",
    );
    expect(error.message).toContain("scanned");
  });

  it("rejects a PDF whose page has no text at all", async () => {
    const document = await PDFDocument.create();
    document.addPage();
    const bytes = await document.save();
    await expectExtractError(
      extractResumeText({ filename: "blank.pdf", bytes }),
      "resume_no_text_layer",
    );
  });
});

describe("extractResumeText — DOCX", () => {
  it("reads paragraphs, list items, table cells, hyperlinks and the header", async () => {
    const bytes = await buildResumeDocx(
      [
        { paragraph: "Jane Doe" },
        { paragraph: "Experience" },
        { bullets: ["Built APIs with Django REST Framework", "Tuned PostgreSQL indexes"] },
        {
          table: [
            ["Skill", "Years"],
            ["Django", "6"],
            ["Celery", "3"],
          ],
        },
        { hyperlink: "My GitHub", url: "https://github.com/janedoe" },
      ],
      { header: "jane@example.com · +44 20 7946 0958" },
    );
    const result = await extractResumeText({ filename: "jane.docx", bytes });
    expect(result.format).toBe("docx");
    expect(result.links).toEqual(["https://github.com/janedoe"]);
    const lines = result.text.split("\n");
    expect(lines[0]).toBe("jane@example.com · +44 20 7946 0958");
    expect(lines).toContain("• Built APIs with Django REST Framework");
    expect(lines).toContain("• Tuned PostgreSQL indexes");
    expect(lines).toContain("Skill | Years");
    expect(lines).toContain("Django | 6");
    expect(lines).toContain("My GitHub");
    expect(result.text).toContain("Links in the document:\nhttps://github.com/janedoe");
  });

  it("rejects a zip that is not a Word document", async () => {
    const yazl = (await import("yazl")).default;
    const zip = new yazl.ZipFile();
    zip.addBuffer(Buffer.from("hello"), "notes.txt");
    zip.end();
    const chunks: Buffer[] = [];
    for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
    await expectExtractError(
      extractResumeText({ filename: "cv.docx", bytes: Buffer.concat(chunks) }),
      "resume_unsupported_format",
    );
  });

  it("rejects a damaged DOCX as corrupt", async () => {
    const bytes = await buildResumeDocx([{ paragraph: "Jane Doe" }]);
    await expectExtractError(
      extractResumeText({ filename: "cv.docx", bytes: bytes.slice(0, 60) }),
      "resume_corrupt",
    );
  });
});

describe("extractResumeText — text and bad input", () => {
  it("reads UTF-8 text and normalises line endings and tabs", async () => {
    const bytes = new TextEncoder().encode(
      "Jane Doe\r\nPython\tDjango\r\n\r\n\r\n\r\nExperience\r\n",
    );
    const result = await extractResumeText({ filename: "cv.txt", mime: "text/plain", bytes });
    expect(result).toEqual({
      text: "Jane Doe\nPython | Django\n\nExperience",
      format: "txt",
      links: [],
    });
  });

  it("reads Windows-1252 text", async () => {
    const bytes = new Uint8Array([
      ...Buffer.from("Ren"),
      0xe9,
      ...Buffer.from(" M\u00fcller, Django developer", "latin1"),
    ]);
    const result = await extractResumeText({ filename: "cv.txt", bytes });
    expect(result.text).toBe("René Müller, Django developer");
  });

  it("rejects an empty file", async () => {
    await expectExtractError(
      extractResumeText({ filename: "cv.pdf", bytes: new Uint8Array() }),
      "resume_empty",
    );
  });

  it("rejects a whitespace-only text file as empty", async () => {
    await expectExtractError(
      extractResumeText({ filename: "cv.txt", bytes: new TextEncoder().encode(" \n\t\n") }),
      "resume_empty",
    );
  });

  it("detects a PNG renamed to .pdf by its bytes", async () => {
    const error = await expectExtractError(
      extractResumeText({ filename: "cv.pdf", mime: "application/pdf", bytes: ONE_PIXEL_PNG }),
      "resume_unsupported_format",
    );
    expect(error.message).toContain("PNG image, not a PDF");
  });

  it("names old Word files", async () => {
    const bytes = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    const error = await expectExtractError(
      extractResumeText({ filename: "cv.doc", bytes }),
      "resume_unsupported_format",
    );
    expect(error.message).toContain(".doc");
  });

  it("rejects binary data that is no document", async () => {
    const bytes = new Uint8Array(256).map((_, index) => (index * 37) % 256);
    await expectExtractError(
      extractResumeText({ filename: "cv.txt", bytes }),
      "resume_unsupported_format",
    );
  });

  it("rejects files over 10 MB before reading them", async () => {
    const bytes = new Uint8Array(MAX_RESUME_BYTES + 1);
    bytes.set(new TextEncoder().encode("%PDF-1.7"));
    const error = await expectExtractError(
      extractResumeText({ filename: "huge.pdf", bytes }),
      "resume_too_large",
    );
    expect(error.message).toContain("10 MB");
  });
});
