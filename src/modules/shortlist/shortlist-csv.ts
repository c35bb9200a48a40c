import { stringify } from "csv-stringify/sync";
import type { TShortlistResponse } from "./shortlist.schema.js";

const round = (n: number | null | undefined, digits = 2) =>
  n === null || n === undefined ? "" : n.toFixed(digits);

/**
 * A spreadsheet opens a cell starting with = + - @ (or a tab / carriage return) as a formula, so
 * text from people (candidate names) is prefixed with an apostrophe; numbers are left alone.
 */
export function spreadsheetSafe(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** The shortlist as CSV, in the shortlist's order: one row per application, a column per competency. */
export function shortlistCsv(shortlist: TShortlistResponse): string {
  const stageName = new Map(shortlist.role.stages.map((s) => [s.id, s.name]));
  const competencies = shortlist.role.competencies.filter(
    (c) =>
      c.weight > 0 ||
      shortlist.rows.some((r) => r.competencies.some((e) => e.competencyId === c.id && e.n > 0)),
  );
  const header = [
    "rank",
    "candidate",
    "status",
    "stage",
    "screen",
    "composite",
    "sd",
    "low80",
    "high80",
    "p_above_bar",
    "coverage",
    "integrity",
    "flags",
    ...competencies.flatMap((c) => [`${c.name} estimate`, `${c.name} sources`]),
    "design_reviewers",
    "withheld_scorecards",
  ];
  const rows = shortlist.rows.map((row, index) => {
    const byCompetency = new Map(row.competencies.map((c) => [c.competencyId, c]));
    return [
      String(index + 1),
      spreadsheetSafe(row.candidate.name),
      row.status,
      stageName.get(row.stageId) ?? "",
      row.screen?.outcome ?? "",
      round(row.composite?.estimate),
      round(row.composite?.sd, 3),
      round(row.composite?.low80),
      round(row.composite?.high80),
      round(row.composite?.pAbove, 3),
      round(row.coverage, 3),
      row.integrity ?? "",
      spreadsheetSafe(row.flags.map((f) => f.message).join(" | ")),
      ...competencies.flatMap((c) => {
        const e = byCompetency.get(c.id);
        return [round(e?.estimate), String(e?.n ?? 0)];
      }),
      String(
        new Set(row.competencies.flatMap((c) => c.reviewRatings.map((r) => r.reviewerId))).size,
      ),
      String(row.withheldScorecards),
    ];
  });
  return stringify([header, ...rows], { bom: true, record_delimiter: "\r\n" });
}
