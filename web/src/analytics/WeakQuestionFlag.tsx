import { Link } from "react-router";
import { useCurrentUser } from "../session";
import { useQuestionQualityReport } from "./queries";
import "./analytics.css";

/**
 * For the question bank: which questions analytics found weak (item-rest discrimination below
 * 0.20 with at least 10 candidates), keyed by question id. Only admins and hiring managers may
 * read analytics, so for anyone else nothing is asked and nothing is flagged.
 */
export function useWeakQuestions(): ReadonlyMap<string, number | null> {
  const user = useCurrentUser();
  const allowed = user.role === "admin" || user.role === "hiring_manager";
  const report = useQuestionQualityReport({}, allowed).data;
  return new Map(
    (report?.questions ?? []).filter((q) => q.flagged).map((q) => [q.questionId, q.discrimination]),
  );
}

/** A badge beside a weak question, with the action: revise (a new version) or retire it. */
export function WeakQuestionFlag({
  questionId,
  discrimination,
}: {
  questionId: string;
  discrimination: number | null;
}) {
  return (
    <span className="weak-question">
      <span className="badge badge-flag">
        Weak: discrimination {discrimination === null ? "—" : discrimination.toFixed(2)}
      </span>{" "}
      <Link to={`/questions/${questionId}`}>Revise or retire</Link>
    </span>
  );
}
