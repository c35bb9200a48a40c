import type { TTimeKey } from "../../shared/keyset-cursor.js";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { TDatabase, TExecutor } from "../../db/client.js";
import { queryRows } from "../../db/raw-query.js";
import { notificationPreferences, notifications } from "../../db/schema/index.js";
import type { TNotificationKind, TTeamRole } from "../../db/schema/index.js";
import type { TDelivery } from "./notification-kinds.js";

export type TRecipient = { id: string; name: string; email: string };

export type TNotificationRow = {
  id: string;
  kind: TNotificationKind;
  createdAt: Date;
  readAt: Date | null;
  applicationId: string;
  candidateName: string;
  roleTitle: string;
  actorName: string | null;
  noteExcerpt: string | null;
};

/**
 * A person sees a notification while they may still see its application's pipeline: an admin, or
 * a recruiter or hiring manager on the role's team. Someone taken off the team stops seeing it.
 */
const stillVisible = sql`(
  exists (select 1 from users v where v.id = n.user_id and v.role = 'admin')
  or exists (select 1 from role_team_members m where m.role_id = a.role_id
             and m.user_id = n.user_id and m.team_role in ('recruiter', 'hiring_manager')))`;

export function createNotificationsRepo(db: TDatabase) {
  return {
    /** Active team members of the application's role holding one of the team roles. */
    async teamOf(
      applicationId: string,
      teamRoles: readonly TTeamRole[],
      executor: TExecutor = db,
    ): Promise<TRecipient[]> {
      return queryRows<TRecipient>(
        executor,
        sql`select u.id, u.name, u.email
            from applications a
            join role_team_members m on m.role_id = a.role_id
            join users u on u.id = m.user_id
            where a.id = ${applicationId} and u.disabled_at is null
              and m.team_role = any(${`{${teamRoles.join(",")}}`}::text[])
            order by u.name, u.id`,
      );
    },

    async nameOf(userId: string, executor: TExecutor = db) {
      const [row] = await queryRows<{ name: string }>(
        executor,
        sql`select name from users where id = ${userId}`,
      );
      return row?.name;
    },

    /** The names a notification's e-mail uses. */
    async contextOf(applicationId: string, executor: TExecutor = db) {
      const [row] = await queryRows<{ candidate_name: string; role_title: string }>(
        executor,
        sql`select c.name as candidate_name, r.title as role_title
            from applications a join candidates c on c.id = a.candidate_id
            join roles r on r.id = a.role_id where a.id = ${applicationId}`,
      );
      return row ? { candidateName: row.candidate_name, roleTitle: row.role_title } : undefined;
    },

    /**
     * The round the interview belongs to: its stage's name, whether the application is still
     * open, and how many of the round's interviews still owe a submitted scorecard.
     */
    async roundOf(interviewId: string, executor: TExecutor = db) {
      const [row] = await queryRows<{ stage_name: string; active: boolean; open: number }>(
        executor,
        sql`select st.name as stage_name, a.status = 'active' as active,
              (select count(*)::int from interviews j
               where j.application_id = i.application_id and j.stage_id = i.stage_id
                 and not exists (select 1 from scorecards s
                                 where s.interview_id = j.id and s.submitted_at is not null)) as open
            from interviews i join role_stages st on st.id = i.stage_id
            join applications a on a.id = i.application_id
            where i.id = ${interviewId}`,
      );
      return row ? { stageName: row.stage_name, active: row.active, open: row.open } : undefined;
    },

    /** Stored choices for one kind; people without a row are absent. */
    async preferencesFor(userIds: string[], kind: TNotificationKind, executor: TExecutor = db) {
      if (userIds.length === 0) return new Map<string, TDelivery>();
      const rows = await executor
        .select()
        .from(notificationPreferences)
        .where(
          and(
            inArray(notificationPreferences.userId, userIds),
            eq(notificationPreferences.kind, kind),
          ),
        );
      return new Map(rows.map((r) => [r.userId, { inApp: r.inApp, email: r.email }]));
    },

    async preferencesOf(userId: string, executor: TExecutor = db) {
      return executor
        .select()
        .from(notificationPreferences)
        .where(eq(notificationPreferences.userId, userId));
    },

    async savePreferences(
      userId: string,
      rows: { kind: TNotificationKind; inApp: boolean; email: boolean }[],
      executor: TExecutor = db,
    ) {
      if (rows.length === 0) return;
      await executor
        .insert(notificationPreferences)
        .values(rows.map((r) => ({ userId, ...r })))
        .onConflictDoUpdate({
          target: [notificationPreferences.userId, notificationPreferences.kind],
          set: {
            inApp: sql`excluded.in_app`,
            email: sql`excluded.email`,
            updatedAt: new Date(),
          },
        });
    },

    async insertMany(
      rows: {
        userId: string;
        kind: TNotificationKind;
        applicationId: string;
        actorId: string | null;
        noteId: string | null;
      }[],
      executor: TExecutor = db,
    ) {
      if (rows.length === 0) return;
      await executor.insert(notifications).values(rows);
    },

    /** One page, newest first, with the names joined in: one statement however long the page. */
    async listFor(
      userId: string,
      page: { limit: number; before?: TTimeKey | undefined },
      executor: TExecutor = db,
    ): Promise<TNotificationRow[]> {
      const before = page.before
        ? // At the cursor's millisecond precision, as db/keyset.ts compares: rows that share it stay.
          sql`and (date_trunc('milliseconds', n.created_at), n.id) < (${page.before.at.toISOString()}::timestamptz, ${page.before.id}::uuid)`
        : sql``;
      const rows = await queryRows<{
        id: string;
        kind: TNotificationKind;
        created_at: string | Date;
        read_at: string | Date | null;
        application_id: string;
        candidate_name: string;
        role_title: string;
        actor_name: string | null;
        note_excerpt: string | null;
      }>(
        executor,
        sql`select n.id, n.kind, n.created_at, n.read_at, n.application_id,
              c.name as candidate_name, r.title as role_title, actor.name as actor_name,
              left(note.body, 240) as note_excerpt
            from notifications n
            join applications a on a.id = n.application_id
            join candidates c on c.id = a.candidate_id
            join roles r on r.id = a.role_id
            left join users actor on actor.id = n.actor_id
            left join application_notes note on note.id = n.note_id
            where n.user_id = ${userId} ${before} and ${stillVisible}
            order by date_trunc('milliseconds', n.created_at) desc, n.id desc
            limit ${page.limit}`,
      );
      return rows.map((r) => ({
        id: r.id,
        kind: r.kind,
        createdAt: new Date(r.created_at),
        readAt: r.read_at === null ? null : new Date(r.read_at),
        applicationId: r.application_id,
        candidateName: r.candidate_name,
        roleTitle: r.role_title,
        actorName: r.actor_name,
        noteExcerpt: r.note_excerpt,
      }));
    },

    async unreadCount(userId: string, executor: TExecutor = db) {
      const [row] = await queryRows<{ n: number }>(
        executor,
        sql`select count(*)::int as n from notifications n
            join applications a on a.id = n.application_id
            where n.user_id = ${userId} and n.read_at is null and ${stillVisible}`,
      );
      return row?.n ?? 0;
    },

    /** Only the caller's own: someone else's id is silently not theirs to mark. */
    async markRead(userId: string, ids: string[] | "all", at: Date, executor: TExecutor = db) {
      const mine = and(eq(notifications.userId, userId), isNull(notifications.readAt));
      const rows = await executor
        .update(notifications)
        .set({ readAt: at })
        .where(ids === "all" ? mine : and(mine, inArray(notifications.id, ids)))
        .returning({ id: notifications.id });
      return rows.length;
    },
  };
}

export type TNotificationsRepo = ReturnType<typeof createNotificationsRepo>;
