/** What an infinite query needs to say how much of a list is on screen and to fetch the next page. */
export type TPagedQuery = {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
};

/**
 * The foot of a paged list: "Showing 50 of 120 members" and a button for the next page, so no list
 * ends without saying whether there is more.
 */
export function ShowMore({
  shown,
  total,
  noun,
  query,
  testId,
}: {
  shown: number;
  total: number;
  noun: string;
  query: TPagedQuery;
  testId?: string;
}) {
  if (total === 0) return null;
  return (
    <div className="show-more">
      <p className="muted small" aria-live="polite" data-testid={testId}>
        Showing {shown.toLocaleString()} of {total.toLocaleString()} {noun}
      </p>
      {query.hasNextPage && (
        <button
          type="button"
          onClick={() => void query.fetchNextPage()}
          disabled={query.isFetchingNextPage}
        >
          {query.isFetchingNextPage ? "Loading more…" : `Show more ${noun}`}
        </button>
      )}
    </div>
  );
}
