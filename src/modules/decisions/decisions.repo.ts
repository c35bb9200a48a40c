import { eq, sql } from "drizzle-orm";
import type { TDatabase, TExecutor } from "../../db/client.js";
import type { TDecisionKind } from "../../db/schema/index.js";
import { applications, decisions, roles } from "../../db/schema/index.js";

export type TDecisionRow = typeof decisions.$inferSelect;

/** A recorded decision as the decision page lists it; `createdAt` as PostgreSQL writes JSON. */
export type TDecisionListItem = {
  id: string;
  stageId: string;
  stageName: string;
  decision: TDecisionKind;
  rationale: string;
  decidedBy: string | null;
  deciderName: string | null;
  createdAt: string;
};

export function createDecisionsRepo(db: TDatabase) {
  return {
    async insertDecision(values: typeof decisions.$inferInsert, executor: TExecutor = db) {
      const [row] = await executor.insert(decisions).values(values).returning();
      if (!row) throw new Error("insert into decisions returned no row");
      return row;
    },

    /**
     * What the decision page shows beside the application and its scorecards, in one statement:
     * the role's competency weights, how many interviews of the current stage have no submitted
     * scorecard yet, and the decisions recorded so far, oldest first.
     */
    async findDecisionContext(applicationId: string, executor: TExecutor = db) {
      const [row] = await executor
        .select({
          competencyWeights: roles.competencyWeights,
          pendingInterviewsInCurrentStage: sql<number>`(
            select count(*)::int from interviews i
            where i.application_id = ${applications.id}
              and i.stage_id = ${applications.currentStageId}
              and not exists (select 1 from scorecards s
                where s.interview_id = i.id and s.status = 'submitted'))`,
          decisions: sql<TDecisionListItem[]>`coalesce((
            select json_agg(json_build_object('id', d.id, 'stageId', d.stage_id,
              'stageName', st.name, 'decision', d.decision, 'rationale', d.rationale,
              'decidedBy', d.decided_by, 'deciderName', u.name, 'createdAt', d.created_at)
              order by d.created_at)
            from decisions d
            join role_stages st on st.id = d.stage_id
            left join users u on u.id = d.decided_by
            where d.application_id = ${applications.id}), '[]'::json)`,
        })
        .from(applications)
        .innerJoin(roles, eq(roles.id, applications.roleId))
        .where(eq(applications.id, applicationId));
      return row;
    },
  };
}
export type TDecisionsRepo = ReturnType<typeof createDecisionsRepo>;
