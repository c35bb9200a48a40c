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
 * The built-in PDF fonts cover Latin-1 (WinAnsi) only; anything else would print as garbage, so
 * it is replaced with "?" and the packet stays readable and searchable. Names in other scripts are
 * a known limit until a Unicode font ships with the app.
 */
export function pdfSafe(text: string): string {
  return text
    .normalize("NFC")
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2013\u2014]/g, "-")
    .replace(/\u2026/g, "...")
    .replace(/[^\t\n\r\u0020-\u007e\u00a0-\u00ff]/g, "?");
}

/** Renders the candidate packet; resolves with the PDF's bytes. */
export function renderCandidatePacket(data: TPacketData): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margin: 50,
    info: {
      Title: pdfSafe(`Candidate packet: ${data.profile.name}`),
      Author: "Shortlist",
      Subject: pdfSafe(data.evidence.role.title),
    },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  const { evidence } = data;
  const stageName = new Map(evidence.role.stages.map((s) => [s.id, s.name]));
  const heading = (text: string) => {
    doc.moveDown(0.8).font("Helvetica-Bold").fontSize(14).text(pdfSafe(text)).moveDown(0.3);
    doc.font("Helvetica").fontSize(10);
  };
  const sub = (text: string) => {
    doc.moveDown(0.4).font("Helvetica-Bold").fontSize(11).text(pdfSafe(text));
    doc.font("Helvetica").fontSize(10);
  };
  const line = (text: string, options: PDFKit.Mixins.TextOptions = {}) =>
    doc.text(pdfSafe(text), options);
  const field = (label: string, value: string) => {
    doc.font("Helvetica-Bold").text(pdfSafe(`${label}: `), { continued: true });
    doc.font("Helvetica").text(pdfSafe(value));
  };

  doc.font("Helvetica-Bold").fontSize(20).text(pdfSafe(data.profile.name));
  doc
    .font("Helvetica")
    .fontSize(11)
    .text(pdfSafe(`Candidate packet - ${evidence.role.title}`));
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
    `${summary.variances.source} (tau^2 ${fixed(summary.variances.tau2, 3)}, sigma^2 ${fixed(summary.variances.sigma2, 3)})`,
  );
  if (summary.flags.length) {
    sub("Evidence flags");
    for (const flag of summary.flags) line(`- ${flag.message}`);
  }
  sub("By competency");
  for (const c of evidence.competencies) {
    line(
      `${c.name} (weight ${c.weight}%): ${c.n} source${c.n === 1 ? "" : "s"}, mean ${fixed(c.mean)}, estimate ${fixed(c.estimate)}${c.sd === null ? "" : ` +/- ${fixed(c.sd, 2)}`}, share ${pct(c.share)}`,
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
        .filter((s) => s.assessment?.id === assessment.id)
        .map((s) => `${c.name} ${fixed(s.score, 0)}/100`),
    );
    if (counted.length) line(`Counts towards: ${counted.join("; ")}`);
  }
  if (summary.integrity && summary.integrity !== "clean")
    line(`Integrity check: ${summary.integrity}. Read the grading report before deciding.`);

  doc.end();
  return done;
}
