import { Link, useNavigate } from "react-router";
import type { TCandidate } from "../api/hiring-types";
import { ErrorBanner } from "../components/form";
import { useCurrentUser } from "../session";
import { useMergeCandidate } from "./queries";

type TDuplicate = TCandidate["possibleDuplicates"][number];

/**
 * Records the server thinks may be the same person, each with its reason: an import kept this one
 * apart because its e-mail belongs to a candidate the importer could not see, or another record
 * has the same name (case, accents and spacing aside). Admins can merge; everyone else is told who can.
 */
export function PossibleDuplicateNotice({ candidate }: { candidate: TCandidate }) {
  const user = useCurrentUser();
  if (candidate.possibleDuplicates.length === 0) return null;
  return (
    <section className="banner banner-info" aria-labelledby="duplicates-heading">
      <h2 id="duplicates-heading">Possible duplicate</h2>
      <ul className="duplicate-list">
        {candidate.possibleDuplicates.map((duplicate) => (
          <li key={`${duplicate.reason}-${duplicate.of?.id ?? "hidden"}`}>
            <DuplicateLine
              candidate={candidate}
              duplicate={duplicate}
              canMerge={user.role === "admin"}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}

function DuplicateLine({
  candidate,
  duplicate,
  canMerge,
}: {
  candidate: TCandidate;
  duplicate: TDuplicate;
  canMerge: boolean;
}) {
  const navigate = useNavigate();
  const merge = useMergeCandidate(candidate.id);
  const other = duplicate.of;
  const why = duplicate.reason === "same-email" ? "Same e-mail" : "Same name";
  if (!other)
    return (
      <p>
        <strong>Same e-mail:</strong> another candidate on file has this e-mail, so this record was
        kept apart. An admin can merge the two.
      </p>
    );
  return (
    <>
      <p>
        <strong>{why}:</strong> this may be the same person as{" "}
        <Link to={`/candidates/${other.id}`}>{other.name}</Link>.{" "}
        {canMerge
          ? `Merging moves this record's applications and résumés there; nothing on file for ${other.name} is overwritten, and these notes are added to theirs.`
          : duplicate.reason === "same-name"
            ? "If it is, an admin can merge the two."
            : "An admin can merge the two."}
      </p>
      {canMerge && (
        <p>
          <button
            type="button"
            className="button-primary"
            disabled={merge.isPending}
            onClick={() =>
              merge.mutate(other.id, {
                onSuccess: ({ candidate: kept }) => void navigate(`/candidates/${kept.id}`),
              })
            }
          >
            {merge.isPending ? "Merging…" : `Merge into ${other.name}`}
          </button>
        </p>
      )}
      <ErrorBanner error={merge.error ?? undefined} />
    </>
  );
}

/** The list's short form: a badge on the row, with who it may duplicate for screen readers. */
export function PossibleDuplicateBadge({ candidate }: { candidate: TCandidate }) {
  if (candidate.possibleDuplicates.length === 0) return null;
  const named = candidate.possibleDuplicates.flatMap((d) => (d.of ? [d.of.name] : []));
  const detail = named.length > 0 ? `: may be the same person as ${named.join(", ")}` : "";
  return (
    <span className="badge badge-warn" title={detail.slice(2) || undefined}>
      Possible duplicate<span className="visually-hidden">{detail}</span>
    </span>
  );
}
