import { AppError, notFound } from "../../errors.js";
import type { TViewerScopeRepo } from "../access/viewer-scope.repo.js";
import { canLeadRole, canManagePipeline, canSeeRole } from "../access/viewer-scope.js";
import type { TViewer, TViewerScope } from "../access/viewer-scope.js";
import type { TDataVersion } from "../../db/data-version.js";
import { createVersionedCache } from "../../shared/versioned-cache.js";
import { applicationVisibility } from "./applications.service.js";
import { decodeBoardCursor, encodeBoardCursor } from "./board-cursor.js";
import type { TBoardCardRow, TBoardRepo } from "./board.repo.js";
import type { TBoardCard, TBoardQuery, TBoardResponse } from "./board.schema.js";

const iso = (printed: string) => new Date(printed).toISOString();

function presentCard(row: TBoardCardRow): TBoardCard {
  return {
    id: row.id,
    candidate: { id: row.candidateId, name: row.name },
    updatedAt: iso(row.updatedAt),
    inStageSince: iso(row.inStageSince ?? row.updatedAt),
    screenOutcome: row.screenOutcome,
    latestRecommendation: row.latestRecommendation,
  };
}

export function createBoardService(deps: {
  boardRepo: Pick<TBoardRepo, "listColumns">;
  viewerScopeRepo: Pick<TViewerScopeRepo, "loadScope">;
  /** With it, each viewer's board page is kept until anything changes (shared/versioned-cache.ts). */
  dataVersion?: Pick<TDataVersion, "read">;
}) {
  const boards = createVersionedCache<TBoardResponse>({ max: 200 });
  return {
    /**
     * A role's pipeline board: one page per stage column with the column's total, or the next
     * page of one column. Interviewers see only the applications they are assigned to, and the
     * totals count only those; screen outcomes go to the pipeline, recommendations to the leads.
     */
    async getBoard(roleId: string, query: TBoardQuery, viewer: TViewer): Promise<TBoardResponse> {
      const [scope, version] = await Promise.all([
        deps.viewerScopeRepo.loadScope(viewer),
        deps.dataVersion?.read(viewer),
      ]);
      if (!canSeeRole(scope, roleId)) throw notFound("That role");
      const key = [roleId, scope.userId, query.stageId, query.sort, query.after, query.limit];
      return boards.get(key.join("|"), version, () => computeBoard(roleId, query, scope));
    },
  };

  async function computeBoard(
    roleId: string,
    query: TBoardQuery,
    scope: TViewerScope,
  ): Promise<TBoardResponse> {
    if (query.after && !query.stageId)
      throw new AppError("VALIDATION_FAILED", "A page cursor needs the stage it belongs to.", {
        fields: [{ field: "stageId", message: "is required with after" }],
      });
    const after = query.after ? decodeBoardCursor(query.after, query.sort) : undefined;
    const columns = await deps.boardRepo.listColumns({
      roleId,
      stageId: query.stageId,
      visibility: applicationVisibility(scope),
      sort: query.sort,
      after,
      limit: query.limit,
      withScreen: canManagePipeline(scope, roleId),
      withRecommendation: canLeadRole(scope, roleId),
    });
    // Every role has a plan, so no columns means no such role (or no such stage in it).
    if (columns.length === 0) throw notFound(query.stageId ? "That stage" : "That role");
    return {
      sort: query.sort,
      columns: columns.map((column) => {
        const page = column.cards.slice(0, query.limit);
        const last = page.at(-1);
        const more = column.cards.length > query.limit && last;
        return {
          stageId: column.stageId,
          total: column.total,
          cards: page.map(presentCard),
          nextCursor: more
            ? encodeBoardCursor(query.sort, {
                key: query.sort === "name" ? last.name : last.updatedAt,
                id: last.id,
              })
            : null,
        };
      }),
    };
  }
}
export type TBoardService = ReturnType<typeof createBoardService>;
