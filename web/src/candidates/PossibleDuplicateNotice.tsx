import { Link, useNavigate } from "react-router";
import type { TCandidate } from "../api/hiring-types";
import { ErrorBanner } from "../components/form";
import { useMergeCandidate } from "./queries";

/**
 * A record an import kept apart because its e-mail belongs to a candidate the importer could not
 * see. Admins are shown the original and can merge the two; everyone else is told an admin will.
 */
export function PossibleDuplicateNotice({ candidate }: { candidate: TCandidate }) {
  const navigate = useNavigate();
  const merge = useMergeCandidate(candidate.id);
  const original = candidate.possibleDuplicate?.of;
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
              onClick={() =>
                merge.mutate(original.id, {
                  onSuccess: ({ candidate: kept }) => void navigate(`/candidates/${kept.id}`),
                })
              }
            >
              {merge.isPending ? "Merging…" : `Merge into ${original.name}`}
            </button>
          </p>
          <ErrorBanner error={merge.error ?? undefined} />
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
