import type { TDesignReview, TDesignReviewPage } from "./design-review-queries";

/** Submitted reviews, each dimension with its rating, the quoted passage and the note. */
export function DesignReviewList({
  reviews,
  rubric,
  headingLevel,
}: {
  reviews: readonly TDesignReview[];
  rubric: TDesignReviewPage["rubric"];
  headingLevel: 3;
}) {
  const Heading = `h${headingLevel}` as const;
  return (
    <>
      {reviews.map((review) => (
        <article
          key={review.id}
          className="design-review"
          aria-label={`Review by ${review.reviewer.name}`}
        >
          <Heading>{review.reviewer.name}</Heading>
          <dl className="design-review-scores">
            {rubric.map((dimension) => {
              const score = review.scores.find((s) => s.dimensionId === dimension.id);
              return (
                <div key={dimension.id}>
                  <dt>
                    {dimension.name}: <strong>{score?.rating ?? "–"}</strong> / 4
                  </dt>
                  <dd>
                    {score?.quote && <blockquote>{score.quote}</blockquote>}
                    {score?.note && <p>{score.note}</p>}
                  </dd>
                </div>
              );
            })}
          </dl>
          {review.summary && <p>{review.summary}</p>}
        </article>
      ))}
    </>
  );
}
