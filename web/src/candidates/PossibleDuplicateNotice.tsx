import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useNavigate } from "react-router";
import { api, toApiError } from "../api/client";
import type { TApiError } from "../api/client";
import type { TCandidate } from "../api/hiring-types";
import { ErrorBanner } from "../components/form";

/**
 * A record an import kept apart because its e-mail belongs to a candidate the importer could not
 * see. Admins are shown the original and can merge the two; everyone else is told an admin will.
 */
export function PossibleDuplicateNotice({ candidate }: { candidate: TCandidate }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [error, setError] = useState<TApiError>();
  const original = candidate.possibleDuplicate?.of;
  const merge = useMutation({
    mutationFn: async (intoCandidateId: string) => {
      const { data, error: failure } = await api.POST("/api/candidates/{candidateId}/merge", {
        params: { path: { candidateId: candidate.id } },
        body: { intoCandidateId },
      });
      return data ? { merged: data.candidate } : { failed: toApiError(failure) };
    },
    onSuccess: async (result) => {
      if ("failed" in result) return setError(result.failed);
      await queryClient.invalidateQueries({ queryKey: ["candidates"] });
      void navigate(`/candidates/${result.merged.id}`);
    },
  });
  if (!candidate.possibleDuplicate) return null;
  return (
    <div className="banner banner-info" role="note">
      {original ? (
        <>
          <p>
            This may be the same person as{" "}
            <Link to={`/candidates/${original.id}`}>{original.name}</Link>, who has the same e-mail.
            Merging moves this record&apos;s applications and résumés there; nothing on file for{" "}
            {original.name} is overwritten, and these notes are added to theirs.
          </p>
          <p>
            <button
              type="button"
              className="button-primary"
              disabled={merge.isPending}
              onClick={() => merge.mutate(original.id)}
            >
              {merge.isPending ? "Merging…" : `Merge into ${original.name}`}
            </button>
          </p>
          <ErrorBanner error={error} />
        </>
      ) : (
        <p>
          Another candidate on file has this e-mail, so this record was kept apart as a possible
          duplicate. An admin can merge the two.
        </p>
      )}
    </div>
  );
}
