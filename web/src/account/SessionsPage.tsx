import { ErrorBanner } from "../components/form";
import { ShowMore } from "../components/ShowMore";
import { PageTitle } from "../components/Layout";
import { useMySessions, useRevokeOtherSessions, useRevokeSession } from "./queries";
import type { TActiveSession } from "./queries";
import { ScrollRegion } from "../components/ScrollRegion";

const when = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });

/** A readable device name from a user agent, falling back to the raw string. */
function deviceOf(userAgent: string | null): string {
  if (!userAgent) return "Unknown device";
  const browser = /(Firefox|Edg|Chrome|Safari)\/[\d.]+/.exec(userAgent)?.[1] ?? "";
  const system = /(Windows|Mac OS X|Android|iPhone|Linux)/.exec(userAgent)?.[1] ?? "";
  const named = [browser === "Edg" ? "Edge" : browser, system].filter(Boolean).join(" on ");
  return named || userAgent.slice(0, 60);
}

export function SessionsPage() {
  const sessions = useMySessions();
  const revoke = useRevokeSession();
  const revokeOthers = useRevokeOtherSessions();
  const error = sessions.error ?? revoke.error ?? revokeOthers.error;
  const rows = sessions.data?.pages.flatMap((page) => page.sessions) ?? [];
  const total = sessions.data?.pages[0]?.total ?? 0;
  // Every session but this browser's own, on every page: what "sign out everywhere else" ends.
  const others = Math.max(0, total - 1);

  return (
    <>
      <PageTitle>Signed-in sessions</PageTitle>
      <p className="muted">
        Every browser where you are signed in. Sign out any you do not recognise; your password
        stays the same.
      </p>
      <ErrorBanner error={error ?? undefined} />
      <section className="card">
        <h2>Your sessions</h2>
        {sessions.isPending ? (
          <p>Loading…</p>
        ) : (
          <ScrollRegion label="Your sessions">
            <table>
              <thead>
                <tr>
                  <th scope="col">Device</th>
                  <th scope="col">Address</th>
                  <th scope="col">Signed in</th>
                  <th scope="col">Last active</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((session: TActiveSession) => (
                  <tr key={session.id}>
                    <td>
                      {deviceOf(session.userAgent)}
                      {session.current && <span className="badge">This browser</span>}
                    </td>
                    <td>{session.ip ?? "—"}</td>
                    <td>{when(session.createdAt)}</td>
                    <td>{when(session.lastSeenAt)}</td>
                    <td>
                      {!session.current && (
                        <button
                          type="button"
                          aria-label={`Sign out ${deviceOf(session.userAgent)}, last active ${when(session.lastSeenAt)}`}
                          disabled={revoke.isPending}
                          onClick={() => revoke.mutate(session.id)}
                        >
                          Sign out
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
        <ShowMore shown={rows.length} total={total} noun="sessions" query={sessions} />
        <button
          type="button"
          className="button-primary"
          disabled={others === 0 || revokeOthers.isPending}
          onClick={() => revokeOthers.mutate()}
        >
          Sign out all other sessions ({others})
        </button>
      </section>
    </>
  );
}
