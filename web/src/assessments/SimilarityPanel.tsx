import { useState } from "react";
import { Link } from "react-router";
import type { TJson } from "../api/json-types";
import { useSubmissionSimilarity } from "./queries";
import "./similarity.css";

type TSimilarity = TJson<"/api/submissions/{submissionId}/similarity", "get">["similarity"];
type TMatch = TSimilarity["matches"][number];
type TSide = TMatch["regions"][number]["this"];

/** Regions shown before "Show more": the largest come first, and a phone screen is short. */
const REGIONS_AT_FIRST = 2;

/**
 * The closest other submissions of the same pack, with the shared code side by side. A signal
 * for a reviewer: it never changes the score, and the other candidate is named only to people
 * who may see that application (the server decides; `candidate` is null otherwise).
 */
export function SimilarityPanel({ submissionId }: { submissionId: string }) {
  const similarity = useSubmissionSimilarity(submissionId);
  const data = similarity.data;
  return (
    <section aria-labelledby="similarity-heading" className="similarity" data-testid="similarity">
      <h4 id="similarity-heading">Similar submissions</h4>
      <p className="muted small">
        A signal for a reviewer to look into, never a penalty: similarity does not change the score.
        This code is compared with every other submission of the same assessment (names and
        formatting aside, the starter code left out).
      </p>
      {similarity.isError && <p role="alert">Could not load the comparison.</p>}
      {data?.status === "pending" && <p className="muted">Comparing with other submissions…</p>}
      {data?.status === "not-applicable" && (
        <p className="muted">Not compared: there is too little code of the candidate’s own.</p>
      )}
      {data?.status === "compared" && data.matches.length === 0 && (
        <p>No other submission of this assessment shares code with this one.</p>
      )}
      {data && data.matches.length > 0 && (
        <ul className="similarity-matches">
          {data.matches.map((match, n) => (
            <MatchItem key={n} match={match} open={n === 0} flagPercent={data.flagPercent} />
          ))}
        </ul>
      )}
    </section>
  );
}

function MatchItem({
  match,
  open,
  flagPercent,
}: {
  match: TMatch;
  open: boolean;
  flagPercent: number;
}) {
  const [showAll, setShowAll] = useState(false);
  const regions = showAll ? match.regions : match.regions.slice(0, REGIONS_AT_FIRST);
  const hidden = match.regions.length - regions.length;
  const who = match.candidate ? (
    <>
      <Link to={`/applications/${match.candidate.applicationId}`}>{match.candidate.name}</Link> (
      {match.candidate.roleTitle}, version {match.candidate.submissionVersion})
    </>
  ) : (
    <>another candidate on a role you cannot see</>
  );
  return (
    <li className="similarity-match" data-testid="similarity-match">
      <details open={open}>
        <summary>
          <strong className={match.percent >= flagPercent ? "similarity-high" : undefined}>
            {match.percent}% similar
          </strong>{" "}
          to {who}
        </summary>
        {match.regions.length === 0 && <p className="muted small">No region to show.</p>}
        {regions.map((region, n) => (
          <div className="similarity-region" key={n}>
            <RegionSide title="This submission" side={region.this} />
            <RegionSide title="The other submission" side={region.other} />
          </div>
        ))}
        {hidden > 0 && (
          <button type="button" className="similarity-more" onClick={() => setShowAll(true)}>
            Show {hidden} more shared {hidden === 1 ? "region" : "regions"}
          </button>
        )}
      </details>
    </li>
  );
}

function RegionSide({ title, side }: { title: string; side: TSide }) {
  const label = `${title}: ${side.path}, lines ${side.startLine}–${side.endLine}`;
  return (
    <figure className="similarity-side">
      <figcaption className="small">
        {title}: <code>{side.path}</code>, lines {side.startLine}–{side.endLine}
      </figcaption>
      {side.lines.length === 0 ? (
        <p className="muted small">This file cannot be shown.</p>
      ) : (
        <pre className="similarity-code" aria-label={label} tabIndex={0}>
          <code>
            {side.lines.map((line) => (
              <span
                key={line.number}
                className={line.matched ? "similarity-line matched" : "similarity-line"}
              >
                <span className="similarity-gutter" aria-hidden="true">
                  {line.number}
                </span>
                {line.text}
                {"\n"}
              </span>
            ))}
          </code>
        </pre>
      )}
      {side.truncated && <p className="muted small">The region goes on beyond these lines.</p>}
    </figure>
  );
}
