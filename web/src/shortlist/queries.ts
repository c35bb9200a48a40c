import { useQueries, useQuery } from "@tanstack/react-query";
import { api } from "../api/client";
import type { TJson, TQuery } from "../api/json-types";
import { unwrap } from "../api/query-helpers";

export type TShortlistQuery = TQuery<"/api/roles/{roleId}/shortlist", "get">;
export type TShortlist = TJson<"/api/roles/{roleId}/shortlist", "get">;
export type TShortlistRow = TShortlist["rows"][number];
export type TEvidence = TJson<"/api/applications/{applicationId}/evidence", "get">;
export type TComposite = NonNullable<TShortlistRow["composite"]>;
export type TFlag = TShortlistRow["flags"][number];

export const shortlistKeys = {
  all: ["shortlist"] as const,
  role: (roleId: string, query: TShortlistQuery) =>
    [...shortlistKeys.all, "role", roleId, query] as const,
  evidence: (applicationId: string) => [...shortlistKeys.all, "evidence", applicationId] as const,
};

export function useShortlist(roleId: string, query: TShortlistQuery) {
  return useQuery({
    queryKey: shortlistKeys.role(roleId, query),
    queryFn: () =>
      unwrap(api.GET("/api/roles/{roleId}/shortlist", { params: { path: { roleId }, query } })),
    // Re-sorting keeps the old table on screen until the new order arrives.
    placeholderData: (previous) => previous,
  });
}

const evidenceQuery = (applicationId: string) => ({
  queryKey: shortlistKeys.evidence(applicationId),
  queryFn: () =>
    unwrap(
      api.GET("/api/applications/{applicationId}/evidence", {
        params: { path: { applicationId } },
      }),
    ),
});

export function useApplicationEvidence(applicationId: string | undefined, enabled = true) {
  return useQuery({ ...evidenceQuery(applicationId ?? ""), enabled: enabled && !!applicationId });
}

export function useEvidenceOf(applicationIds: readonly string[]) {
  return useQueries({ queries: applicationIds.map(evidenceQuery) });
}

/** The server renders both files; the browser downloads them with the session cookie. */
export function shortlistCsvUrl(roleId: string, query: TShortlistQuery) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query))
    if (value !== undefined) params.set(key, String(value));
  const search = params.toString();
  return `/api/roles/${encodeURIComponent(roleId)}/shortlist.csv${search ? `?${search}` : ""}`;
}

export const packetPdfUrl = (applicationId: string) =>
  `/api/applications/${encodeURIComponent(applicationId)}/packet.pdf`;
