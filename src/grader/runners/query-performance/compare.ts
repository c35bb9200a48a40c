/**
 * Compares a candidate's answer with the reference's: averages within ±0.01 (SQL ROUND and
 * Python's round differ on halves), next/previous by their page parameter only. Returns the
 * first difference in words, or null.
 */
export function firstDifference(
  candidate: unknown,
  reference: unknown,
  at = "body",
): string | null {
  if (typeof reference === "number" && typeof candidate === "number") {
    const tolerance = at.endsWith("average_rating") ? 0.010001 : 0;
    return Math.abs(candidate - reference) <= tolerance
      ? null
      : `${at} is ${candidate}, expected ${reference}`;
  }
  if (at.endsWith(".next") || at.endsWith(".previous")) {
    const got = pageOf(candidate);
    const want = pageOf(reference);
    return got === want
      ? null
      : `${at} points at page ${got ?? "none"}, expected ${want ?? "none"}`;
  }
  if (Array.isArray(reference)) {
    if (!Array.isArray(candidate)) return `${at} is not a list`;
    if (candidate.length !== reference.length)
      return `${at} has ${candidate.length} items, expected ${reference.length}`;
    for (let index = 0; index < reference.length; index += 1) {
      const difference = firstDifference(candidate[index], reference[index], `${at}[${index}]`);
      if (difference !== null) return difference;
    }
    return null;
  }
  if (reference !== null && typeof reference === "object") {
    if (candidate === null || typeof candidate !== "object" || Array.isArray(candidate))
      return `${at} is not an object`;
    const got = candidate as Record<string, unknown>;
    for (const [key, value] of Object.entries(reference)) {
      if (!(key in got)) return `${at}.${key} is missing`;
      const difference = firstDifference(got[key], value, `${at}.${key}`);
      if (difference !== null) return difference;
    }
    return null;
  }
  return Object.is(candidate, reference)
    ? null
    : `${at} is ${JSON.stringify(candidate)?.slice(0, 80)}, expected ${JSON.stringify(reference)?.slice(0, 80)}`;
}

/** A pagination link's page: "1" when the link has no page parameter (DRF's first page). */
export function pageOf(link: unknown): string | null {
  if (typeof link !== "string") return null;
  try {
    return new URL(link, "http://localhost").searchParams.get("page") ?? "1";
  } catch {
    return "unreadable";
  }
}
