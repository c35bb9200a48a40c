import { and, asc, desc, eq, inArray, isNull, max, sql } from "drizzle-orm";
import type { TDatabase, TExecutor } from "../../db/client.js";
import { queryRows } from "../../db/raw-query.js";
import { JOB_STATUS_SQL } from "../../jobs/boss-queue.js";
import { BOSS_SCHEMA } from "../../jobs/job-boss.js";
import { gradeSubmissionJob } from "./grade-submission.job.js";
import {
  applications,
  assessmentCountingChoices,
  assessmentParts,
  assessments,
  assessmentSubmissions,
  candidates,
  gradings,
  roles,
  storedFiles,
  users,
} from "../../db/schema/index.js";

export type TAssessmentRow = typeof assessments.$inferSelect;
export type TPartRow = typeof assessmentParts.$inferSelect;
export type TSubmissionRow = typeof assessmentSubmissions.$inferSelect;
export type TGradingRow = typeof gradings.$inferSelect;

/**
 * The result that counts for an assessment: of an assessment that was not revoked, its newest
 * submission (the newest upload counts), and of that submission the newest grading that finished
 * graded (a re-grade still queued, or one that failed, leaves the last good result standing).
 */
type TSummaryGroup = { id?: unknown; passed?: unknown; total?: unknown; weight?: unknown };

/** A grading summary's groups (grading_summary in migration 0015 keeps them as the report has them). */
function groupsOfSummary(value: unknown): TCountingGrading["groups"] {
  const groups = (typeof value === "string" ? JSON.parse(value) : value) as unknown;
  if (!Array.isArray(groups)) return [];
  return (groups as TSummaryGroup[]).map((g) => ({
    id: typeof g.id === "string" ? g.id : "",
    passed: Math.trunc(Number(g.passed ?? 0)),
    total: Math.trunc(Number(g.total ?? 0)),
    weight: Number(g.weight ?? 0),
  }));
}

export type TCountingGrading = {
  assessmentId: string;
  applicationId: string;
  packId: string;
  gradingId: string;
  score: number | null;
  integrity: "clean" | "suspicious" | "tampered" | null;
  groups: { id: string; passed: number; total: number; weight: number }[];
};

const fileColumns = {
  filename: storedFiles.filename,
  sizeBytes: storedFiles.sizeBytes,
  sha256: storedFiles.sha256,
};

/**
 * The state of a grading's pg-boss job (null once pg-boss has deleted the finished job). The job's
 * name is given so PostgreSQL reads only that queue's partition of pgboss.job.
 */
const gradingJob = (column: ReturnType<typeof sql.raw>) =>
  sql`(select ${column} from ${sql.raw(BOSS_SCHEMA)}.job j
       where j.name = ${gradeSubmissionJob.name} and j.id = ${gradings.jobId})`;
const gradingJobStatus = sql<string | null>`${gradingJob(JOB_STATUS_SQL)}`;
const gradingJobError = sql<string | null>`${gradingJob(
  sql.raw(`case when j.state in ('failed', 'retry') then j.output->>'message' end`),
)}`;

export function createAssessmentsRepo(db: TDatabase) {
  return {
    async insertAssessment(values: typeof assessments.$inferInsert, executor: TExecutor = db) {
      const [row] = await executor.insert(assessments).values(values).returning();
      if (!row) throw new Error("insert into assessments returned no row");
      return row;
    },

    async insertParts(
      values: (typeof assessmentParts.$inferInsert)[],
      executor: TExecutor = db,
    ): Promise<TPartRow[]> {
      return executor.insert(assessmentParts).values(values).returning();
    },

    /** The parts of some assessments, in the order the candidate sees them. */
    async listParts(assessmentIds: string[], executor: TExecutor = db): Promise<TPartRow[]> {
      if (assessmentIds.length === 0) return [];
      return executor
        .select()
        .from(assessmentParts)
        .where(inArray(assessmentParts.assessmentId, assessmentIds))
        .orderBy(asc(assessmentParts.assessmentId), asc(assessmentParts.position));
    },

    async setPartStarted(partId: string, at: Date, executor: TExecutor = db) {
      await executor
        .update(assessmentParts)
        .set({ startedAt: at })
        .where(and(eq(assessmentParts.id, partId), isNull(assessmentParts.startedAt)));
    },

    /** The shared clock: every part counts as started with it. */
    async setAllPartsStarted(assessmentId: string, at: Date, executor: TExecutor = db) {
      await executor
        .update(assessmentParts)
        .set({ startedAt: at })
        .where(
          and(eq(assessmentParts.assessmentId, assessmentId), isNull(assessmentParts.startedAt)),
        );
    },

    async setPartSubmitted(partId: string, at: Date, executor: TExecutor = db) {
      await executor
        .update(assessmentParts)
        .set({ submittedAt: at })
        .where(and(eq(assessmentParts.id, partId), isNull(assessmentParts.submittedAt)));
    },

    async findAssessment(id: string, executor: TExecutor = db) {
      const [row] = await executor.select().from(assessments).where(eq(assessments.id, id));
      return row;
    },

    /** Serialises uploads (version numbers) and start/revoke on one assessment. */
    async lockAssessment(id: string, executor: TExecutor = db) {
      const [row] = await executor
        .select()
        .from(assessments)
        .where(eq(assessments.id, id))
        .for("update");
      return row;
    },

    async findByTokenHash(tokenHash: string, executor: TExecutor = db) {
      const [row] = await executor
        .select({
          assessment: assessments,
          candidateId: candidates.id,
          candidateName: candidates.name,
          roleTitle: roles.title,
        })
        .from(assessments)
        .innerJoin(applications, eq(applications.id, assessments.applicationId))
        .innerJoin(candidates, eq(candidates.id, applications.candidateId))
        .innerJoin(roles, eq(roles.id, applications.roleId))
        .where(eq(assessments.tokenHash, tokenHash));
      return row;
    },

    async listForApplication(applicationId: string, executor: TExecutor = db) {
      return executor
        .select({ assessment: assessments, sentByName: users.name })
        .from(assessments)
        .leftJoin(users, eq(users.id, assessments.sentBy))
        .where(eq(assessments.applicationId, applicationId))
        .orderBy(desc(assessments.createdAt));
    },

    /** The first start of anything in the assessment (with shared timing, the clock). */
    async setStarted(id: string, at: Date, executor: TExecutor = db) {
      await executor
        .update(assessments)
        .set({ startedAt: at })
        .where(and(eq(assessments.id, id), isNull(assessments.startedAt)));
    },

    /** The candidate's "I'm finished": the first one counts. */
    async setFinished(id: string, at: Date, executor: TExecutor = db) {
      await executor
        .update(assessments)
        .set({ finishedAt: at })
        .where(and(eq(assessments.id, id), isNull(assessments.finishedAt)));
    },

    async setRevoked(id: string, at: Date, executor: TExecutor = db) {
      await executor.update(assessments).set({ revokedAt: at }).where(eq(assessments.id, id));
    },

    /** Versions count per part: each part's uploads are its own history. */
    async nextSubmissionVersion(partId: string, executor: TExecutor = db) {
      const [row] = await executor
        .select({ latest: max(assessmentSubmissions.version) })
        .from(assessmentSubmissions)
        .where(eq(assessmentSubmissions.partId, partId));
      return (row?.latest ?? 0) + 1;
    },

    async insertSubmission(
      values: typeof assessmentSubmissions.$inferInsert,
      executor: TExecutor = db,
    ) {
      const [row] = await executor.insert(assessmentSubmissions).values(values).returning();
      if (!row) throw new Error("insert into assessment_submissions returned no row");
      return row;
    },

    /** Submissions of some assessments, newest first, with their file's metadata (not content). */
    async listSubmissions(assessmentIds: string[], executor: TExecutor = db) {
      if (assessmentIds.length === 0) return [];
      return executor
        .select({ submission: assessmentSubmissions, file: fileColumns })
        .from(assessmentSubmissions)
        .innerJoin(storedFiles, eq(storedFiles.id, assessmentSubmissions.fileId))
        .where(inArray(assessmentSubmissions.assessmentId, assessmentIds))
        .orderBy(desc(assessmentSubmissions.version));
    },

    async findSubmission(id: string, executor: TExecutor = db) {
      const [row] = await executor
        .select({
          submission: assessmentSubmissions,
          assessment: assessments,
          part: assessmentParts,
          file: fileColumns,
        })
        .from(assessmentSubmissions)
        .innerJoin(assessments, eq(assessments.id, assessmentSubmissions.assessmentId))
        .innerJoin(assessmentParts, eq(assessmentParts.id, assessmentSubmissions.partId))
        .innerJoin(storedFiles, eq(storedFiles.id, assessmentSubmissions.fileId))
        .where(eq(assessmentSubmissions.id, id));
      return row;
    },

    async readSubmissionContent(submissionId: string, executor: TExecutor = db) {
      const [row] = await executor
        .select({ content: storedFiles.content })
        .from(assessmentSubmissions)
        .innerJoin(storedFiles, eq(storedFiles.id, assessmentSubmissions.fileId))
        .where(eq(assessmentSubmissions.id, submissionId));
      return row?.content;
    },

    /** The hiring team's choice of the counting version per part (none: the part's newest counts). */
    async listCountingChoices(assessmentIds: string[], executor: TExecutor = db) {
      if (assessmentIds.length === 0) return [];
      return executor
        .select({
          partId: assessmentCountingChoices.partId,
          submissionId: assessmentCountingChoices.submissionId,
          reason: assessmentCountingChoices.reason,
          chosenBy: assessmentCountingChoices.chosenBy,
          chosenByName: users.name,
          chosenAt: assessmentCountingChoices.chosenAt,
        })
        .from(assessmentCountingChoices)
        .innerJoin(assessmentParts, eq(assessmentParts.id, assessmentCountingChoices.partId))
        .leftJoin(users, eq(users.id, assessmentCountingChoices.chosenBy))
        .where(inArray(assessmentParts.assessmentId, assessmentIds));
    },

    async saveCountingChoice(
      values: { partId: string; submissionId: string; reason: string; chosenBy: string },
      executor: TExecutor = db,
    ) {
      const [row] = await executor
        .insert(assessmentCountingChoices)
        .values({ ...values, chosenAt: new Date() })
        .onConflictDoUpdate({
          target: assessmentCountingChoices.partId,
          set: {
            submissionId: values.submissionId,
            reason: values.reason,
            chosenBy: values.chosenBy,
            chosenAt: new Date(),
          },
        })
        .returning();
      if (!row) throw new Error("upsert into assessment_counting_choices returned no row");
      return row;
    },

    async insertGrading(values: typeof gradings.$inferInsert, executor: TExecutor = db) {
      const [row] = await executor.insert(gradings).values(values).returning();
      if (!row) throw new Error("insert into gradings returned no row");
      return row;
    },

    async setGradingJob(id: string, jobId: string, executor: TExecutor = db) {
      await executor.update(gradings).set({ jobId }).where(eq(gradings.id, id));
    },

    /**
     * Gradings with the state of their job: a grading whose job failed for good is shown as an
     * error even if the handler never got to write one (e.g. the database was down on its last try).
     */
    async listGradings(submissionIds: string[], executor: TExecutor = db) {
      if (submissionIds.length === 0) return [];
      return executor
        .select({
          grading: gradings,
          requestedByName: users.name,
          jobStatus: gradingJobStatus,
          jobError: gradingJobError,
        })
        .from(gradings)
        .leftJoin(users, eq(users.id, gradings.requestedBy))
        .where(inArray(gradings.submissionId, submissionIds))
        .orderBy(desc(gradings.createdAt));
    },

    async findGrading(id: string, executor: TExecutor = db) {
      const [row] = await executor
        .select({
          grading: gradings,
          requestedByName: users.name,
          jobStatus: gradingJobStatus,
          jobError: gradingJobError,
          submission: assessmentSubmissions,
          assessment: assessments,
          part: assessmentParts,
        })
        .from(gradings)
        .innerJoin(assessmentSubmissions, eq(assessmentSubmissions.id, gradings.submissionId))
        .innerJoin(assessments, eq(assessments.id, assessmentSubmissions.assessmentId))
        .innerJoin(assessmentParts, eq(assessmentParts.id, assessmentSubmissions.partId))
        .leftJoin(users, eq(users.id, gradings.requestedBy))
        .where(eq(gradings.id, id));
      return row;
    },

    /** Only a grading that is not finished may move to running; a finished one stays as it is. */
    async markGradingRunning(id: string, executor: TExecutor = db) {
      const rows = await executor
        .update(gradings)
        .set({ status: "running", startedAt: new Date() })
        .where(and(eq(gradings.id, id), inArray(gradings.status, ["queued", "running"])))
        .returning({ id: gradings.id });
      return rows.length > 0;
    },

    async finishGrading(
      id: string,
      values: { status: "graded" | "error"; score: number | null; report: unknown },
      executor: TExecutor = db,
    ) {
      await executor
        .update(gradings)
        .set({ ...values, finishedAt: new Date() })
        .where(eq(gradings.id, id));
    },

    /** The counting grading (see TCountingGrading) of every assessment of a role or an application. */
    async listCountingGradings(
      filter: { roleId: string } | { applicationId: string },
      executor: TExecutor = db,
    ): Promise<TCountingGrading[]> {
      const where =
        "roleId" in filter
          ? sql`ap.role_id = ${filter.roleId}::uuid`
          : sql`a.application_id = ${filter.applicationId}::uuid`;
      const rows = await queryRows<Record<string, unknown>>(
        executor,
        // Per part, the version that counts: the one the team chose, else the newest. This is
        // `countingVersionOf` (counting-version.ts) in SQL, so a role's shortlist needs one
        // statement rather than one per assessment. The two must agree: change them together.
        sql`select a.id as assessment_id, a.application_id, p.pack_id, g.id as grading_id, g.score,
            g.summary->>'verdict' as integrity, g.summary->'groups' as groups
          from assessment_parts p
          join assessments a on a.id = p.assessment_id
          join applications ap on ap.id = a.application_id
          left join assessment_counting_choices c on c.part_id = p.id
          join lateral (select s.id from assessment_submissions s where s.part_id = p.id
            order by (s.id = c.submission_id) is true desc, s.version desc limit 1) sub on true
          -- The summary the database keeps of each report (migration 0015), not the report itself.
          join lateral (select gr.id, gr.score, gr.summary from gradings gr
            where gr.submission_id = sub.id and gr.status = 'graded'
              and gr.summary->>'status' = 'graded'
            order by gr.created_at desc limit 1) g on true
          where ${where} and a.revoked_at is null
          order by a.application_id, a.created_at, p.position`,
      );
      return rows.map((r) => ({
        assessmentId: String(r.assessment_id),
        applicationId: String(r.application_id),
        packId: String(r.pack_id),
        gradingId: String(r.grading_id),
        score: r.score === null || r.score === undefined ? null : Number(r.score),
        integrity: (r.integrity ?? null) as TCountingGrading["integrity"],
        groups: groupsOfSummary(r.groups),
      }));
    },

    async findGradingForJob(id: string, executor: TExecutor = db) {
      const [row] = await executor
        .select({
          grading: gradings,
          packId: assessmentParts.packId,
          partId: assessmentParts.id,
          assessmentId: assessmentParts.assessmentId,
          applicationId: assessments.applicationId,
          filename: storedFiles.filename,
        })
        .from(gradings)
        .innerJoin(assessmentSubmissions, eq(assessmentSubmissions.id, gradings.submissionId))
        .innerJoin(assessmentParts, eq(assessmentParts.id, assessmentSubmissions.partId))
        .innerJoin(assessments, eq(assessments.id, assessmentParts.assessmentId))
        .innerJoin(storedFiles, eq(storedFiles.id, assessmentSubmissions.fileId))
        .where(eq(gradings.id, id));
      return row;
    },
  };
}
export type TAssessmentsRepo = ReturnType<typeof createAssessmentsRepo>;
