import { useEffect, useRef, useState } from "react";
import { Link, useParams } from "react-router";
import type { TApiError } from "../api/client";
import { PageTitle } from "../components/Layout";
import { ErrorBanner, Notice } from "../components/form";
import {
  useDesignReview,
  useSaveDesignReviewDraft,
  useSubmitDesignReview,
} from "./design-review-queries";
import type { TDesignReview, TDesignReviewPage } from "./design-review-queries";
import { DesignReviewList } from "./DesignReviewList";
import { formatDateTime } from "./types";
import "./assessments.css";
import "./design-review.css";

type TScore = TDesignReview["scores"][number];
type TDraft = { scores: Record<string, TScore>; summary: string };

const AUTOSAVE_MS = 800;
const STATUS_LABELS = { present: "present", thin: "thin", missing: "missing" } as const;

/**
 * `/assessments/:assessmentId/parts/:part/design-review`: read the design-document part, score
 * the rubric, quote evidence.
 */
export function DesignReviewPage() {
  const params = useParams();
  const assessmentId = params.assessmentId ?? "";
  const part = Number(params.part ?? "1");
  const page = useDesignReview(assessmentId, part);
  if (page.isPending) return <p className="loading">Loading the design review…</p>;
  if (page.error) return <ErrorBanner error={page.error} />;
  const data = page.data;
  return (
    <>
      <p className="small">
        <Link to={`/applications/${data.applicationId}/assessment`}>
          ← Back to the assessment results
        </Link>
      </p>
      <PageTitle>Design review: {data.candidateName}</PageTitle>
      <p className="muted">
        {data.part.count > 1 ? `Part ${data.part.position} of ${data.part.count}: ` : ""}
        {data.pack.title}
      </p>
      {data.document === null ? (
        <Notice>
          <p>The candidate has not sent a document yet.</p>
        </Notice>
      ) : (
        <div className="design-review-layout">
          <div>
            <Completeness document={data.document} />
            <section className="card" aria-labelledby="document-title">
              <h2 id="document-title">The document</h2>
              <p className="muted small">
                Version {data.document.version} · {data.document.filename} · sent{" "}
                {formatDateTime(data.document.submittedAt)}
                {data.document.isLate ? " · late" : ""}
              </p>
              {/* Rendered and sanitized on the server: no links, images or raw HTML survive.
                  It scrolls on its own, so it takes focus: keyboard users scroll it too. */}
              <div
                className="markdown design-document"
                role="region"
                aria-label="Text of the document"
                tabIndex={0}
                data-testid="design-document"
                dangerouslySetInnerHTML={{ __html: data.document.html }}
              />
            </section>
          </div>
          <div>
            {data.canReview && <ReviewForm page={data} />}
            <OtherReviews page={data} />
          </div>
        </div>
      )}
    </>
  );
}

function Completeness({ document }: { document: NonNullable<TDesignReviewPage["document"]> }) {
  const { sections, words } = document.completeness;
  const missing = sections.filter((s) => s.status === "missing").length;
  return (
    <section className="card" aria-labelledby="completeness-title">
      <h2 id="completeness-title">Sections of the template</h2>
      <p className="muted small">
        Checked automatically, shown to help you read — not part of any score. {words} words,{" "}
        {missing === 0 ? "no section missing" : `${missing} missing`}.
      </p>
      <ul className="plain-list completeness-list" aria-label="Template sections">
        {sections.map((section) => (
          <li key={section.id}>
            <span>{section.title}</span>
            <span className={`badge section-${section.status}`}>
              {STATUS_LABELS[section.status]}
              {section.status !== "missing" ? ` · ${section.words} words` : ""}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function draftOf(page: TDesignReviewPage): TDraft {
  const scores: Record<string, TScore> = {};
  for (const dimension of page.rubric)
    scores[dimension.id] = page.mine?.scores.find((s) => s.dimensionId === dimension.id) ?? {
      dimensionId: dimension.id,
      rating: null,
      quote: "",
      note: "",
    };
  return { scores, summary: page.mine?.summary ?? "" };
}

/** The caller's own review: autosaved while a draft, read-only once submitted. */
function ReviewForm({ page }: { page: TDesignReviewPage }) {
  const save = useSaveDesignReviewDraft(page.assessmentId, page.part.position);
  const submit = useSubmitDesignReview(page.assessmentId, page.part.position);
  const [draft, setDraft] = useState<TDraft>(() => draftOf(page));
  const [dirty, setDirty] = useState(false);
  const revision = useRef(page.mine?.revision ?? 0);
  revision.current = Math.max(revision.current, page.mine?.revision ?? 0);
  const submitted = page.mine?.status === "submitted";

  // One save at a time, a moment after the last keystroke.
  useEffect(() => {
    if (!dirty || save.isPending) return;
    const timer = setTimeout(() => {
      setDirty(false);
      save.mutate({
        revision: revision.current,
        summary: draft.summary,
        scores: Object.values(draft.scores),
      });
    }, AUTOSAVE_MS);
    return () => clearTimeout(timer);
  }, [dirty, draft, save]);

  if (submitted && page.mine) {
    return (
      <section className="card" aria-labelledby="mine-title">
        <h2 id="mine-title">Your review</h2>
        <p className="muted small">
          Submitted {formatDateTime(page.mine.submittedAt ?? page.mine.updatedAt)} and locked.
        </p>
        <DesignReviewList reviews={[page.mine]} rubric={page.rubric} headingLevel={3} />
      </section>
    );
  }

  const change = (dimensionId: string, patch: Partial<TScore>) => {
    setDraft((current) => {
      const score = current.scores[dimensionId];
      if (!score) return current;
      return { ...current, scores: { ...current.scores, [dimensionId]: { ...score, ...patch } } };
    });
    setDirty(true);
  };
  const problems = fieldProblems(submit.error ?? null);
  const saveState = save.isPending
    ? "Saving…"
    : dirty
      ? "Unsaved changes"
      : save.isSuccess || page.mine
        ? "Draft saved"
        : "Nothing saved yet";

  function send() {
    // Submit exactly what is on screen: save first if anything changed since the last save.
    const body = {
      revision: revision.current,
      summary: draft.summary,
      scores: Object.values(draft.scores),
    };
    setDirty(false);
    save.mutate(body, { onSuccess: (saved) => submit.mutate(saved.revision) });
  }

  return (
    <section className="card" aria-labelledby="mine-title">
      <h2 id="mine-title">Your review</h2>
      <p className="muted small">
        Rate each dimension from its anchors and quote the passage that decided it, copied from the
        document. Other reviews stay hidden until you submit yours.
      </p>
      {page.reviews.length > 0 && (
        <Notice>
          <p>
            As a hiring manager you can already read the submitted reviews; to keep yours your own,
            write it before reading them.
          </p>
        </Notice>
      )}
      <p className="muted small" aria-live="polite" data-testid="autosave-state">
        {saveState}
      </p>
      <ErrorBanner error={save.error} />
      {page.rubric.map((dimension) => {
        const score = draft.scores[dimension.id];
        const ratingProblem = problems[`scores.${dimension.id}.rating`];
        const quoteProblem = problems[`scores.${dimension.id}.quote`];
        return (
          <fieldset key={dimension.id} className="rubric-dimension">
            <legend>
              {dimension.name} <span className="muted small">({dimension.competencyName})</span>
            </legend>
            <div role="radiogroup" aria-label={`${dimension.name}: rating`}>
              {(["1", "2", "3", "4"] as const).map((level) => (
                <label key={level} className="anchor-option">
                  <input
                    type="radio"
                    name={`rating-${dimension.id}`}
                    value={level}
                    checked={score?.rating === Number(level)}
                    onChange={() => change(dimension.id, { rating: Number(level) })}
                  />
                  <span>
                    <strong>{level}</strong> {dimension.anchors[level]}
                  </span>
                </label>
              ))}
            </div>
            {ratingProblem && <p className="field-error">Rating {ratingProblem}.</p>}
            <div className="field">
              <label htmlFor={`quote-${dimension.id}`}>Quoted passage (evidence)</label>
              <textarea
                id={`quote-${dimension.id}`}
                rows={2}
                value={score?.quote ?? ""}
                aria-invalid={quoteProblem ? true : undefined}
                aria-describedby={quoteProblem ? `quote-${dimension.id}-error` : undefined}
                onChange={(e) => change(dimension.id, { quote: e.target.value })}
              />
              {quoteProblem && (
                <p className="field-error" id={`quote-${dimension.id}-error`}>
                  The quote {quoteProblem}.
                </p>
              )}
            </div>
            <div className="field">
              <label htmlFor={`note-${dimension.id}`}>Note (optional)</label>
              <textarea
                id={`note-${dimension.id}`}
                rows={2}
                value={score?.note ?? ""}
                onChange={(e) => change(dimension.id, { note: e.target.value })}
              />
            </div>
          </fieldset>
        );
      })}
      <div className="field">
        <label htmlFor="review-summary">Summary for the hiring team (optional)</label>
        <textarea
          id="review-summary"
          rows={3}
          value={draft.summary}
          onChange={(e) => {
            setDraft((current) => ({ ...current, summary: e.target.value }));
            setDirty(true);
          }}
        />
      </div>
      <ErrorBanner error={submit.error} />
      <button
        type="button"
        className="button-primary"
        disabled={save.isPending || submit.isPending}
        onClick={send}
      >
        {submit.isPending ? "Submitting…" : "Submit review"}
      </button>
    </section>
  );
}

function fieldProblems(error: TApiError | null): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error?.fields ?? []) out[issue.field] ??= issue.message;
  return out;
}

function OtherReviews({ page }: { page: TDesignReviewPage }) {
  return (
    <section className="card" aria-labelledby="others-title">
      <h2 id="others-title">Other reviews</h2>
      {page.withheldCount > 0 && (
        <Notice>
          <p>
            {page.withheldCount === 1
              ? "1 review is hidden"
              : `${page.withheldCount} reviews are hidden`}{" "}
            {page.canReview
              ? "until you submit yours, so that each review is your own."
              : "from you: the role's hiring managers read the reviews."}
          </p>
        </Notice>
      )}
      {page.reviews.length === 0 && page.withheldCount === 0 && (
        <p className="muted">No other review submitted yet.</p>
      )}
      <DesignReviewList reviews={page.reviews} rubric={page.rubric} headingLevel={3} />
    </section>
  );
}
