import {
  and,
  asc,
  count,
  eq,
  exists,
  getTableColumns,
  inArray,
  isNull,
  or,
  sql,
} from "drizzle-orm";
import type { SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { containsPattern } from "../../db/like.js";
import type { TDatabase, TExecutor } from "../../db/client.js";
import { queryRows } from "../../db/raw-query.js";
import { applications, candidates, roles, roleStages } from "../../db/schema/index.js";
import type { TApplicationStatus } from "../../db/schema/index.js";
import { TOTAL_CAP } from "../../shared/keyset-cursor.js";
import type { TTextKey } from "../../shared/keyset-cursor.js";

export type TCandidateRow = typeof candidates.$inferSelect;
export type TNewCandidate = typeof candidates.$inferInsert;

/** Who may see which candidates, as SQL: admins all; else own, pipeline roles, assigned. */
export type TCandidateVisibility =
  "all" | { userId: string; roleIds: readonly string[]; applicationIds: readonly string[] };

type TCandidatesTable = { id: AnyPgColumn; createdBy: AnyPgColumn };

function viaApplication(
  conditions: (SQL | undefined)[],
  table: TCandidatesTable = candidates,
): SQL | undefined {
  const via = conditions.filter((c): c is SQL => c !== undefined);
  return via.length
    ? sql`exists (select 1 from ${applications} where ${applications.candidateId} = ${table.id} and (${or(...via)}))`
    : undefined;
}

function pipelineRoleCondition(visibility: Exclude<TCandidateVisibility, "all">) {
  return visibility.roleIds.length
    ? inArray(applications.roleId, [...visibility.roleIds])
    : undefined;
}

function visibleWhere(
  visibility: TCandidateVisibility,
  table: TCandidatesTable = candidates,
): SQL | undefined {
  if (visibility === "all") return undefined;
  return or(
    eq(table.createdBy, visibility.userId),
    viaApplication(
      [
        pipelineRoleCondition(visibility),
        visibility.applicationIds.length
          ? inArray(applications.id, [...visibility.applicationIds])
          : undefined,
      ],
      table,
    ),
  );
}

/** Rows whose contact details the viewer may read: own, or on a role whose pipeline they run. */
function contactVisibleWhere(visibility: TCandidateVisibility): SQL | undefined {
  if (visibility === "all") return undefined;
  return or(
    eq(candidates.createdBy, visibility.userId),
    viaApplication([pipelineRoleCondition(visibility)]),
  );
}

export type TCandidateApplicationRow = {
  id: string;
  candidateId: string;
  roleId: string;
  roleTitle: string;
  status: TApplicationStatus;
  currentStageId: string;
  currentStageName: string;
};

export function createCandidatesRepo(db: TDatabase) {
  return {
    /** Undefined when the e-mail is already on file (the unique index decides, race-free). */
    async insertCandidate(
      values: TNewCandidate,
      executor: TExecutor = db,
    ): Promise<TCandidateRow | undefined> {
      const [row] = await executor
        .insert(candidates)
        .values(values)
        .onConflictDoNothing()
        .returning();
      return row;
    },

    async findById(id: string, executor: TExecutor = db) {
      const [row] = await executor.select().from(candidates).where(eq(candidates.id, id));
      return row;
    },

    /** The record that owns the e-mail (possible duplicates made beside it are not returned). */
    async findByEmail(email: string, executor: TExecutor = db) {
      const [row] = await executor
        .select()
        .from(candidates)
        .where(and(eq(candidates.email, email), isNull(candidates.possibleDuplicateOf)));
      return row;
    },

    /** Rows and names of the given candidates (to name the original of a possible duplicate). */
    async listNames(ids: readonly string[], executor: TExecutor = db) {
      if (ids.length === 0) return [];
      return executor
        .select({ id: candidates.id, name: candidates.name })
        .from(candidates)
        .where(inArray(candidates.id, [...ids]));
    },

    /**
     * Records the viewer may see whose folded name (`name_key`) is one of `nameKeys`, erased ones
     * aside: the candidates for a "same name" possible duplicate.
     */
    async listByNameKeys(
      nameKeys: readonly string[],
      visibility: TCandidateVisibility,
      executor: TExecutor = db,
    ) {
      if (nameKeys.length === 0) return [];
      return executor
        .select({ id: candidates.id, name: candidates.name, nameKey: candidates.nameKey })
        .from(candidates)
        .where(
          and(
            inArray(candidates.nameKey, [...nameKeys]),
            isNull(candidates.erasedAt),
            visibleWhere(visibility),
          ),
        )
        .orderBy(asc(candidates.createdAt), asc(candidates.id));
    },

    async deleteCandidate(id: string, executor: TExecutor = db) {
      await executor.delete(candidates).where(eq(candidates.id, id));
    },

    /** Points possible duplicates of `fromId` at `toId` (when `fromId` is merged away). */
    async repointDuplicates(fromId: string, toId: string, executor: TExecutor = db) {
      await executor
        .update(candidates)
        .set({ possibleDuplicateOf: toId })
        .where(eq(candidates.possibleDuplicateOf, fromId));
    },

    /** The row, when the viewer may see it: one statement for "find" and "may they see it". */
    async findVisible(id: string, visibility: TCandidateVisibility, executor: TExecutor = db) {
      const [row] = await executor
        .select()
        .from(candidates)
        .where(and(eq(candidates.id, id), visibleWhere(visibility)));
      return row;
    },

    /**
     * One visible candidate with what its profile shows, in one statement: the record, its
     * applications (as listApplicationsOf), the visible records of the same folded name (as
     * listByNameKeys) and, for admins, the record it may duplicate (as listNames).
     */
    async findVisibleProfile(
      id: string,
      visibility: TCandidateVisibility,
      withOriginal: boolean,
      executor: TExecutor = db,
    ) {
      const same = alias(candidates, "same");
      // Raw rather than a drizzle select: a select list renders its columns unqualified, and the
      // subqueries below need to tell the record from its same-name neighbours.
      const columns = getTableColumns(candidates);
      const [raw] = await queryRows<Record<string, unknown>>(
        executor,
        sql`select ${sql.join(
          Object.values(columns).map((c) => sql`${c}`),
          sql`, `,
        )},
          (select coalesce(json_agg(json_build_object('id', a.id, 'candidateId', a.candidate_id,
              'roleId', a.role_id, 'roleTitle', r.title, 'status', a.status,
              'currentStageId', a.current_stage_id, 'currentStageName', st.name)
              order by a.created_at), '[]'::json)
            from ${applications} a join ${roles} r on r.id = a.role_id
            join ${roleStages} st on st.id = a.current_stage_id
            where a.candidate_id = ${candidates.id}) as sl_apps,
          (select coalesce(json_agg(json_build_object('id', ${same.id}, 'name', ${same.name},
              'nameKey', ${same.nameKey}) order by ${same.createdAt}, ${same.id}), '[]'::json)
            from ${candidates} as same where ${and(
              eq(same.nameKey, candidates.nameKey),
              isNull(same.erasedAt),
              isNull(candidates.erasedAt),
              visibleWhere(visibility, same),
            )}) as sl_same,
          ${
            withOriginal
              ? sql`(select json_build_object('id', o.id, 'name', o.name) from ${candidates} o
                  where o.id = ${candidates.possibleDuplicateOf})`
              : sql`null::json`
          } as sl_original
        from ${candidates} where ${and(eq(candidates.id, id), visibleWhere(visibility))}`,
      );
      if (!raw) return undefined;
      const row = Object.fromEntries(
        Object.entries(columns).map(([key, column]) => {
          const value = raw[column.name];
          return [
            key,
            value === null || value === undefined ? null : column.mapFromDriverValue(value),
          ];
        }),
      ) as TCandidateRow;
      const json = (v: unknown): unknown => (typeof v === "string" ? JSON.parse(v) : v);
      const original = json(raw.sl_original) as { id: string; name: string } | null;
      return {
        row,
        apps: json(raw.sl_apps) as TCandidateApplicationRow[],
        sameNames: json(raw.sl_same) as { id: string; name: string; nameKey: string | null }[],
        originals: original ? [original] : [],
      };
    },

    async isVisible(id: string, visibility: TCandidateVisibility, executor: TExecutor = db) {
      const [row] = await executor
        .select({ id: candidates.id })
        .from(candidates)
        .where(and(eq(candidates.id, id), visibleWhere(visibility)));
      return row !== undefined;
    },

    /** Whether the viewer may read this candidate's contact details (`canSeeContact`'s rule in SQL). */
    async isContactVisible(id: string, visibility: TCandidateVisibility, executor: TExecutor = db) {
      const [row] = await executor
        .select({ id: candidates.id })
        .from(candidates)
        .where(and(eq(candidates.id, id), contactVisibleWhere(visibility)));
      return row !== undefined;
    },

    async listCandidates(
      filter: {
        visibility: TCandidateVisibility;
        q?: string | undefined;
        /** Only candidates with an application matching all of these. */
        roleId?: string | undefined;
        stageId?: string | undefined;
        status?: TApplicationStatus | undefined;
        limit: number;
        /** The last row of the page before, in (name, id) order. */
        after?: TTextKey | undefined;
      },
      executor: TExecutor = db,
    ) {
      const pattern = filter.q ? containsPattern(filter.q) : undefined;
      const byApplication =
        filter.roleId !== undefined || filter.stageId !== undefined || filter.status !== undefined;
      const where = and(
        visibleWhere(filter.visibility),
        byApplication
          ? exists(
              executor
                .select({ one: sql`1` })
                .from(applications)
                .where(
                  and(
                    eq(applications.candidateId, candidates.id),
                    filter.roleId === undefined
                      ? undefined
                      : eq(applications.roleId, filter.roleId),
                    filter.stageId === undefined
                      ? undefined
                      : eq(applications.currentStageId, filter.stageId),
                    filter.status === undefined
                      ? undefined
                      : eq(applications.status, filter.status),
                  ),
                ),
            )
          : undefined,
        // Searching by e-mail only reaches rows whose e-mail the viewer may read, so an
        // interviewer cannot probe addresses through the search box.
        pattern
          ? or(
              sql`${candidates.name} ilike ${pattern}`,
              and(
                sql`${candidates.email} ilike ${pattern}`,
                contactVisibleWhere(filter.visibility),
              ),
            )
          : undefined,
      );
      const after = filter.after
        ? sql`(${candidates.name}, ${candidates.id}) > (${filter.after.text}, ${filter.after.id})`
        : undefined;
      // One row more than the page says whether there is a next one.
      const rows = await executor
        .select()
        .from(candidates)
        .where(and(where, after))
        .orderBy(asc(candidates.name), asc(candidates.id))
        .limit(filter.limit + 1);
      // Counting stops one past the cap: a huge match costs at most TOTAL_CAP index entries.
      const capped = executor
        .select({ one: sql`1` })
        .from(candidates)
        .where(where)
        .limit(TOTAL_CAP + 1)
        .as("capped");
      const [counted] = await executor.select({ n: count() }).from(capped);
      const n = counted?.n ?? 0;
      return {
        rows: rows.slice(0, filter.limit),
        more: rows.length > filter.limit,
        total: Math.min(n, TOTAL_CAP),
        totalCapped: n > TOTAL_CAP,
      };
    },

    /** Until the transaction ends, other writers of this address (any case) wait here. */
    async lockEmail(email: string, executor: TExecutor) {
      await executor.execute(sql`select pg_advisory_xact_lock(hashtext(lower(${email})))`);
    },

    async updateCandidate(
      id: string,
      patch: Partial<Omit<TNewCandidate, "id">>,
      executor: TExecutor = db,
    ) {
      const [row] = await executor
        .update(candidates)
        .set({ ...patch, updatedAt: new Date() })
        .where(eq(candidates.id, id))
        .returning();
      return row;
    },

    async listApplicationsOf(candidateIds: readonly string[], executor: TExecutor = db) {
      if (candidateIds.length === 0) return [];
      return executor
        .select({
          id: applications.id,
          candidateId: applications.candidateId,
          roleId: applications.roleId,
          roleTitle: roles.title,
          status: applications.status,
          currentStageId: applications.currentStageId,
          currentStageName: roleStages.name,
        })
        .from(applications)
        .innerJoin(roles, eq(roles.id, applications.roleId))
        .innerJoin(roleStages, eq(roleStages.id, applications.currentStageId))
        .where(inArray(applications.candidateId, [...candidateIds]))
        .orderBy(asc(applications.createdAt));
    },
  };
}
export type TCandidatesRepo = ReturnType<typeof createCandidatesRepo>;
