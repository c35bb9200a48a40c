import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import * as fontkit from "fontkit";
import PDFDocument from "pdfkit";
import type { TAssessmentSummary } from "../assessments/assessments.schema.js";
import type { TScorecard } from "../scorecards/scorecards.schema.js";
import type { TScreeningView } from "../screening/screening-api.schema.js";
import type { TApplicationEvidenceResponse } from "./shortlist.schema.js";

/** Everything the packet shows, each part already cut to what the caller may read. */
export type TPacketData = {
  generatedAt: Date;
  generatedBy: string;
  evidence: TApplicationEvidenceResponse;
  /** Contact details are null while blind review hides who the candidate is. */
  profile: { name: string; email: string | null; phone: string | null; blind: boolean };
  screening: TScreeningView;
  scorecards: TScorecard[];
  /** Stages with submitted scorecards the caller may not read yet. */
  withheldStageNames: string[];
  assessments: TAssessmentSummary[];
};

const BODY = "DejaVuSans";
const BOLD = "DejaVuSans-Bold";
const fixed = (n: number | null | undefined, digits = 2) =>
  n === null || n === undefined ? "—" : n.toFixed(digits);
const pct = (n: number) => `${Math.round(n * 100)}%`;
const RECOMMENDATION: Record<string, string> = {
  strong_no: "strong no",
  no: "no",
  yes: "yes",
  strong_yes: "strong yes",
};

/**
 * pdfkit's built-in fonts cover Latin-1 only, so names like "Дмитрий" or "Łukasz" would print as
 * garbage. DejaVu Sans (npm `dejavu-fonts-ttf`, the Bitstream Vera licence: free to embed and
 * redistribute) covers Latin, Greek, Cyrillic, Armenian, Georgian and Hebrew; pdfkit embeds only
 * the glyphs a packet uses. The fonts are parsed once per process and shared by every packet
 * (parsing them anew for each document tripled a packet's rendering time).
 */
const FONT_FILES = {
  regular: "dejavu-fonts-ttf/ttf/DejaVuSans.ttf",
  bold: "dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf",
} as const;
type TFont = ReturnType<typeof fontkit.create>;
let fonts: Promise<{ regular: TFont; bold: TFont }> | undefined;
function packetFonts() {
  if (!fonts) {
    const resolve = createRequire(import.meta.url).resolve;
    const load = async (file: string) => fontkit.create(await readFile(resolve(file)));
    fonts = Promise.all([load(FONT_FILES.regular), load(FONT_FILES.bold)]).then(
      ([regular, bold]) => ({ regular, bold }),
    );
    // A failed read is not kept: the next packet tries again.
    fonts.catch(() => (fonts = undefined));
  }
  return fonts;
}

/** Text as the packet prints it: composed (NFC), without control characters other than tab/newline. */
export function pdfSafe(text: string): string {
  return text.normalize("NFC").replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, "");
}

/** Renders the candidate packet; resolves with the PDF's bytes. */
export async function renderCandidatePacket(data: TPacketData): Promise<Buffer> {
  const { regular, bold } = await packetFonts();
  const doc = new PDFDocument({
    size: "A4",
    margin: 50,
    info: {
      Title: pdfSafe(`Candidate packet: ${data.profile.name}`),
      Author: "Shortlist",
      Subject: pdfSafe(data.evidence.role.title),
    },
  });
  // pdfkit takes a parsed fontkit font as well as a file; its types only list the file.
  doc.registerFont(BODY, regular as unknown as Buffer);
  doc.registerFont(BOLD, bold as unknown as Buffer);
  doc.font(BODY);
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  const { evidence } = data;
  const stageName = new Map(evidence.role.stages.map((s) => [s.id, s.name]));
  const heading = (text: string) => {
    doc.moveDown(0.8).font(BOLD).fontSize(14).text(pdfSafe(text)).moveDown(0.3);
    doc.font(BODY).fontSize(10);
  };
  const sub = (text: string) => {
    doc.moveDown(0.4).font(BOLD).fontSize(11).text(pdfSafe(text));
    doc.font(BODY).fontSize(10);
  };
  const line = (text: string, options: PDFKit.Mixins.TextOptions = {}) =>
    doc.text(pdfSafe(text), options);
  const field = (label: string, value: string) => {
    doc.font(BOLD).text(pdfSafe(`${label}: `), { continued: true });
    doc.font(BODY).text(pdfSafe(value));
  };

  doc.font(BOLD).fontSize(20).text(pdfSafe(data.profile.name));
  doc
    .font(BODY)
    .fontSize(11)
    .text(pdfSafe(`Candidate packet – ${evidence.role.title}`));
  doc
    .fontSize(9)
    .fillColor("#444444")
    .text(
      pdfSafe(
        `Generated ${data.generatedAt.toISOString().slice(0, 16).replace("T", " ")} UTC for ${data.generatedBy}. Confidential: for the hiring team of this role.`,
      ),
    )
    .fillColor("black")
    .fontSize(10);

  heading("Profile");
  field("Name", data.profile.name);
  if (data.profile.blind)
    line("Contact details are hidden while the blind résumé screen is pending.");
  else {
    field("E-mail", data.profile.email ?? "—");
    field("Phone", data.profile.phone ?? "—");
  }
  field("Stage", stageName.get(evidence.application.stageId) ?? "—");
  field("Status", evidence.application.status);

  heading("Composite");
  const { summary } = evidence;
  if (summary.composite) {
    const c = summary.composite;
    field("Composite", `${fixed(c.estimate)} on the 1-4 scale (sd ${fixed(c.sd, 3)})`);
    field("80% band", `${fixed(c.low80)} to ${fixed(c.high80)}`);
    field("Chance above the bar", `${pct(c.pAbove)} (bar ${fixed(summary.bar, 1)})`);
  } else line("No weighted competency has evidence yet, so there is no composite.");
  field("Evidence coverage", `${pct(summary.coverage)} of the role's weight`);
  field(
    "Variances from",
    `${summary.variances.source} (τ² ${fixed(summary.variances.tau2, 3)}, σ² ${fixed(summary.variances.sigma2, 3)})`,
  );
  if (summary.flags.length) {
    sub("Evidence flags");
    for (const flag of summary.flags) line(`- ${flag.message}`);
  }
  sub("By competency");
  for (const c of evidence.competencies) {
    line(
      `${c.name} (weight ${c.weight}%): ${c.n} source${c.n === 1 ? "" : "s"}, mean ${fixed(c.mean)}, estimate ${fixed(c.estimate)}${c.sd === null ? "" : ` ± ${fixed(c.sd, 2)}`}, share ${pct(c.share)}`,
    );
  }
  for (const note of evidence.notes) doc.fontSize(8).fillColor("#444444").text(pdfSafe(note));
  doc.fillColor("black").fontSize(10);

  heading("Résumé screen");
  if (data.screening.screens.length === 0) line("No screen recorded yet.");
  const proposal = new Map((data.screening.proposal?.items ?? []).map((i) => [i.itemId, i]));
  for (const screen of data.screening.screens) {
    sub(
      `${screen.outcome} - ${screen.screenedBy?.name ?? "someone"}, ${screen.screenedAt.slice(0, 10)}${screen.blind ? " (blind)" : ""}`,
    );
    for (const item of screen.items) {
      line(
        `- ${item.label}: ${item.verdict.replace("_", " ")}${item.note ? ` (${item.note})` : ""}`,
      );
      const passage = proposal.get(item.itemId)?.passages[0];
      if (passage)
        doc
          .fontSize(8)
          .fillColor("#444444")
          .text(pdfSafe(`  "${passage.text.slice(0, 300)}"`), { indent: 12 });
      doc.fillColor("black").fontSize(10);
    }
    if (screen.notes) line(`Notes: ${screen.notes}`);
  }

  heading("Scorecards");
  if (data.scorecards.length === 0) line("No submitted scorecards you can read.");
  for (const card of data.scorecards) {
    sub(
      `${card.stageName} - ${card.interviewer.name}: ${card.recommendation ? RECOMMENDATION[card.recommendation] : "no recommendation"}${card.submittedAt ? `, ${card.submittedAt.slice(0, 10)}` : ""}`,
    );
    const ratings = Object.entries(card.competencyRatings);
    if (ratings.length)
      line(
        `Competencies: ${ratings.map(([id, r]) => `${evidence.competencies.find((c) => c.competencyId === id)?.name ?? id} ${r}`).join("; ")}`,
      );
    line(`Key takeaways: ${card.keyTakeaways}`);
    for (const answer of card.answers)
      doc
        .fontSize(9)
        .text(
          pdfSafe(
            `- ${answer.questionTitle ?? answer.questionId}: ${answer.rating === "not_asked" ? "not asked" : (answer.rating ?? "-")}${answer.notes ? ` - ${answer.notes}` : ""}`,
          ),
          { indent: 8 },
        );
    doc.fontSize(10);
  }
  if (data.withheldStageNames.length)
    line(
      `Scorecards of ${data.withheldStageNames.join(", ")} are not shown: you can read them after submitting your own for that stage.`,
    );

  heading("Practical assessments");
  if (data.assessments.length === 0) line("No assessment sent.");
  for (const assessment of data.assessments) {
    for (const part of assessment.parts) {
      // The version that counts (the team's choice, else the newest), as the report page shows it.
      const counted =
        part.submissions.find((s) => s.id === part.counting?.submissionId) ?? part.submissions[0];
      const grading = counted?.latestGrading;
      sub(`${part.pack.title}: ${part.state}`);
      if (counted)
        line(
          `Submission v${counted.version} of ${part.submissions.length}${counted.isLate ? " (late)" : ""}, ${counted.submittedAt.slice(0, 10)}: ${grading ? `${grading.status}${grading.score === null ? "" : `, score ${grading.score}/100`}` : "not graded"}`,
        );
    }
    const counted = evidence.competencies.flatMap((c) =>
      c.sources
        .filter((s) => s.kind === "assessment" && s.assessment?.id === assessment.id)
        .map((s) => `${c.name} ${fixed(s.score, 0)}/100`),
    );
    if (counted.length) line(`Counts towards: ${counted.join("; ")}`);
    // A design review counts per reviewer: one line each, with what it adds per competency.
    const reviewers = new Map<string, string[]>();
    for (const c of evidence.competencies)
      for (const s of c.sources)
        if (s.kind === "design-review" && s.assessment?.id === assessment.id && s.rater)
          reviewers.set(s.rater.name, [
            ...(reviewers.get(s.rater.name) ?? []),
            `${c.name} ${fixed(s.rating)}`,
          ]);
    for (const [name, ratings] of reviewers)
      line(`Design review by ${name} counts towards: ${ratings.join("; ")}`);
  }
  if (summary.integrity && summary.integrity !== "clean")
    line(`Integrity check: ${summary.integrity}. Read the grading report before deciding.`);

  doc.end();
  return done;
}
