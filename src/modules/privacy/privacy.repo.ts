import { createHash } from "node:crypto";
import { and, asc, desc, eq, inArray, isNull, lt, or, sql } from "drizzle-orm";
import type { AnyColumn } from "drizzle-orm";
import type { TDatabase, TExecutor } from "../../db/client.js";
import {
  applicationNotes,
  applications,
  applicationStageEvents,
  assessmentParts,
  assessments,
  assessmentSubmissions,
  auditEvents,
  candidateAccessEvents,
  candidateConsents,
  candidates,
  decisions,
  gradings,
  intakeBatches,
  interviews,
  organisationSettings,
  outboxMessages,
  resumes,
  resumeScreens,
  roles,
  roleStages,
  scorecards,
  storedFiles,
  users,
} from "../../db/schema/index.js";
import type { TAccessKind, TConsentSource, TLawfulBasis } from "../../db/schema/index.js";

export type TOrganisationSettingsRow = typeof organisationSettings.$inferSelect;

const EMPTY_SHA256 = createHash("sha256").update(Buffer.alloc(0)).digest("hex");
/** What an erased record's audit payloads are replaced with: the action, actor and time stay. */
const ERASED_PAYLOAD = sql`'{"erased": true}'::jsonb`;

/** Every SQL statement of consent, notice, export, erasure, retention and the access trail. */
/** What an erased candidate is called from then on: only a prefix of the id, which names nobody. */
export function anonymousName(candidateId: string) {
  return `Erased candidate #${candidateId.slice(0, 8)}`;
}

export function createPrivacyRepo(db: TDatabase) {
  return {
    async getSettings(executor: TExecutor = db): Promise<TOrganisationSettingsRow | undefined> {
      const [row] = await executor
        .select()
        .from(organisationSettings)
        .where(eq(organisationSettings.id, 1));
      return row;
    },

    async saveSettings(
      values: {
        privacyNoticeUrl: string | null;
        retentionMonths: number | null;
        updatedBy: string;
      },
      executor: TExecutor = db,
    ): Promise<TOrganisationSettingsRow> {
      const [row] = await executor
        .insert(organisationSettings)
        .values({ id: 1, ...values })
        .onConflictDoUpdate({
          target: organisationSettings.id,
          set: { ...values, updatedAt: sql`now()` },
        })
        .returning();
      if (!row) throw new Error("saving organisation_settings returned no row");
      return row;
    },

    async insertConsent(
      values: {
        candidateId: string;
        lawfulBasis: TLawfulBasis;
        source: TConsentSource;
        noticeUrl: string | null;
        recordedBy: string | null;
      },
      executor: TExecutor = db,
    ): Promise<void> {
      await executor.insert(candidateConsents).values(values);
    },

    async listConsents(candidateId: string, executor: TExecutor = db) {
      return executor
        .select({
          id: candidateConsents.id,
          lawfulBasis: candidateConsents.lawfulBasis,
          source: candidateConsents.source,
          noticeUrl: candidateConsents.noticeUrl,
          recordedAt: candidateConsents.recordedAt,
          recordedById: candidateConsents.recordedBy,
          recordedByName: users.name,
        })
        .from(candidateConsents)
        .leftJoin(users, eq(users.id, candidateConsents.recordedBy))
        .where(eq(candidateConsents.candidateId, candidateId))
        .orderBy(asc(candidateConsents.recordedAt), asc(candidateConsents.id));
    },

    /** One insert, no read: this runs on every view of contact details or a résumé. */
    async recordAccess(
      values: { candidateId: string; userId: string; kind: TAccessKind },
      executor: TExecutor = db,
    ): Promise<void> {
      await executor.insert(candidateAccessEvents).values(values);
    },

    async listAccess(
      candidateId: string,
      page: { limit: number; beforeId?: number | undefined },
      executor: TExecutor = db,
    ) {
      return executor
        .select({
          id: candidateAccessEvents.id,
          kind: candidateAccessEvents.kind,
          at: candidateAccessEvents.at,
          userId: candidateAccessEvents.userId,
          userName: users.name,
          userRole: users.role,
        })
        .from(candidateAccessEvents)
        .leftJoin(users, eq(users.id, candidateAccessEvents.userId))
        .where(
          and(
            eq(candidateAccessEvents.candidateId, candidateId),
            page.beforeId === undefined ? undefined : lt(candidateAccessEvents.id, page.beforeId),
          ),
        )
        .orderBy(desc(candidateAccessEvents.id))
        .limit(page.limit);
    },

    // ---- export ----

    /** Everything held about one candidate, for the export (files' bytes included). */
    async loadDossier(candidateId: string, executor: TExecutor = db) {
      const [candidate] = await executor
        .select()
        .from(candidates)
        .where(eq(candidates.id, candidateId));
      if (!candidate) return undefined;
      const apps = await executor
        .select({
          id: applications.id,
          roleId: applications.roleId,
          roleTitle: roles.title,
          status: applications.status,
          closedReason: applications.closedReason,
          currentStage: roleStages.name,
          createdAt: applications.createdAt,
          updatedAt: applications.updatedAt,
        })
        .from(applications)
        .innerJoin(roles, eq(roles.id, applications.roleId))
        .innerJoin(roleStages, eq(roleStages.id, applications.currentStageId))
        .where(eq(applications.candidateId, candidateId))
        .orderBy(asc(applications.createdAt));
      const appIds = apps.map((a) => a.id);
      const byApp = <T>(load: (ids: string[]) => Promise<T[]>) =>
        appIds.length ? load(appIds) : Promise.resolve([] as T[]);
      const stageHistory = await byApp((ids) =>
        executor
          .select()
          .from(applicationStageEvents)
          .where(inArray(applicationStageEvents.applicationId, ids))
          .orderBy(asc(applicationStageEvents.id)),
      );
      const screens = await byApp((ids) =>
        executor
          .select({
            id: resumeScreens.id,
            applicationId: resumeScreens.applicationId,
            outcome: resumeScreens.outcome,
            items: resumeScreens.items,
            notes: resumeScreens.notes,
            screenedAt: resumeScreens.screenedAt,
          })
          .from(resumeScreens)
          .where(inArray(resumeScreens.applicationId, ids)),
      );
      // Submitted scorecards only: a draft is the interviewer's, not yet a record about anyone.
      const cards = await byApp((ids) =>
        executor
          .select({
            id: scorecards.id,
            applicationId: scorecards.applicationId,
            stageId: scorecards.stageId,
            version: scorecards.version,
            answers: scorecards.answers,
            competencyRatings: scorecards.competencyRatings,
            keyTakeaways: scorecards.keyTakeaways,
            recommendation: scorecards.recommendation,
            submittedAt: scorecards.submittedAt,
            supersededAt: scorecards.supersededAt,
          })
          .from(scorecards)
          .where(and(inArray(scorecards.applicationId, ids), eq(scorecards.status, "submitted"))),
      );
      // The team's notes: what colleagues wrote about the person is held about them too.
      const teamNotes = await byApp((ids) =>
        executor
          .select({
            id: applicationNotes.id,
            applicationId: applicationNotes.applicationId,
            body: applicationNotes.body,
            createdAt: applicationNotes.createdAt,
          })
          .from(applicationNotes)
          .where(inArray(applicationNotes.applicationId, ids))
          .orderBy(asc(applicationNotes.createdAt)),
      );
      const decided = await byApp((ids) =>
        executor
          .select({
            id: decisions.id,
            applicationId: decisions.applicationId,
            decision: decisions.decision,
            rationale: decisions.rationale,
            createdAt: decisions.createdAt,
          })
          .from(decisions)
          .where(inArray(decisions.applicationId, ids)),
      );
      const scheduled = await byApp((ids) =>
        executor
          .select({
            id: interviews.id,
            applicationId: interviews.applicationId,
            stageId: interviews.stageId,
            scheduledAt: interviews.scheduledAt,
          })
          .from(interviews)
          .where(inArray(interviews.applicationId, ids)),
      );
      const sent = await byApp((ids) =>
        executor
          .select({
            id: assessments.id,
            applicationId: assessments.applicationId,
            // An assessment holds 1–4 parts, one pack each, in order.
            packIds: sql<
              string[]
            >`(select coalesce(array_agg(${assessmentParts.packId} order by ${assessmentParts.position}), '{}') from ${assessmentParts} where ${assessmentParts.assessmentId} = ${assessments.id})`,
            deadlineAt: assessments.deadlineAt,
            startedAt: assessments.startedAt,
            createdAt: assessments.createdAt,
          })
          .from(assessments)
          .where(inArray(assessments.applicationId, ids)),
      );
      const submissions = sent.length
        ? await executor
            .select({
              id: assessmentSubmissions.id,
              assessmentId: assessmentSubmissions.assessmentId,
              version: assessmentSubmissions.version,
              isLate: assessmentSubmissions.isLate,
              submittedAt: assessmentSubmissions.submittedAt,
              fileId: assessmentSubmissions.fileId,
              filename: storedFiles.filename,
              content: storedFiles.content,
            })
            .from(assessmentSubmissions)
            .innerJoin(storedFiles, eq(storedFiles.id, assessmentSubmissions.fileId))
            .where(
              inArray(
                assessmentSubmissions.assessmentId,
                sent.map((a) => a.id),
              ),
            )
        : [];
      const graded = submissions.length
        ? await executor
            .select({
              id: gradings.id,
              submissionId: gradings.submissionId,
              status: gradings.status,
              score: gradings.score,
              finishedAt: gradings.finishedAt,
            })
            .from(gradings)
            .where(
              inArray(
                gradings.submissionId,
                submissions.map((s) => s.id),
              ),
            )
        : [];
      const resumeRows = await executor
        .select({
          id: resumes.id,
          format: resumes.format,
          text: resumes.text,
          fields: resumes.fields,
          createdAt: resumes.createdAt,
          filename: storedFiles.filename,
          content: storedFiles.content,
        })
        .from(resumes)
        .innerJoin(storedFiles, eq(storedFiles.id, resumes.fileId))
        .where(eq(resumes.candidateId, candidateId))
        .orderBy(asc(resumes.createdAt));
      return {
        candidate,
        applications: apps,
        stageHistory,
        screens,
        scorecards: cards,
        notes: teamNotes,
        decisions: decided,
        interviews: scheduled,
        assessments: sent,
        submissions,
        gradings: graded,
        resumes: resumeRows,
      };
    },

    // ---- erasure ----

    async lockCandidate(candidateId: string, executor: TExecutor) {
      const [row] = await executor
        .select()
        .from(candidates)
        .where(eq(candidates.id, candidateId))
        .for("update");
      return row;
    },

    async applicationIdsOf(candidateId: string, executor: TExecutor) {
      const rows = await executor
        .select({ id: applications.id })
        .from(applications)
        .where(eq(applications.candidateId, candidateId));
      return rows.map((r) => r.id);
    },

    /**
     * Replaces the person with an anonymous record. The e-mail column is required and unique, so
     * it becomes a reserved `.invalid` address derived from the id (RFC 2606: never deliverable).
     */
    async anonymizeCandidate(candidateId: string, executor: TExecutor) {
      await executor
        .update(candidates)
        .set({
          name: anonymousName(candidateId),
          email: `erased-${candidateId}@erased.invalid`,
          phone: null,
          githubUrl: null,
          portfolioUrl: null,
          linkedinUrl: null,
          notes: null,
          possibleDuplicateOf: null,
          erasedAt: sql`now()`,
          updatedAt: sql`now()`,
        })
        .where(eq(candidates.id, candidateId));
      // A record flagged as a possible duplicate of this one no longer points at anybody.
      await executor
        .update(candidates)
        .set({ possibleDuplicateOf: null })
        .where(eq(candidates.possibleDuplicateOf, candidateId));
    },

    /** Résumé rows (their text and extracted fields) and their stored files go entirely. */
    async deleteResumes(candidateId: string, executor: TExecutor): Promise<number> {
      const deleted = await executor
        .delete(resumes)
        .where(eq(resumes.candidateId, candidateId))
        .returning({ fileId: resumes.fileId });
      if (deleted.length)
        await executor.delete(storedFiles).where(
          inArray(
            storedFiles.id,
            deleted.map((d) => d.fileId),
          ),
        );
      return deleted.length;
    },

    /**
     * A submission row stays (its gradings carry the score), but its file's bytes and name go:
     * the stored file is emptied rather than deleted so the submission keeps a valid reference.
     */
    async wipeSubmissionFiles(applicationIds: string[], executor: TExecutor): Promise<number> {
      if (!applicationIds.length) return 0;
      const wiped = await executor
        .update(storedFiles)
        .set({
          filename: "erased.zip",
          content: Buffer.alloc(0),
          sizeBytes: 0,
          sha256: EMPTY_SHA256,
        })
        .where(
          inArray(
            storedFiles.id,
            executor
              .select({ id: assessmentSubmissions.fileId })
              .from(assessmentSubmissions)
              .innerJoin(assessments, eq(assessments.id, assessmentSubmissions.assessmentId))
              .where(inArray(assessments.applicationId, applicationIds)),
          ),
        )
        .returning({ id: storedFiles.id });
      return wiped.length;
    },

    /**
     * Free text written about the person goes; ratings, recommendations, verdicts, outcomes and
     * stage history stay, so the shortlist and analytics still count them.
     */
    async scrubFreeText(applicationIds: string[], executor: TExecutor) {
      if (!applicationIds.length) return;
      await executor
        .update(scorecards)
        .set({
          keyTakeaways: "",
          answers: sql`coalesce((select jsonb_agg(a || '{"notes": ""}'::jsonb) from jsonb_array_elements(${scorecards.answers}) a), '[]'::jsonb)`,
        })
        .where(inArray(scorecards.applicationId, applicationIds));
      await executor
        .update(resumeScreens)
        .set({
          notes: "",
          // The proposal held passages cut from the résumé; the decided items and outcome stay.
          proposal: sql`jsonb_build_object('items', '[]'::jsonb, 'summary', ${resumeScreens.proposal} -> 'summary', 'blind', ${resumeScreens.proposal} -> 'blind', 'erased', true)`,
        })
        .where(inArray(resumeScreens.applicationId, applicationIds));
      await executor
        .update(decisions)
        .set({ rationale: "(erased with the candidate's personal data)" })
        .where(inArray(decisions.applicationId, applicationIds));
      await executor
        .update(applicationNotes)
        .set({ body: "(erased with the candidate's personal data)" })
        .where(inArray(applicationNotes.applicationId, applicationIds));
    },

    /** Lines of intake reports that named the person keep their status, not the name or file. */
    async scrubIntakeResults(candidateId: string, executor: TExecutor) {
      await executor
        .update(intakeBatches)
        .set({
          results: sql`(select jsonb_agg(case when e.line ->> 'candidateId' = ${candidateId}
              then e.line || '{"filename": "(erased)", "candidateName": null, "warnings": []}'::jsonb
              else e.line end order by e.position)
            from jsonb_array_elements(${intakeBatches.results}) with ordinality as e(line, position))`,
        })
        .where(sql`${intakeBatches.results} @> ${JSON.stringify([{ candidateId }])}::jsonb`);
    },

    /**
     * Audit payloads about the person (their record, applications, résumés, assessments, and any
     * event whose payload quotes their e-mail or phone, such as a merge) become `{"erased": true}`;
     * who did what and when stays.
     */
    async scrubAuditPayloads(
      input: {
        entityIds: string[];
        quoted: string[];
      },
      executor: TExecutor,
    ): Promise<number> {
      const quotedMatch = input.quoted
        .filter((q) => q.length >= 5)
        .map(
          (q) =>
            sql`(coalesce(${auditEvents.before}::text, '') || coalesce(${auditEvents.after}::text, '')) like ${`%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`,
        );
      const scrubbed = await executor
        .update(auditEvents)
        .set({ before: ERASED_PAYLOAD, after: ERASED_PAYLOAD })
        .where(
          and(
            or(inArray(auditEvents.entityId, input.entityIds), ...quotedMatch),
            sql`not (${auditEvents.action} = 'candidate.erased')`,
          ),
        )
        .returning({ id: auditEvents.id });
      return scrubbed.length;
    },

    /**
     * The outbox is a log of mail: messages to the person go whole, and mail to colleagues that
     * names them (an interview invite, a reminder) keeps its place with the anonymous name instead.
     */
    async scrubMail(
      input: { email: string; name: string; anonymousName: string },
      executor: TExecutor,
    ): Promise<number> {
      const deleted = await executor
        .delete(outboxMessages)
        .where(sql`lower(${outboxMessages.toAddress}) = lower(${input.email})`)
        .returning({ id: outboxMessages.id });
      // A very short name ("Al") would rewrite unrelated words; the e-mail is always precise.
      const needles = [input.email, ...(input.name.trim().length >= 4 ? [input.name] : [])];
      type TColumn = AnyColumn;
      const swap = (column: TColumn) =>
        needles.reduce(
          (inner, needle) => sql`replace(${inner}, ${needle}, ${input.anonymousName})`,
          sql`${column}`,
        );
      const named = (column: TColumn) =>
        or(...needles.map((needle) => sql`position(${needle} in coalesce(${column}, '')) > 0`));
      const renamed = await executor
        .update(outboxMessages)
        .set({
          subject: swap(outboxMessages.subject),
          text: swap(outboxMessages.text),
          html: swap(outboxMessages.html),
          calendarIcs: swap(outboxMessages.calendarIcs),
        })
        .where(
          or(
            named(outboxMessages.subject),
            named(outboxMessages.text),
            named(outboxMessages.html),
            named(outboxMessages.calendarIcs),
          ),
        )
        .returning({ id: outboxMessages.id });
      return deleted.length + renamed.length;
    },

    /** Ids of everything of the candidate's that the audit trail may name as its entity. */
    async auditEntityIdsOf(candidateId: string, applicationIds: string[], executor: TExecutor) {
      const resumeIds = await executor
        .select({ id: resumes.id })
        .from(resumes)
        .where(eq(resumes.candidateId, candidateId));
      const related = applicationIds.length
        ? await executor
            .select({ id: assessments.id })
            .from(assessments)
            .where(inArray(assessments.applicationId, applicationIds))
            .union(
              executor
                .select({ id: interviews.id })
                .from(interviews)
                .where(inArray(interviews.applicationId, applicationIds)),
            )
            .union(
              executor
                .select({ id: scorecards.id })
                .from(scorecards)
                .where(inArray(scorecards.applicationId, applicationIds)),
            )
            .union(
              executor
                .select({ id: decisions.id })
                .from(decisions)
                .where(inArray(decisions.applicationId, applicationIds)),
            )
        : [];
      return [
        candidateId,
        ...applicationIds,
        ...resumeIds.map((r) => r.id),
        ...related.map((r) => r.id),
      ];
    },

    // ---- retention ----

    /**
     * Candidates not yet erased whose every application is rejected or withdrawn, the last such
     * change older than `months`. A candidate with no application is never due (nothing closed).
     */
    async listDueForRetention(
      months: number,
      limit: number,
      executor: TExecutor = db,
      onlyCandidateId?: string,
    ) {
      const lastClosed = sql<Date>`max(${applicationStageEvents.at})`.mapWith(
        applicationStageEvents.at,
      );
      return executor
        .select({ id: candidates.id, name: candidates.name, lastClosedAt: lastClosed })
        .from(candidates)
        .innerJoin(applications, eq(applications.candidateId, candidates.id))
        .innerJoin(
          applicationStageEvents,
          eq(applicationStageEvents.applicationId, applications.id),
        )
        .where(
          and(
            isNull(candidates.erasedAt),
            onlyCandidateId === undefined ? undefined : eq(candidates.id, onlyCandidateId),
          ),
        )
        .groupBy(candidates.id, candidates.name)
        .having(
          and(
            sql`bool_and(${applications.status} in ('rejected', 'withdrawn'))`,
            sql`${lastClosed} < now() - make_interval(months => ${months})`,
          ),
        )
        .orderBy(asc(lastClosed), asc(candidates.id))
        .limit(limit);
    },
  };
}
export type TPrivacyRepo = ReturnType<typeof createPrivacyRepo>;
