import { useState } from "react";
import type { SyntheticEvent } from "react";
import { fieldErrors } from "../api/client";
import { formatDateTime } from "../api/hiring-types";
import { ErrorBanner, Notice } from "../components/form";
import { TextAreaField } from "../hiring/TextAreaField";
import {
  feedbackDownloadUrl,
  useApproveFeedback,
  useSendFeedback,
  useDraftFeedback,
  useFeedback,
  useUpdateFeedback,
} from "./queries";

/**
 * Feedback for a rejected candidate: a draft made from the competency-level evidence (never the
 * interviewers' notes), edited here, approved, then downloaded. Once approved it can be e-mailed to the candidate.
 */
export function FeedbackPanel({ applicationId }: { applicationId: string }) {
  const { data, error } = useFeedback(applicationId);
  const draft = useDraftFeedback(applicationId);
  const update = useUpdateFeedback(applicationId);
  const approve = useApproveFeedback(applicationId);
  const send = useSendFeedback(applicationId);
  const [status, setStatus] = useState("");
  const failure = draft.error ?? update.error ?? approve.error ?? send.error;

  if (!data) return <ErrorBanner error={error} />;
  const feedback = data.feedback;

  function save(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!feedback) return;
    const body = new FormData(event.currentTarget).get("body");
    update.mutate(
      { body: typeof body === "string" ? body : "", revision: feedback.revision },
      { onSuccess: () => setStatus("Feedback saved as a draft.") },
    );
  }

  return (
    <section className="card feedback" aria-labelledby="feedback-heading">
      <div className="section-head">
        <h2 id="feedback-heading">Feedback for the candidate</h2>
        {feedback && (
          <span className={feedback.status === "approved" ? "badge badge-ok" : "badge badge-muted"}>
            {feedback.status === "approved" ? "Approved" : "Draft"}
          </span>
        )}
      </div>
      <p className="muted small">
        Drafted from how each competency was rated, in our own words; interviewers&apos; notes and
        takeaways are never copied in. Edit it, approve it, then send it to the candidate or
        download it.
      </p>
      <ErrorBanner error={failure} />
      {status && <Notice tone="success">{status}</Notice>}
      {!feedback ? (
        <button
          type="button"
          className="button-primary"
          disabled={draft.isPending}
          onClick={() =>
            draft.mutate(false, {
              onSuccess: () => setStatus("A draft was made from the evidence."),
            })
          }
        >
          Draft feedback from the evidence
        </button>
      ) : (
        <>
          <form className="stack-form" onSubmit={save} noValidate key={feedback.revision}>
            <TextAreaField
              label="Feedback (Markdown)"
              name="body"
              rows={14}
              defaultValue={feedback.body}
              error={fieldErrors(update.error).body}
              hint={`Revision ${feedback.revision}, last edited${feedback.editedBy ? ` by ${feedback.editedBy.name}` : ""} ${formatDateTime(feedback.editedAt)}. Saving an approved text returns it to draft.`}
            />
            <div className="button-row">
              <button type="submit" disabled={update.isPending}>
                Save draft
              </button>
              {feedback.status === "draft" && (
                <>
                  <button
                    type="button"
                    className="button-primary"
                    disabled={approve.isPending}
                    onClick={() =>
                      approve.mutate(feedback.revision, {
                        onSuccess: () => setStatus("Feedback approved; it can be downloaded."),
                      })
                    }
                  >
                    Approve
                  </button>
                  <button
                    type="button"
                    className="button-quiet"
                    disabled={draft.isPending}
                    onClick={() =>
                      draft.mutate(true, {
                        onSuccess: () => setStatus("The draft was made again from the evidence."),
                      })
                    }
                  >
                    Redraft from the evidence
                  </button>
                </>
              )}
              {feedback.status === "approved" && !feedback.sentAt && (
                <button
                  type="button"
                  className="button-primary"
                  disabled={send.isPending}
                  onClick={() => {
                    if (window.confirm("E-mail this feedback to the candidate now? It goes once."))
                      send.mutate(feedback.revision, {
                        onSuccess: () => setStatus("The feedback is on its way to the candidate."),
                      });
                  }}
                >
                  Send to the candidate
                </button>
              )}
              {feedback.status === "approved" && (
                <a className="button-link" href={feedbackDownloadUrl(applicationId)} download>
                  Download (Markdown)
                </a>
              )}
            </div>
          </form>
          {feedback.approvedBy && feedback.approvedAt && (
            <p className="muted small">
              Approved by {feedback.approvedBy.name} {formatDateTime(feedback.approvedAt)}.
              {feedback.sentAt && (
                <> E-mailed to the candidate {formatDateTime(feedback.sentAt)}.</>
              )}
            </p>
          )}
        </>
      )}
    </section>
  );
}
