import { asc, eq, sql } from "drizzle-orm";
import type { TDatabase, TExecutor } from "../../db/client.js";
import { queryRows } from "../../db/raw-query.js";
import { applicationNotes, users } from "../../db/schema/index.js";
import type { TMentionable } from "./mentions.js";

export function createNotesRepo(db: TDatabase) {
  return {
    async listFor(applicationId: string, executor: TExecutor = db) {
      return executor
        .select({
          id: applicationNotes.id,
          body: applicationNotes.body,
          mentionedUserIds: applicationNotes.mentionedUserIds,
          createdAt: applicationNotes.createdAt,
          authorId: users.id,
          authorName: users.name,
        })
        .from(applicationNotes)
        .leftJoin(users, eq(users.id, applicationNotes.authorId))
        .where(eq(applicationNotes.applicationId, applicationId))
        .orderBy(asc(applicationNotes.createdAt), asc(applicationNotes.id));
    },

    /**
     * Who may read the role's notes, so who a mention can reach: active admins, and the role's
     * recruiters and hiring managers. Interviewers are not: notes stay out of their independent view.
     */
    async readersOf(roleId: string, executor: TExecutor = db): Promise<TMentionable[]> {
      return queryRows<TMentionable>(
        executor,
        sql`select u.id, u.name, u.email from users u
            where u.disabled_at is null and (u.role = 'admin' or exists (
              select 1 from role_team_members m where m.role_id = ${roleId} and m.user_id = u.id
                and m.team_role in ('recruiter', 'hiring_manager')))
            order by u.name, u.id`,
      );
    },

    async insert(
      row: { applicationId: string; authorId: string; body: string; mentionedUserIds: string[] },
      executor: TExecutor = db,
    ) {
      const [created] = await executor.insert(applicationNotes).values(row).returning();
      if (!created) throw new Error("insert returned no note");
      return created;
    },
  };
}

export type TNotesRepo = ReturnType<typeof createNotesRepo>;
