import { useState } from "react";
import { fieldErrors } from "../api/client";
import type { TKit, TScorecard } from "../api/hiring-types";
import { ErrorBanner } from "../components/form";
import { useCorrectScorecard } from "../interviews/queries";
import { scorecardBody } from "./scorecard-content";
import type { TScorecardDraft } from "./scorecard-content";
import { TextAreaField } from "./TextAreaField";

/** A correction is a new submitted version with a reason; the original stays readable. */
export function ScorecardCorrection({
  kit,
  scorecardId,
  draft,
  onCancel,
  onDone,
}: {
  kit: TKit;
  scorecardId: string;
  draft: TScorecardDraft;
  onCancel: () => void;
  onDone: (scorecard: TScorecard) => void;
}) {
  const [reason, setReason] = useState("");
  const correct = useCorrectScorecard(scorecardId);
  const error = correct.error;
  function submit() {
    correct.mutate(
      { ...scorecardBody(kit, draft), reason },
      { onSuccess: (data) => onDone(data.scorecard) },
    );
  }
  return (
    <div className="stack-form">
      <ErrorBanner error={error} />
      <TextAreaField
        label="Why the correction"
        hint="At least 10 characters; the hiring team sees it next to the new version."
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={fieldErrors(error).reason}
      />
      <div className="button-row">
        <button type="button" className="button-primary" onClick={submit}>
          Submit correction
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
