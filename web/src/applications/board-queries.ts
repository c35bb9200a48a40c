import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useRef } from "react";
import { api } from "../api/client";
import type { TBody } from "../api/json-types";
import { unwrap } from "../api/query-helpers";
import { boardKeys } from "./board-cache";
import type { TBoard, TBoardColumn, TBoardSort } from "./board-cache";
import { invalidatePipeline } from "./queries";

type TBulkBody = TBody<"/api/applications/bulk", "post">;

export const BOARD_PAGE = 20;

function fetchBoard(roleId: string, query: { sort: TBoardSort; stageId?: string; after?: string }) {
  return unwrap(
    api.GET("/api/roles/{roleId}/board", {
      params: { path: { roleId }, query: { ...query, limit: BOARD_PAGE } },
    }),
  );
}

/**
 * The board: one request for the first page of every column; "load more" appends one column's
 * next page to the cached board. A refresh (after any change) asks again for as many pages of
 * each column as were open, so a column read to its third page stays open at three.
 */
export function useBoard(roleId: string, sort: TBoardSort) {
  const queryClient = useQueryClient();
  const pagesOpen = useRef(new Map<string, number>());
  const queryKey = boardKeys.board(roleId, sort);
  const query = useQuery({
    queryKey,
    queryFn: async () => {
      const board = await fetchBoard(roleId, { sort });
      const columns = await Promise.all(
        board.columns.map(async (column) => {
          let open = column;
          for (let page = 1; page < (pagesOpen.current.get(column.stageId) ?? 1); page++) {
            if (!open.nextCursor) break;
            open = appendPage(open, await nextPage(roleId, sort, open));
          }
          return open;
        }),
      );
      return { ...board, columns };
    },
  });
  const loadMore = useCallback(
    async (stageId: string) => {
      const key = boardKeys.board(roleId, sort);
      const column = queryClient
        .getQueryData<TBoard>(key)
        ?.columns.find((c) => c.stageId === stageId);
      if (!column?.nextCursor) return;
      const next = await nextPage(roleId, sort, column);
      pagesOpen.current.set(stageId, (pagesOpen.current.get(stageId) ?? 1) + 1);
      queryClient.setQueryData<TBoard>(key, (old) =>
        old
          ? {
              ...old,
              columns: old.columns.map((c) => (c.stageId === stageId ? appendPage(c, next) : c)),
            }
          : old,
      );
    },
    [queryClient, roleId, sort],
  );
  return { ...query, loadMore };
}

async function nextPage(roleId: string, sort: TBoardSort, column: TBoardColumn) {
  const page = await fetchBoard(roleId, {
    sort,
    stageId: column.stageId,
    ...(column.nextCursor ? { after: column.nextCursor } : {}),
  });
  const found = page.columns[0];
  if (!found) throw new Error("the column is gone");
  return found;
}

function appendPage(column: TBoardColumn, next: TBoardColumn): TBoardColumn {
  const seen = new Set(column.cards.map((c) => c.id));
  return {
    ...next,
    cards: [...column.cards, ...next.cards.filter((c) => !seen.has(c.id))],
  };
}

/** Reject or move several applications; the answer lists an outcome per application. */
export function useBulkChange() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TBulkBody) => unwrap(api.POST("/api/applications/bulk", { body })),
    onSettled: () => invalidatePipeline(queryClient),
  });
}
