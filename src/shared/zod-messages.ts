import { z } from "zod";

type TIssue = z.core.$ZodRawIssue;

function sizeMessage(origin: unknown, relation: "at most" | "at least", limit: unknown): string {
  switch (origin) {
    case "string":
      return `must be ${relation} ${String(limit)} characters`;
    case "array":
    case "set":
      if (relation === "at least" && Number(limit) === 1) return "must not be empty";
      return `must have ${relation} ${String(limit)} ${Number(limit) === 1 ? "item" : "items"}`;
    default:
      return `must be ${relation} ${String(limit)}`;
  }
}

/**
 * Messages that read after the field's name ("email must be a valid e-mail address"), so the error
 * handler can say which field was wrong in plain words. Schemas with their own message keep it.
 */
export function phraseIssue(issue: TIssue): string | undefined {
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined
        ? "is required"
        : `must be ${issue.expected === "array" ? "a list" : `a ${issue.expected}`}`;
    case "too_big":
      return sizeMessage(issue.origin, "at most", issue.maximum);
    case "too_small":
      if (issue.origin === "string" && issue.minimum === 1) return "must not be empty";
      return sizeMessage(issue.origin, "at least", issue.minimum);
    case "invalid_value":
      return `must be one of: ${issue.values.map(String).join(", ")}`;
    case "invalid_format":
      return `must be a valid ${issue.format === "email" ? "e-mail address" : issue.format}`;
    case "unrecognized_keys":
      return "is not a known field";
    default:
      return undefined;
  }
}

z.config({ customError: phraseIssue });
