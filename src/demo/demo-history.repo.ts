import { sql } from "drizzle-orm";
import type { TDatabase } from "../db/client.js";
import { queryRows } from "../db/raw-query.js";

/**
 * The one thing the services cannot do for the demo: make history that happened months ago.
 * Service calls stamp everything "now"; this moves one demo role's applications back in time,
 * one every `spacingDays`, with their stage moves `gapDays` apart, interviews a day after the
 * stage began and scorecards a few hours (or, for every fourth, two days) after the interview.
 */
export function createDemoHistoryRepo(db: TDatabase) {
  return {
    /** Interviews are scheduled from now on; the demo's rounds then move to when they were held. */
    async moveInterviews(ids: readonly string[], at: Date) {
      if (ids.length === 0) return;
      await queryRows(
        db,
        sql`update interviews set scheduled_at = ${at.toISOString()}::timestamptz
            where id = any(${`{${ids.join(",")}}`}::uuid[])`,
      );
    },

    async spreadOverMonths(input: { roleId: string; spacingDays: number; now: Date }) {
      const now = input.now.toISOString();
      await db.transaction(async (tx) => {
        await queryRows(
          tx,
          sql`create temporary table demo_shift on commit drop as
              select a.id, a.candidate_id,
                ${now}::timestamptz - make_interval(days => (count(*) over () - (row_number() over (order by a.created_at, a.id)) + 1)::int * ${input.spacingDays} + 30) as start_at,
                (3 + (row_number() over (order by a.created_at, a.id)) % 5)::int as gap
              from applications a where a.role_id = ${input.roleId}::uuid`,
        );
        await queryRows(
          tx,
          sql`update application_stage_events e set at = s.start_at + make_interval(days => (k.k * s.gap)::int, hours => k.k::int)
              from demo_shift s,
                (select id, row_number() over (partition by application_id order by id) - 1 as k
                 from application_stage_events) k
              where e.application_id = s.id and k.id = e.id`,
        );
        await queryRows(
          tx,
          sql`update applications a set created_at = s.start_at,
                updated_at = coalesce((select max(e.at) from application_stage_events e where e.application_id = a.id), s.start_at)
              from demo_shift s where s.id = a.id`,
        );
        await queryRows(
          tx,
          sql`update candidates c set created_at = s.start_at, updated_at = s.start_at
              from demo_shift s where s.candidate_id = c.id`,
        );
        await queryRows(
          tx,
          sql`update interviews i set
                scheduled_at = (select min(e.at) from application_stage_events e
                  where e.application_id = i.application_id and e.to_stage_id = i.stage_id) + interval '1 day',
                created_at = (select min(e.at) from application_stage_events e
                  where e.application_id = i.application_id and e.to_stage_id = i.stage_id) + interval '2 hours'
              from demo_shift s where s.id = i.application_id`,
        );
        await queryRows(
          tx,
          sql`update scorecards c set
                submitted_at = case when c.submitted_at is null then null
                  else i.scheduled_at + case when ascii(c.id::text) % 4 = 0 then interval '50 hours' else interval '5 hours' end end,
                created_at = i.scheduled_at + interval '1 hour',
                updated_at = i.scheduled_at + interval '5 hours'
              from interviews i join demo_shift s on s.id = i.application_id
              where c.interview_id = i.id`,
        );
        await queryRows(
          tx,
          sql`update decisions d set created_at = (select max(e.at) from application_stage_events e
                where e.application_id = d.application_id)
              from demo_shift s where s.id = d.application_id`,
        );
      });
    },
  };
}
export type TDemoHistoryRepo = ReturnType<typeof createDemoHistoryRepo>;
