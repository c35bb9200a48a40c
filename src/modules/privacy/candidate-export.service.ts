import { Readable } from "node:stream";
import yazl from "yazl";
import type { TDatabase } from "../../db/client.js";
import { notFound } from "../../errors.js";
import type { TActor, TAuditService } from "../audit/audit.service.js";
import type { TFairnessRepo } from "../fairness/fairness.repo.js";
import type { TPrivacyRepo } from "./privacy.repo.js";

/** A name safe inside a zip: no folders, no dots leading out, printable. */
function entryName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "file";
  const cleaned = base.replace(/[^\w.() -]/g, "_").replace(/^\.+/, "");
  return cleaned.slice(0, 120) || "file";
}

/**
 * Everything held about one candidate (GDPR art. 15 and 20): `candidate.json` and their files,
 * as one zip. Admins only (the route says so); the export itself is audited, without its content.
 */
export function createCandidateExportService(deps: {
  db: TDatabase;
  privacyRepo: Pick<TPrivacyRepo, "loadDossier" | "listConsents" | "listAccess">;
  auditService: Pick<TAuditService, "recordEvent">;
  selfIdentification: Pick<TFairnessRepo, "findAnswers">;
}) {
  return {
    async exportCandidate(input: { candidateId: string; actor: TActor }) {
      const dossier = await deps.privacyRepo.loadDossier(input.candidateId);
      if (!dossier) throw notFound("That candidate");
      const consents = await deps.privacyRepo.listConsents(input.candidateId);
      const accessTrail = await deps.privacyRepo.listAccess(input.candidateId, { limit: 10_000 });
      // The person's own voluntary answers are theirs to receive (art. 15), even though no one
      // on the hiring team ever reads them.
      const selfIdentification =
        (await deps.selfIdentification.findAnswers(input.candidateId)) ?? null;
      const { candidate } = dossier;
      const zip = new yazl.ZipFile();
      const files: { path: string; kind: "resume" | "submission"; id: string }[] = [];
      for (const [index, resume] of dossier.resumes.entries()) {
        const path = `files/resumes/${index + 1}-${entryName(resume.filename)}`;
        zip.addBuffer(resume.content, path);
        files.push({ path, kind: "resume", id: resume.id });
      }
      for (const submission of dossier.submissions) {
        if (submission.content.byteLength === 0) continue;
        const path = `files/submissions/${submission.assessmentId.slice(0, 8)}-v${submission.version}-${entryName(submission.filename)}`;
        zip.addBuffer(submission.content, path);
        files.push({ path, kind: "submission", id: submission.id });
      }
      const document = {
        exportedAt: new Date().toISOString(),
        candidate: {
          id: candidate.id,
          name: candidate.name,
          email: candidate.email,
          phone: candidate.phone,
          links: {
            github: candidate.githubUrl,
            portfolio: candidate.portfolioUrl,
            linkedin: candidate.linkedinUrl,
          },
          notes: candidate.notes,
          createdAt: candidate.createdAt,
          updatedAt: candidate.updatedAt,
          erasedAt: candidate.erasedAt,
        },
        applications: dossier.applications,
        stageHistory: dossier.stageHistory,
        resumeScreens: dossier.screens,
        scorecards: dossier.scorecards,
        teamNotes: dossier.notes,
        decisions: dossier.decisions,
        interviews: dossier.interviews,
        assessments: dossier.assessments,
        submissions: dossier.submissions.map(({ content: _content, ...rest }) => rest),
        gradings: dossier.gradings,
        resumes: dossier.resumes.map(({ content: _content, ...rest }) => rest),
        consents,
        selfIdentification,
        accessTrail,
        files,
      };
      zip.addBuffer(Buffer.from(JSON.stringify(document, null, 2)), "candidate.json");
      zip.end();
      await deps.db.transaction(async (tx) => {
        await deps.auditService.recordEvent(
          input.actor,
          {
            action: "candidate.exported",
            entityType: "candidate",
            entityId: candidate.id,
            after: { files: files.length },
          },
          tx,
        );
      });
      return {
        filename: `candidate-${candidate.id.slice(0, 8)}-export.zip`,
        // yazl's stream is a PassThrough; wrap it so the route gets a plain Readable.
        stream: Readable.from(zip.outputStream),
      };
    },
  };
}
export type TCandidateExportService = ReturnType<typeof createCandidateExportService>;
