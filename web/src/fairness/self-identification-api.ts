import { api } from "../api/client";
import type { TBody, TJson } from "../api/json-types";
import { unwrap } from "../api/query-helpers";

const PATH = "/api/portal/{token}/self-identification" as const;
export type TSelfIdentification = NonNullable<TJson<typeof PATH, "get">["selfIdentification"]>;
export type TSelfIdentificationAnswers = TBody<typeof PATH, "put">;

/**
 * The candidate's own answers, on the portal's plain calls (no TanStack Query there, see
 * portal-api.ts). The portal opened the anonymous session, so the CSRF token is already set.
 */
export async function readSelfIdentification(token: string) {
  return (await unwrap(api.GET(PATH, { params: { path: { token } } }))).selfIdentification;
}

export async function saveSelfIdentification(token: string, body: TSelfIdentificationAnswers) {
  return (await unwrap(api.PUT(PATH, { params: { path: { token } }, body }))).selfIdentification;
}

export async function withdrawSelfIdentification(token: string) {
  return (await unwrap(api.DELETE(PATH, { params: { path: { token } } }))).selfIdentification;
}
