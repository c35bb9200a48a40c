import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import { scratchDir, writeZip } from "../test-support/grader-submissions.js";
import { checkCompleteness } from "./document-check.js";
import { gradeSubmission } from "./grade.js";
import { loadPack, type TDocumentConfig, type TPack } from "./pack.js";

let pack: TPack;
let config: TDocumentConfig;
const statuses = (text: string) =>
  Object.fromEntries(checkCompleteness(text, config).sections.map((s) => [s.id, s.status]));

beforeAll(async () => {
  pack = await loadPack("architecture");
  if (pack.manifest.document === undefined) throw new Error("architecture has no document");
  config = pack.manifest.document;
});

describe("the design-document completeness check", () => {
  it("finds every section of the reference document", async () => {
    const text = await readFile(path.join(pack.referenceDir, "DESIGN.md"), "utf8");
    const result = checkCompleteness(text, config);
    expect(result.sections.map((s) => s.status)).toEqual(Array(10).fill("present"));
    expect(result.words).toBeGreaterThan(900);
  });

  it("counts the template's headings with only comments under them as thin", async () => {
    const text = await readFile(path.join(pack.starterDir, "DESIGN.md"), "utf8");
    const result = checkCompleteness(text, config);
    expect(result.sections.every((s) => s.status === "thin" && s.words === 0)).toBe(true);
  });

  it("tells missing from thin in a partial document", async () => {
    const text = await readFile(path.join(pack.dir, "test-submissions/partial.md"), "utf8");
    expect(statuses(text)).toEqual({
      requirements: "present",
      estimates: "missing",
      "data-model": "present",
      api: "present",
      caching: "present",
      background: "missing",
      scaling: "missing",
      security: "thin",
      deployment: "missing",
      "trade-offs": "present",
    });
  });

  it("matches headings written in the candidate's own words, and ignores code blocks", () => {
    const words = "word ".repeat(30);
    const text = [
      "# Design",
      "## Capacity planning",
      words,
      "## Background jobs and queues",
      words,
      "```",
      "# api endpoints in a shell comment",
      "```",
      "## Scalability & resilience",
      words,
    ].join("\n");
    const result = statuses(text);
    expect(result.estimates).toBe("present");
    expect(result.background).toBe("present");
    expect(result.scaling).toBe("present");
    // "capacity" holds the letters of "api", but not as a word.
    expect(result.api).toBe("missing");
  });

  it("reads a PDF's text, where headings are plain lines", async () => {
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    const page = pdf.addPage([595, 842]);
    const lines = [
      "Caching",
      "Tracking pages are cached for thirty seconds at the edge and in the application,",
      "and a status change deletes the key so recipients see new states quickly enough.",
      "Security",
      "Senders use hashed API keys, lockers use mutual TLS, staff sign in with SSO and MFA.",
    ];
    lines.forEach((line, index) =>
      page.drawText(line, { x: 40, y: 800 - index * 20, size: 10, font }),
    );
    const file = path.join(await scratchDir("doc"), "design.pdf");
    await writeFile(file, await pdf.save());
    const report = await gradeSubmission({ packId: "architecture", source: file });
    expect(report.status).toBe("graded");
    expect(report.details?.kind).toBe("document");
    if (report.details?.kind !== "document") return;
    const byId = Object.fromEntries(report.details.sections.map((s) => [s.id, s.status]));
    expect(byId.caching).toBe("present");
    expect(byId.security).toBe("thin");
    expect(byId.estimates).toBe("missing");
  });

  it("an empty document ends as a clear report", async () => {
    const report = await gradeSubmission({
      packId: "architecture",
      source: path.join(pack.dir, "test-submissions/empty.md"),
    });
    expect(report.status).toBe("error");
    expect(report.error?.kind).toBe("submission");
    expect(report.error?.message).toContain("The document is empty");
  });

  it("a project zip sent to the design pack says it is not a design document", async () => {
    const zip = await writeZip([
      { name: "shop/manage.py", data: "" },
      { name: "shop/orders/models.py", data: "" },
    ]);
    const report = await gradeSubmission({ packId: "architecture", source: zip });
    expect(report.status).toBe("error");
    expect(report.error?.message).toContain("not a design document");
    expect(report.error?.message).toContain("Markdown (.md), text or PDF");
  });
});
