/**
 * A hiring team at real scale, written straight into the database with multi-row inserts (seconds,
 * not the minutes that service calls per row would take): one role on the senior template with
 * 2,000 applications, 6,000 interviews (meetings: one stage, one time, a panel of 3–4) held as
 * 20,000 interviewer rows, each with a submitted scorecard rating every kit question and every
 * stage competency, plus a few hundred panelists still owing theirs (drafts or nothing), the
 * decisions and stage history those applications went through, and an audit trail.
 *
 * Seeded: the same options give the same people, ratings and order on every run. Every account
 * gets a session, so a bench sends `Cookie: sl_session=<token>` without logging in; the accounts
 * also share one password (SCALE_PASSWORD) for a browser.
 *
 * Needs a migrated database whose question bank is seeded (`ensureQuestionBankSeeded()`), on
 * PGlite or PostgreSQL alike. Call it once per database: e-mail addresses are unique.
 */
import { randomBytes } from "node:crypto";
import { and, eq, getTableColumns, inArray, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { TDatabase, TExecutor } from "../../src/db/client.js";
import {
  applicationStageEvents,
  applications,
  auditEvents,
  candidates,
  decisions,
  interviews,
  questions,
  questionVersions,
  roleStages,
  roleTeamMembers,
  roles,
  scorecards,
  sessions,
  users,
} from "../../src/db/schema/index.js";
import type {
  TApplicationStatus,
  TInterviewKitItem,
  TQuestionAnswer,
  TRecommendation,
  TUserRole,
} from "../../src/db/schema/index.js";
import { queryRows } from "../../src/db/raw-query.js";
import { hashPassword } from "../../src/modules/auth/passwords.js";
import { stageValues, templateStages } from "../../src/modules/roles/role-plan.js";
import { levelTemplateByLevel } from "../../src/modules/roles/templates/level-templates.js";
import { hashSecret } from "../../src/shared/secure-token.js";
import { seededRandom } from "../../src/shared/seeded-random.js";

export const SCALE_PASSWORD = "scale-data-password";

export type TScaleOptions = {
  applications?: number;
  /** Meetings; each is a panel at one stage of one application. */
  interviews?: number;
  /** Submitted scorecards, one per interviewer row of a meeting (so 3–4 per meeting by default). */
  scorecards?: number;
  /** Extra panelists at an active application's current stage who have not submitted (half drafts). */
  pendingScorecards?: number;
  interviewers?: number;
  seed?: number;
  /** Keeps e-mail addresses apart when one database holds two generated organisations. */
  emailTag?: string;
  now?: Date;
};

export type TScaleAccount = { id: string; email: string; sessionToken: string };

export type TScaleData = {
  roleId: string;
  stageIds: Record<string, string>;
  admin: TScaleAccount;
  hiringManager: TScaleAccount;
  recruiter: TScaleAccount;
  interviewers: TScaleAccount[];
  /** In generation order, which is by current stage: résumé screen first, decision last. */
  applicationIds: string[];
  /** An active application in the culture-fit stage, so with the most history: for page benches. */
  featured: {
    applicationId: string;
    candidateId: string;
    interviewId: string;
    /** The interviewer of `interviewId`. */
    interviewer: TScaleAccount;
  };
  candidateIds: string[];
  /** Interviewer rows, in generation order (the `interviews` table's ids). */
  interviewIds: string[];
  counts: {
    applications: number;
    activeApplications: number;
    meetings: number;
    interviewRows: number;
    submittedScorecards: number;
    pendingScorecards: number;
    decisions: number;
    auditEvents: number;
  };
};

const DEFAULTS = {
  applications: 2000,
  interviews: 6000,
  scorecards: 20000,
  pendingScorecards: 600,
  interviewers: 20,
  seed: 14,
  emailTag: "",
};

const FIRST = ["Ada", "Ben", "Chioma", "Dmitri", "Elif", "Farah", "Goran", "Hana", "Idris", "Jun"];
const FIRST_MORE = ["Kai", "Lena", "Mateo", "Nadia", "Omar", "Priya", "Quinn", "Rosa", "Sven"];
const LAST = ["Okafor", "Lindqvist", "Haddad", "Tanaka", "Moreau", "Novak", "Silva", "Kowalski"];
const LAST_MORE = ["Andersen", "Ibrahim", "Costa", "Yilmaz", "Schmidt", "Nguyen", "Rossi", "Park"];
const FIRST_NAMES = [...FIRST, ...FIRST_MORE];
const LAST_NAMES = [...LAST, ...LAST_MORE];

/** Current-stage share of applications, by stage position on the senior plan (0 = résumé screen). */
const STAGE_SHARE = [0.1, 0.1, 0.06, 0.12, 0.28, 0.34];

function uuidFrom(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const HOUR = 3_600_000;

export async function generateScaleData(
  db: TDatabase,
  options: TScaleOptions = {},
): Promise<TScaleData> {
  const o = { ...DEFAULTS, ...options };
  const now = options.now ?? new Date();
  const random = seededRandom(o.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const id = () => uuidFrom(random);
  const at = (hoursAgo: number) => new Date(now.getTime() - hoursAgo * HOUR);
  const tag = o.emailTag ? `.${o.emailTag}` : "";

  const passwordHash = await hashPassword(SCALE_PASSWORD);
  const account = (email: string) => ({
    id: id(),
    email,
    sessionToken: `sls_${randomBytes(24).toString("base64url")}`,
  });
  const admin = account(`scale.admin${tag}@example.com`);
  const hiringManager = account(`scale.manager${tag}@example.com`);
  const recruiter = account(`scale.recruiter${tag}@example.com`);
  const interviewerAccounts = Array.from({ length: o.interviewers }, (_, i) =>
    account(`scale.interviewer${i + 1}${tag}@example.com`),
  );
  const everyone: [TScaleAccount, TUserRole, string][] = [
    [admin, "admin", "Scale Admin"],
    [hiringManager, "hiring_manager", "Scale Hiring Manager"],
    [recruiter, "recruiter", "Scale Recruiter"],
    ...interviewerAccounts.map((a, i): [TScaleAccount, TUserRole, string] => [
      a,
      "interviewer",
      `Interviewer ${i + 1}`,
    ]),
  ];

  const template = levelTemplateByLevel.senior;
  const planIds = template.stages.flatMap((s) => s.questionIds);
  const current = await db
    .select({ version: questionVersions })
    .from(questions)
    .innerJoin(
      questionVersions,
      and(
        eq(questionVersions.questionId, questions.id),
        eq(questionVersions.version, questions.latestVersion),
      ),
    )
    .where(inArray(questions.id, planIds));
  if (current.length === 0)
    throw new Error("generateScaleData needs the question bank: call ensureQuestionBankSeeded().");
  const versionOf = new Map(current.map((r) => [r.version.questionId, r.version]));
  const plan = templateStages("senior", (q) => versionOf.get(q)?.suggestedMinutes);
  const stages = plan.map((stage, position) => ({ id: id(), ...stageValues(stage, position) }));
  const interviewStages = stages.filter((s) => s.kit.length > 0);
  const roleId = id();

  return db.transaction(async (tx) => {
    // The rows are consistent by construction; checking their 100,000 foreign keys one trigger at a
    // time is two thirds of the run. Only a superuser (PGlite, a bench server) may skip them.
    const [who] = await queryRows<{ super: boolean }>(
      tx,
      sql`select rolsuper as super from pg_roles where rolname = current_user`,
    );
    if (who?.super) await tx.execute(sql`set local session_replication_role = replica`);
    await tx.insert(users).values(
      everyone.map(([a, role, name]) => ({
        id: a.id,
        email: a.email,
        name,
        role,
        passwordHash,
        createdAt: at(24 * 120),
      })),
    );
    await tx.insert(sessions).values(
      everyone.map(([a]) => ({
        idHash: hashSecret(a.sessionToken),
        userId: a.id,
        expiresAt: new Date(now.getTime() + 30 * 24 * HOUR),
      })),
    );
    await tx.insert(roles).values({
      id: roleId,
      title: `Senior Django Engineer — Platform${tag}`,
      level: "senior",
      scope: template.scope,
      stackTags: [...template.defaultStackTags],
      competencyWeights: { ...template.competencyWeights },
      createdBy: hiringManager.id,
      createdAt: at(24 * 100),
    });
    await tx.insert(roleStages).values(stages.map((s) => ({ ...s, roleId })));
    await tx.insert(roleTeamMembers).values([
      { roleId, userId: hiringManager.id, teamRole: "hiring_manager" as const },
      { roleId, userId: recruiter.id, teamRole: "recruiter" as const },
      ...interviewerAccounts.map((a) => ({
        roleId,
        userId: a.id,
        teamRole: "interviewer" as const,
      })),
    ]);

    const rows = buildPipeline({
      o,
      id,
      random,
      pick,
      at,
      tag,
      roleId,
      stages,
      interviewStages,
      versionOf,
      interviewerIds: interviewerAccounts.map((a) => a.id),
      recruiterId: recruiter.id,
      managerId: hiringManager.id,
    });
    await insertAll(tx, rows);

    return {
      roleId,
      stageIds: Object.fromEntries(stages.map((s) => [s.kind, s.id])),
      admin,
      hiringManager,
      recruiter,
      interviewers: interviewerAccounts,
      applicationIds: rows.applications.map((a) => a.id),
      featured: featuredOf(
        rows,
        stages.find((s) => s.kind === "culture-fit")?.id,
        interviewerAccounts,
      ),
      candidateIds: rows.candidates.map((c) => c.id),
      interviewIds: rows.interviews.map((i) => i.id),
      counts: {
        applications: rows.applications.length,
        activeApplications: rows.applications.filter((a) => a.status === "active").length,
        meetings: rows.meetings,
        interviewRows: rows.interviews.length,
        submittedScorecards: rows.scorecards.filter((s) => s.status === "submitted").length,
        pendingScorecards: rows.interviews.length - rows.scorecards.length + rows.drafts,
        decisions: rows.decisions.length,
        auditEvents: rows.audit.length,
      },
    };
  });
}

type TStage = { id: string; position: number; kind: string; competencies: string[] } & {
  kit: { questionId: string; minutes: number }[];
};
type TVersion = { id: string; questionId: string; signals: string[] };

function buildPipeline(p: {
  o: typeof DEFAULTS;
  id: () => string;
  random: () => number;
  pick: <T>(list: readonly T[]) => T;
  at: (hoursAgo: number) => Date;
  tag: string;
  roleId: string;
  stages: TStage[];
  interviewStages: TStage[];
  versionOf: Map<string, TVersion>;
  interviewerIds: string[];
  recruiterId: string;
  managerId: string;
}) {
  const { o, id, random, pick, at } = p;
  const candidateRows: (typeof candidates.$inferInsert & { id: string })[] = [];
  const applicationRows: (typeof applications.$inferInsert & { id: string })[] = [];
  const eventRows: (typeof applicationStageEvents.$inferInsert)[] = [];
  const decisionRows: (typeof decisions.$inferInsert)[] = [];
  const interviewRows: (typeof interviews.$inferInsert & { id: string })[] = [];
  const scorecardRows: (typeof scorecards.$inferInsert)[] = [];
  const auditRows: (typeof auditEvents.$inferInsert)[] = [];
  const ability: number[] = [];
  const lastStage = p.stages.length - 1;

  // Current stage by share; closed applications are spread over the same stages.
  const stageOf = (i: number) => {
    const x = (i + 0.5) / o.applications;
    let sum = 0;
    for (let s = 0; s < STAGE_SHARE.length; s++) {
      sum += STAGE_SHARE[s] ?? 0;
      if (x < sum) return Math.min(s, lastStage);
    }
    return lastStage;
  };
  const statusOf = (i: number): TApplicationStatus => {
    const r = (i * 7919) % 100; // deterministic and evenly spread over stages
    if (r < 80) return "active";
    if (r < 95) return "rejected";
    if (r < 98) return "withdrawn";
    return "hired";
  };

  for (let i = 0; i < o.applications; i++) {
    const first = pick(FIRST_NAMES);
    const last = pick(LAST_NAMES);
    const candidateId = id();
    const createdHoursAgo = 24 * 90 - (i / o.applications) * 24 * 85;
    candidateRows.push({
      id: candidateId,
      name: `${first} ${last}`,
      email: `${first}.${last}.${i + 1}${p.tag}@example.org`.toLowerCase(),
      phone: i % 3 === 0 ? `+44 20 7946 ${String(i % 10000).padStart(4, "0")}` : null,
      githubUrl: i % 2 === 0 ? `https://github.com/${first}${last}${i}`.toLowerCase() : null,
      createdBy: p.recruiterId,
      createdAt: at(createdHoursAgo),
      updatedAt: at(createdHoursAgo),
    });
    const status = statusOf(i);
    const position = status === "hired" ? lastStage : stageOf(i);
    const stage = p.stages[position] as TStage;
    const applicationId = id();
    applicationRows.push({
      id: applicationId,
      candidateId,
      roleId: p.roleId,
      currentStageId: stage.id,
      status,
      closedReason: status === "rejected" ? "Below the bar for this level." : null,
      createdBy: p.recruiterId,
      createdAt: at(createdHoursAgo),
      updatedAt: at(createdHoursAgo - position * 24 - random() * 12),
    });
    ability.push(Math.max(1, Math.min(4, 2.6 + (random() + random() + random() - 1.5) * 0.9)));
    for (let s = 0; s <= position; s++) {
      eventRows.push({
        applicationId,
        fromStageId: s === 0 ? null : (p.stages[s - 1] as TStage).id,
        toStageId: (p.stages[s] as TStage).id,
        statusAfter: "active",
        byUserId: p.recruiterId,
        at: at(createdHoursAgo - s * 24),
      });
      if (s > 0)
        decisionRows.push({
          applicationId,
          stageId: (p.stages[s - 1] as TStage).id,
          decision: "advance",
          rationale: "The panel's evidence meets the bar for this stage.",
          decidedBy: p.managerId,
          createdAt: at(createdHoursAgo - s * 24),
        });
    }
    if (status !== "active") {
      eventRows.push({
        applicationId,
        fromStageId: stage.id,
        toStageId: stage.id,
        statusAfter: status,
        reason: status === "rejected" ? "Below the bar for this level." : null,
        byUserId: p.managerId,
        at: at(createdHoursAgo - position * 24 - 6),
      });
      if (status === "rejected" || status === "hired")
        decisionRows.push({
          applicationId,
          stageId: stage.id,
          decision: status === "hired" ? "offer" : "reject",
          rationale: status === "hired" ? "Strong across every competency." : "Below the bar here.",
          decidedBy: p.managerId,
          createdAt: at(createdHoursAgo - position * 24 - 6),
        });
    }
    auditRows.push({
      actorUserId: p.recruiterId,
      actorLabel: `scale.recruiter${p.tag}@example.com`,
      action: "application.created",
      entityType: "application",
      entityId: applicationId,
      after: { candidateId, roleId: p.roleId },
      createdAt: at(createdHoursAgo),
    });
  }

  // Meetings: pass k gives every application that has reached its k-th interview stage that
  // meeting, until the target count is reached, so the earlier stages are always covered.
  const meetingsByApp: number[][] = applicationRows.map(() => []);
  let meetings = 0;
  for (let k = 0; k < p.interviewStages.length && meetings < o.interviews; k++) {
    const stage = p.interviewStages[k] as TStage;
    applicationRows.forEach((app, a) => {
      if (meetings >= o.interviews) return;
      const position = p.stages.findIndex((s) => s.id === app.currentStageId);
      if (stage.position <= position) {
        meetingsByApp[a]?.push(k);
        meetings++;
      }
    });
  }
  if (meetings < o.interviews)
    throw new Error(`only ${meetings} meetings fit ${o.applications} applications`);

  const kitOf = (stage: TStage): TInterviewKitItem[] =>
    stage.kit.map((k) => ({
      questionId: k.questionId,
      questionVersionId: (p.versionOf.get(k.questionId) as TVersion).id,
      minutes: k.minutes,
    }));
  const kits = new Map(p.interviewStages.map((s) => [s.id, kitOf(s)]));
  const extraPanelists = o.scorecards - 3 * o.interviews;
  let panelCursor = 0;
  let meetingIndex = 0;
  applicationRows.forEach((app, a) => {
    for (const k of meetingsByApp[a] ?? []) {
      const stage = p.interviewStages[k] as TStage;
      const size = 3 + (meetingIndex < extraPanelists ? 1 : 0);
      const scheduledAt = at(24 * 80 - (a / o.applications) * 24 * 75 - k * 24);
      meetingIndex++;
      for (let m = 0; m < size; m++) {
        const interviewerId = p.interviewerIds[(panelCursor + m) % p.interviewerIds.length];
        interviewRows.push({
          id: id(),
          applicationId: app.id,
          stageId: stage.id,
          interviewerId: interviewerId as string,
          scheduledAt,
          kit: kits.get(stage.id) ?? [],
          createdBy: p.recruiterId,
          createdAt: new Date(scheduledAt.getTime() - 72 * HOUR),
        });
      }
      panelCursor += size;
    }
  });
  const scored = interviewRows.length;

  // Panelists who still owe a scorecard: at the current (interview) stage of active applications.
  const waiting = applicationRows.filter(
    (app) => app.status === "active" && kits.has(app.currentStageId),
  );
  const seated = new Set(
    interviewRows.map((r) => `${r.applicationId}/${r.stageId}/${r.interviewerId}`),
  );
  for (let n = 0; n < o.pendingScorecards && waiting.length > 0; n++) {
    const app = waiting[(n * 37) % waiting.length] as (typeof applicationRows)[number];
    const interviewerId = p.interviewerIds
      .map((_, j) => p.interviewerIds[(n + j) % p.interviewerIds.length] as string)
      .find((candidate) => !seated.has(`${app.id}/${app.currentStageId}/${candidate}`));
    if (!interviewerId) continue;
    seated.add(`${app.id}/${app.currentStageId}/${interviewerId}`);
    interviewRows.push({
      id: id(),
      applicationId: app.id,
      stageId: app.currentStageId,
      interviewerId,
      scheduledAt: at(-24 - (n % 10) * 24),
      kit: kits.get(app.currentStageId) ?? [],
      createdBy: p.recruiterId,
      createdAt: at(48),
    });
  }

  const appIndex = new Map(applicationRows.map((a, i) => [a.id, i]));
  const stageById = new Map(p.stages.map((s) => [s.id, s]));
  const bias = p.interviewerIds.map(() => (random() - 0.5) * 0.6);
  const rate = (theta: number, interviewer: number) =>
    Math.max(1, Math.min(4, Math.round(theta + (bias[interviewer] ?? 0) + (random() - 0.5) * 1.4)));
  let drafts = 0;
  interviewRows.forEach((row, r) => {
    const pending = r >= scored;
    if (pending && r % 2 === 1) return; // half of those waiting have not started
    const theta = ability[appIndex.get(row.applicationId) ?? 0] ?? 2.5;
    const interviewer = p.interviewerIds.indexOf(row.interviewerId);
    const stage = stageById.get(row.stageId) as TStage;
    const answers: TQuestionAnswer[] = row.kit.map((k, q) => {
      const notAsked = (r + q) % 17 === 0;
      const rating = pending && q > 1 ? null : notAsked ? "not_asked" : rate(theta, interviewer);
      const signals = p.versionOf.get(k.questionId)?.signals ?? [];
      return {
        questionId: k.questionId,
        questionVersionId: k.questionVersionId,
        rating,
        signals: typeof rating === "number" ? signals.slice(0, rating) : [],
        notes: typeof rating === "number" && rating >= 3 ? "Clear and correct." : "",
      };
    });
    const competencyRatings = Object.fromEntries(
      stage.competencies.map((c) => [c, rate(theta, interviewer)]),
    );
    const mean =
      Object.values(competencyRatings).reduce((sum, v) => sum + v, 0) /
      Math.max(1, stage.competencies.length);
    const recommendation: TRecommendation =
      mean >= 3.5 ? "strong_yes" : mean >= 2.5 ? "yes" : mean >= 1.75 ? "no" : "strong_no";
    const submittedAt = new Date(row.scheduledAt.getTime() + (2 + (r % 30)) * HOUR);
    if (pending) drafts++;
    scorecardRows.push({
      interviewId: row.id,
      applicationId: row.applicationId,
      stageId: row.stageId,
      interviewerId: row.interviewerId,
      version: 1,
      status: pending ? "draft" : "submitted",
      revision: pending ? 2 : 3,
      answers,
      competencyRatings: pending ? {} : competencyRatings,
      keyTakeaways: pending ? "" : "Explains trade-offs with concrete examples from past work.",
      recommendation: pending ? null : recommendation,
      submittedAt: pending ? null : submittedAt,
      createdAt: row.scheduledAt,
      updatedAt: pending ? row.scheduledAt : submittedAt,
    });
    if (!pending)
      auditRows.push({
        actorUserId: row.interviewerId,
        actorLabel: `interviewer-${interviewer + 1}`,
        action: "scorecard.submitted",
        entityType: "scorecard",
        entityId: row.id,
        createdAt: submittedAt,
      });
  });

  return {
    candidates: candidateRows,
    applications: applicationRows,
    events: eventRows,
    decisions: decisionRows,
    interviews: interviewRows,
    scorecards: scorecardRows,
    audit: auditRows,
    meetings,
    drafts,
  };
}

function featuredOf(
  rows: ReturnType<typeof buildPipeline>,
  stageId: string | undefined,
  interviewers: readonly TScaleAccount[],
) {
  const app =
    rows.applications.find((a) => a.status === "active" && a.currentStageId === stageId) ??
    rows.applications[0];
  const interview = rows.interviews.find((i) => i.applicationId === app?.id) ?? rows.interviews[0];
  const interviewer = interviewers.find((a) => a.id === interview?.interviewerId);
  if (!app || !interview || !interviewer)
    throw new Error("generateScaleData needs applications and interviews");
  return {
    applicationId: app.id,
    candidateId: app.candidateId,
    interviewId: interview.id,
    interviewer,
  };
}

/**
 * One statement per chunk whose rows travel as a single JSON parameter: building a multi-row
 * VALUES list through the query builder costs ~1 s per thousand wide rows, this ~20 ms.
 */
async function insertRecordset(tx: TExecutor, table: PgTable, rows: readonly object[]) {
  const columns = Object.entries(getTableColumns(table)).filter(([key]) =>
    rows.some((row) => key in row),
  );
  const names = columns.map(([, c]) => `"${c.name}"`).join(", ");
  const types = columns.map(([, c]) => `"${c.name}" ${c.getSQLType()}`).join(", ");
  for (let i = 0; i < rows.length; i += 2000) {
    const chunk = rows.slice(i, i + 2000).map((row) => {
      const record = row as Record<string, unknown>;
      return Object.fromEntries(columns.map(([key, c]) => [c.name, record[key] ?? null]));
    });
    await tx.execute(
      sql`insert into ${table} (${sql.raw(names)}) select ${sql.raw(names)} from jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb) as r(${sql.raw(types)})`,
    );
  }
}

async function insertAll(tx: TExecutor, rows: ReturnType<typeof buildPipeline>) {
  await insertRecordset(tx, candidates, rows.candidates);
  await insertRecordset(tx, applications, rows.applications);
  await insertRecordset(tx, applicationStageEvents, rows.events);
  await insertRecordset(tx, decisions, rows.decisions);
  await insertRecordset(tx, interviews, rows.interviews);
  await insertRecordset(tx, scorecards, rows.scorecards);
  // Triggers are off for the load (see generateScaleData): fill the ratings projection and the
  // analytics rollups at once.
  await tx.execute(
    sql`select refresh_scorecard_ratings(array(select id from scorecards
      where status = 'submitted' and superseded_at is null))`,
  );
  await tx.execute(sql`select refresh_analytics_rollups(array(select id from applications))`);
  await insertRecordset(tx, auditEvents, rows.audit);
}
