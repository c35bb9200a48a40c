import { useState } from "react";
import { ErrorBanner, Notice } from "../components/form";
import { PageTitle } from "../components/Layout";
import { useCalendarFeed, useCreateCalendarFeed, useRevokeCalendarFeed } from "./queries";

/** A person's private calendar feed of the interviews they run, made, replaced or revoked here. */
export function CalendarFeedPage() {
  const feed = useCalendarFeed();
  const create = useCreateCalendarFeed();
  const revoke = useRevokeCalendarFeed();
  const [url, setUrl] = useState<string>();
  const error = feed.error ?? create.error ?? revoke.error;
  const active = feed.data?.active ?? false;

  function makeFeed() {
    if (
      active &&
      !window.confirm("Make a new link? Calendars using the current one stop updating.")
    )
      return;
    create.mutate(undefined, { onSuccess: (made) => setUrl(made.url) });
  }

  return (
    <>
      <PageTitle>Calendar feed</PageTitle>
      <p className="muted">
        Subscribe to your interviews from Google Calendar, Outlook or Apple Calendar. The link works
        without signing in, so keep it to yourself; make a new one or turn it off here at any time.
      </p>
      <ErrorBanner error={error} />
      <section className="card" aria-labelledby="feed-heading">
        <h2 id="feed-heading">Your interviews as a calendar</h2>
        {feed.isPending ? (
          <p className="muted">Loading…</p>
        ) : active ? (
          <p>
            A feed link is on, made{" "}
            {feed.data?.createdAt ? new Date(feed.data.createdAt).toLocaleString() : "earlier"}.
          </p>
        ) : (
          <p>You have no feed link.</p>
        )}
        {url && (
          <Notice tone="success">
            <p>Copy this link into your calendar app now. It will not be shown again.</p>
            <div className="copy-row">
              <input
                aria-label="Calendar feed link"
                readOnly
                value={url}
                onFocus={(e) => e.currentTarget.select()}
              />
              <button type="button" onClick={() => void navigator.clipboard.writeText(url)}>
                Copy
              </button>
            </div>
          </Notice>
        )}
        <div className="button-row">
          <button
            type="button"
            className="button-primary"
            disabled={create.isPending}
            onClick={makeFeed}
          >
            {active ? "Make a new link" : "Make a feed link"}
          </button>
          {active && (
            <button
              type="button"
              disabled={revoke.isPending}
              onClick={() => revoke.mutate(undefined, { onSuccess: () => setUrl(undefined) })}
            >
              Turn the feed off
            </button>
          )}
        </div>
      </section>
    </>
  );
}
