import { api, setCsrfToken } from "../api/client";
import { unwrap } from "../api/query-helpers";

/**
 * The candidate portal's calls on the typed client. The portal is its own entry without
 * TanStack Query: React alone is 70 kB of its 80 kB budget and Query would add 10.5 kB, while
 * one page with one resource has nothing to cache or share (see ARCHITECTURE.md).
 */
export async function openPortal(token: string) {
  // The anonymous session hands out the CSRF token that Start and the upload echo back.
  const session = await unwrap(api.GET("/api/auth/session"));
  setCsrfToken(session.csrfToken);
  return (await unwrap(api.GET("/api/portal/{token}", { params: { path: { token } } }))).assessment;
}

/** Reads the assessment again (the check of an upload moves on while the page is open). */
export async function readPortal(token: string) {
  return (await unwrap(api.GET("/api/portal/{token}", { params: { path: { token } } }))).assessment;
}

/** The one shared clock of every part. */
export async function startAssessment(token: string, acknowledgedNotice: boolean) {
  return (
    await unwrap(
      api.POST("/api/portal/{token}/start", {
        params: { path: { token } },
        body: { acknowledgedNotice },
      }),
    )
  ).assessment;
}

/** One part's own clock. */
export async function startPart(token: string, part: number, acknowledgedNotice: boolean) {
  return (
    await unwrap(
      api.POST("/api/portal/{token}/parts/{part}/start", {
        params: { path: { token, part } },
        body: { acknowledgedNotice },
      }),
    )
  ).assessment;
}

/** The candidate's "I'm finished": uploads close and the clock stops. */
export async function finishAssessment(token: string) {
  return (await unwrap(api.POST("/api/portal/{token}/finish", { params: { path: { token } } })))
    .assessment;
}
