/**
 * Which version of an assessment counts: the newest upload, unless the hiring team chose another
 * one (with a reason, audited). This is the one owner of that rule: the assessment summary, the
 * application page and every future reader of "the assessment's score" go through
 * `countingVersionOf`, never `submissions[0]`.
 */

export type TCountingChoice = {
  submissionId: string;
  reason: string;
  chosenBy: string | null;
  chosenByName: string | null;
  chosenAt: Date;
};

export type TCountingVersion<TSubmission> = {
  submission: TSubmission;
  /** How many versions were uploaded. */
  of: number;
  /** null: the default rule (the newest counts). */
  choice: TCountingChoice | null;
};

export function countingVersionOf<TSubmission extends { id: string; version: number }>(
  submissions: readonly TSubmission[],
  choice: TCountingChoice | null,
): TCountingVersion<TSubmission> | null {
  if (submissions.length === 0) return null;
  const chosen = choice && submissions.find((s) => s.id === choice.submissionId);
  if (chosen) return { submission: chosen, of: submissions.length, choice };
  const newest = submissions.reduce((a, b) => (b.version > a.version ? b : a));
  return { submission: newest, of: submissions.length, choice: null };
}
