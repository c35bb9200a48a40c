import { Link } from "react-router";
import { ErrorBanner } from "../components/form";
import { PageTitle } from "../components/Layout";
import { useMarkRead, useNotifications } from "./queries";
import type { TNotification } from "./queries";

/** What happened on the applications a person works on, newest first, with read state. */
export function NotificationsPage() {
  const list = useNotifications();
  const markRead = useMarkRead();
  const items: TNotification[] = list.data?.pages.flatMap((p) => p.notifications) ?? [];
  const unread = list.data?.pages[0]?.unread ?? 0;

  return (
    <>
      <PageTitle>Notifications</PageTitle>
      <p className="muted">
        Reports that arrived, scorecards submitted, decisions waiting on you and notes that mention
        you. <Link to="/settings/notifications">Choose what reaches you and how</Link>.
      </p>
      <ErrorBanner error={list.error ?? markRead.error} />
      <div className="button-row">
        <button
          type="button"
          disabled={unread === 0 || markRead.isPending}
          onClick={() => markRead.mutate({ all: true })}
        >
          Mark all as read
        </button>
        <span className="muted" role="status">
          {unread === 0 ? "Nothing unread." : `${unread} unread`}
        </span>
      </div>
      {list.isPending ? (
        <p className="muted">Loading notifications…</p>
      ) : items.length === 0 ? (
        <p className="muted">Nothing yet. You will see it here when something needs you.</p>
      ) : (
        <ul className="notification-list">
          {items.map((n) => (
            <li key={n.id} className={n.read ? "notification" : "notification unread"}>
              <div>
                <Link to={n.link} onClick={() => !n.read && markRead.mutate({ ids: [n.id] })}>
                  {n.title}
                </Link>
                {!n.read && <span className="badge">New</span>}
                {n.excerpt && <p className="notification-excerpt">“{n.excerpt}”</p>}
                <p className="muted small">
                  {n.roleTitle} · <time dateTime={n.createdAt}>{formatWhen(n.createdAt)}</time>
                </p>
              </div>
              {!n.read && (
                <button
                  type="button"
                  className="button-quiet"
                  disabled={markRead.isPending}
                  onClick={() => markRead.mutate({ ids: [n.id] })}
                >
                  Mark as read
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {list.hasNextPage && (
        <button
          type="button"
          disabled={list.isFetchingNextPage}
          onClick={() => void list.fetchNextPage()}
        >
          {list.isFetchingNextPage ? "Loading…" : "Show older"}
        </button>
      )}
    </>
  );
}

function formatWhen(iso: string) {
  return new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}
