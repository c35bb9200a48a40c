import type { QueryClient } from "@tanstack/react-query";
import type { TJson } from "../api/json-types";

export type TBoard = TJson<"/api/roles/{roleId}/board", "get">;
export type TBoardColumn = TBoard["columns"][number];
export type TBoardCard = TBoardColumn["cards"][number];
export type TBoardSort = TBoard["sort"];

/** Under the applications key, so every pipeline change (invalidatePipeline) refreshes boards. */
export const boardKeys = {
  all: ["applications", "board"] as const,
  board: (roleId: string, sort: TBoardSort) => [...boardKeys.all, roleId, sort] as const,
};

/**
 * A card moved on every cached board at once (it goes to the top of its new column and keeps
 * the keyboard focus); the caller snapshots and restores on failure.
 */
export function moveCardOnBoards(
  queryClient: QueryClient,
  applicationId: string,
  toStageId: string,
) {
  queryClient.setQueriesData<TBoard>({ queryKey: boardKeys.all }, (old) => {
    if (!old) return old;
    const card = old.columns.flatMap((c) => c.cards).find((c) => c.id === applicationId);
    if (!card) return old;
    const moved = { ...card, inStageSince: new Date().toISOString() };
    return {
      ...old,
      columns: old.columns.map((c) => {
        const had = c.cards.some((x) => x.id === applicationId);
        const cards = c.cards.filter((x) => x.id !== applicationId);
        if (c.stageId === toStageId) return { ...c, cards: [moved, ...cards], total: c.total + 1 };
        return had ? { ...c, cards, total: c.total - 1 } : c;
      }),
    };
  });
}
