import type { TJson } from "../api/json-types";

export type TScreeningSettings = TJson<"/api/roles/{roleId}/screening-settings", "get">["settings"];
export type TChecklistItem = TScreeningSettings["checklist"][number];
export type TScreeningView = TJson<
  "/api/applications/{applicationId}/screening",
  "get"
>["screening"];
export type TProposal = NonNullable<TScreeningView["proposal"]>;
export type TItemProposal = TProposal["items"][number];
export type TPassage = TItemProposal["passages"][number];
export type TIntakeBatch = TJson<"/api/intake-batches/{batchId}", "get">["batch"];
export type TImportReport = TJson<"/api/candidates/import", "post">;
export type TVerdict = TItemProposal["verdict"];

export const VERDICT_LABELS: Record<TVerdict, string> = {
  met: "Met",
  not_met: "Not met",
  unclear: "Unclear",
};
export const KIND_LABELS: Record<TChecklistItem["kind"], string> = {
  knockout: "Knockout",
  required: "Required",
  "nice-to-have": "Nice to have",
};
export const OUTCOME_LABELS = { pass: "Pass", hold: "Hold", reject: "Reject" } as const;
