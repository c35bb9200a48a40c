import { buildPassages, type TEvidenceSpan, type TPassage } from "./evidence-passages.js";
import type { TResumeFields } from "./resume-fields.js";
import type { TSectionKind } from "./resume-sections.js";
import { indexResumeText, type TResumeTextIndex } from "./resume-text-index.js";
import type { TChecklistItem, TTermGroup } from "./screening-checklist.js";
import { CONCEPTS, findConcept, type TTermSpec } from "./synonyms.js";
import { findMentions, type TMention } from "./term-matcher.js";
import { extractResumeFields } from "./resume-fields.js";

/**
 * Proposes, for each checklist item, a verdict with a confidence, a one-line reason and the
 * passages that support it. This is an aid for the human reviewer: the reviewer sees the passages
 * and decides. A "not_met", even on a knockout item, is never applied as a rejection by the system;
 * wording that the matcher does not know (a synonym missing from synonyms.ts, an unusual phrasing)
 * reads as "not mentioned", which is why absence gets a modest confidence.
 */

export type TVerdict = "met" | "not_met" | "unclear";

export type TItemProposal = {
  itemId: string;
  verdict: TVerdict;
  /** 0–1: how sure the proposal is of its own verdict. */
  confidence: number;
  reason: string;
  passages: TPassage[];
};

export type TEvidenceContext = {
  /** The text passages are cut from (the masked text in blind review). */
  index: TResumeTextIndex;
  fields: TResumeFields;
  /** Maps a range of the text `fields` was computed on into `index.original`; identity by default. */
  mapFieldRange?: (start: number, end: number) => { start: number; end: number };
  /** Links the team typed on the candidate's profile; they count when the résumé has none. */
  profileLinks?: readonly TProfileLink[];
};

export type TProfileLink = { kind: "github" | "portfolio" | "linkedin"; url: string };

const MAX_PASSAGES = 5;
const LINK_KIND_NAMES: Readonly<Record<TProfileLink["kind"], string>> = {
  github: "GitHub",
  portfolio: "portfolio",
  linkedin: "LinkedIn",
};
const SOURCE_WORDING = {
  date_ranges: "from employment dates",
  explicit_statement: "as stated by the candidate",
  both: "(stated, and from employment dates)",
  none: "",
} as const;
const STRONG_SECTIONS: ReadonlySet<TSectionKind> = new Set(["experience", "projects", "summary"]);
const SECTION_NAMES: Readonly<Record<TSectionKind, string>> = {
  header: "the header",
  summary: "the summary",
  experience: "Experience",
  education: "Education",
  projects: "Projects",
  skills: "Skills",
  certifications: "Certifications",
  other: "the text",
};

export function proposeItemVerdict(item: TChecklistItem, context: TEvidenceContext): TItemProposal {
  switch (item.matcher.type) {
    case "terms":
      return proposeTermsVerdict(
        item.id,
        item.matcher.groups,
        item.matcher.minGroups,
        context.index,
      );
    case "years":
      return proposeYearsVerdict(item.id, item.matcher.minYears, item.matcher.maxYears, context);
    case "links":
      return proposeLinksVerdict(item.id, item.matcher.kinds, context);
  }
}

/** Convenience for callers that have only the text: indexes it, extracts fields, proposes every item. */
export function matchEvidence(
  text: string,
  checklist: readonly TChecklistItem[],
  options: { now?: Date } = {},
): TItemProposal[] {
  const index = indexResumeText(text);
  const fields = extractResumeFields(text, { ...options, sections: index.sections });
  return checklist.map((item) => proposeItemVerdict(item, { index, fields }));
}

export function resolveGroupTerms(group: TTermGroup): TTermSpec[] {
  const specs: TTermSpec[] = group.concepts.flatMap((concept) => CONCEPTS[concept].terms);
  for (const term of group.terms) {
    const concept = findConcept(term);
    specs.push(...(concept === undefined ? [term] : CONCEPTS[concept].terms));
  }
  return specs;
}

type TGroupEvidence = {
  group: TTermGroup;
  positive: TMention[];
  negated: TMention[];
  hedged: TMention[];
};

function roundConfidence(value: number): number {
  return Math.round(Math.min(0.95, Math.max(0.05, value)) * 100) / 100;
}

function quote(text: string, max = 60): string {
  const clean = text.replace(/\s+/g, " ").trim();
  return `“${clean.length > max ? `${clean.slice(0, max - 1)}…` : clean}”`;
}

/** Mentions are counted per line, so "Kubernetes, Helm charts, GKE" in one bullet is one mention. */
function countLines(text: string, mentions: readonly TMention[]): number {
  return new Set(mentions.map((mention) => text.lastIndexOf("\n", mention.start - 1))).size;
}

function times(count: number): string {
  return count === 1 ? "once" : `${count} times`;
}

function proposeTermsVerdict(
  itemId: string,
  groups: readonly TTermGroup[],
  minGroups: number,
  index: TResumeTextIndex,
): TItemProposal {
  const evidence: TGroupEvidence[] = groups.map((group) => {
    const mentions = findMentions(index, resolveGroupTerms(group));
    return {
      group,
      positive: mentions.filter((m) => m.polarity === "positive"),
      negated: mentions.filter((m) => m.polarity === "negated"),
      hedged: mentions.filter((m) => m.polarity === "hedged"),
    };
  });
  const core = evidence.filter((e) => !e.group.supporting);
  const supporting = evidence.filter((e) => e.group.supporting);
  const coreMet = core.filter((e) => e.positive.length > 0);
  const required = Math.min(minGroups, core.length);
  const positive = evidence.flatMap((e) => e.positive);
  const negated = evidence.flatMap((e) => e.negated);
  const hedged = evidence.flatMap((e) => e.hedged);
  const spans = (mentions: TMention[]): TEvidenceSpan[] =>
    mentions.map(({ start, end, polarity, clauseStart }) => ({
      start,
      end,
      polarity,
      contextStart: clauseStart,
    }));
  const strongFirst = [...positive].sort(
    (a, b) =>
      Number(STRONG_SECTIONS.has(b.section)) - Number(STRONG_SECTIONS.has(a.section)) ||
      a.start - b.start,
  );
  const coreLabels = core.map((e) => e.group.label).join(" / ");

  if (coreMet.length >= required) {
    const corePositive = coreMet.flatMap((e) => e.positive);
    const mentionLines = countLines(index.original, corePositive);
    const strong = corePositive.find((m) => STRONG_SECTIONS.has(m.section));
    const supportingMet = supporting.filter((e) => e.positive.length > 0);
    const contradicted = negated.length > 0;
    const confidence =
      0.6 +
      0.08 * Math.min(mentionLines - 1, 3) +
      (strong === undefined ? 0 : 0.12) +
      0.05 * supportingMet.length +
      0.05 * (coreMet.length - required) -
      (contradicted ? 0.15 : 0);
    const where =
      strong === undefined
        ? `only in ${SECTION_NAMES[corePositive[0]?.section ?? "other"]}`
        : `including ${SECTION_NAMES[strong.section]}`;
    const parts = [
      `${coreMet.map((e) => e.group.label).join(" and ")} mentioned ${times(mentionLines)} (${where})`,
    ];
    const missingCore = core.filter((e) => e.positive.length === 0);
    if (missingCore.length > 0 && coreMet.length < core.length)
      parts.push(`no mention of ${missingCore.map((e) => e.group.label).join(" / ")}`);
    if (supportingMet.length > 0)
      parts.push(`also ${supportingMet.map((e) => e.group.label).join(", ")}`);
    if (contradicted) parts.push(`but also ${quote(negated[0]?.cue ?? "a negative mention")}`);
    return {
      itemId,
      verdict: "met",
      confidence: roundConfidence(confidence),
      reason: `${capitalize(parts.join("; "))}.`,
      passages: buildPassages(
        index.original,
        [...spans(strongFirst), ...spans(negated)],
        MAX_PASSAGES,
      ),
    };
  }
  if (coreMet.length > 0) {
    const missing = core.filter((e) => e.positive.length === 0).map((e) => e.group.label);
    return {
      itemId,
      verdict: "unclear",
      confidence: 0.5,
      reason: `Found ${coreMet.map((e) => e.group.label).join(", ")} but not ${missing.join(", ")}.`,
      passages: buildPassages(index.original, spans(strongFirst), MAX_PASSAGES),
    };
  }
  if (hedged.length > 0) {
    return {
      itemId,
      verdict: "unclear",
      confidence: 0.5,
      reason: `${coreLabels} only mentioned tentatively (${quote(hedged[0]?.cue ?? "")}); check with the candidate.`,
      passages: buildPassages(index.original, [...spans(hedged), ...spans(negated)], MAX_PASSAGES),
    };
  }
  if (negated.length > 0) {
    return {
      itemId,
      verdict: "not_met",
      confidence: 0.8,
      reason: `The résumé says otherwise: ${quote(negated[0]?.cue ?? "")}.`,
      passages: buildPassages(index.original, spans(negated), MAX_PASSAGES),
    };
  }
  if (supporting.some((e) => e.positive.length > 0)) {
    return {
      itemId,
      verdict: "unclear",
      confidence: 0.45,
      reason: `No direct mention of ${coreLabels}, but related: ${supporting
        .filter((e) => e.positive.length > 0)
        .map((e) => e.group.label)
        .join(", ")}.`,
      passages: buildPassages(index.original, spans(strongFirst), MAX_PASSAGES),
    };
  }
  return {
    itemId,
    verdict: "not_met",
    confidence: 0.6,
    reason: `No mention of ${coreLabels} (or known synonyms) found.`,
    passages: [],
  };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function mapRange(
  context: TEvidenceContext,
  start: number,
  end: number,
): { start: number; end: number } {
  return context.mapFieldRange?.(start, end) ?? { start, end };
}

function proposeYearsVerdict(
  itemId: string,
  minYears: number,
  maxYears: number | undefined,
  context: TEvidenceContext,
): TItemProposal {
  const estimate = context.fields.experience;
  const spans: TEvidenceSpan[] = [
    ...estimate.statements.map((s) => ({
      ...mapRange(context, s.start, s.end),
      polarity: "positive" as const,
    })),
    ...estimate.ranges
      .filter((r) => r.counted)
      .map((r) => ({ ...mapRange(context, r.start, r.end), polarity: "positive" as const })),
  ];
  const passages = buildPassages(context.index.original, spans, MAX_PASSAGES);
  const band = maxYears === undefined ? `${minYears}+` : `${minYears}–${maxYears}`;
  if (estimate.years === null) {
    return {
      itemId,
      verdict: "unclear",
      confidence: 0.35,
      reason: `Could not estimate years of experience (no statement or employment dates found); ${band} expected.`,
      passages,
    };
  }
  const sourceConfidence =
    estimate.source === "explicit_statement" ? 0.7 : estimate.source === "both" ? 0.85 : 0.8;
  const estimateText = `Estimated ${estimate.years} years ${SOURCE_WORDING[estimate.source]}`;
  if (estimate.years >= minYears) {
    const above =
      maxYears !== undefined && estimate.years > maxYears + 2
        ? `, above the ${band} band for this level — check level fit`
        : "";
    return {
      itemId,
      verdict: "met",
      confidence: sourceConfidence,
      reason: `${estimateText}; ${band} expected${above}.`,
      passages,
    };
  }
  if (minYears - estimate.years <= 0.5) {
    return {
      itemId,
      verdict: "unclear",
      confidence: 0.5,
      reason: `${estimateText}, just under the ${band} expected.`,
      passages,
    };
  }
  return {
    itemId,
    verdict: "not_met",
    confidence: sourceConfidence - 0.1,
    reason: `${estimateText}; ${band} expected.`,
    passages,
  };
}

function proposeLinksVerdict(
  itemId: string,
  kinds: readonly string[],
  context: TEvidenceContext,
): TItemProposal {
  const matching = context.fields.links.filter((link) => kinds.includes(link.kind));
  const kindNames = kinds
    .map((kind) => (kind === "github" ? "GitHub" : kind === "gitlab" ? "GitLab" : kind))
    .join(", ");
  if (matching.length === 0) {
    const onProfile = (context.profileLinks ?? []).filter((link) => kinds.includes(link.kind));
    if (onProfile.length > 0) {
      const names = [...new Set(onProfile.map((link) => LINK_KIND_NAMES[link.kind]))].join(" and ");
      return {
        itemId,
        verdict: "met",
        confidence: 0.9,
        reason: `${capitalize(names)} link on the candidate's profile (not in the résumé).`,
        passages: [],
      };
    }
    return {
      itemId,
      verdict: "not_met",
      confidence: 0.75,
      reason: `No ${kindNames} link found.`,
      passages: [],
    };
  }
  const spans = matching.map((link) => ({
    ...mapRange(context, link.start, link.end),
    polarity: "positive" as const,
  }));
  const found = [
    ...new Set(matching.map((link) => (link.kind === "github" ? "GitHub" : link.kind))),
  ].join(" and ");
  return {
    itemId,
    verdict: "met",
    confidence: 0.95,
    reason: `${capitalize(found)} link found (${matching.length}).`,
    passages: buildPassages(context.index.original, spans, MAX_PASSAGES),
  };
}
