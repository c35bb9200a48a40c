import type { TJson } from "./json-types";

export type TDashboard = TJson<"/api/dashboard", "get">;
export type TRole = TJson<"/api/roles/{roleId}", "get">["role"];
export type TRoleStage = TRole["stages"][number];
export type TTeamRole = TRole["team"][number]["teamRole"];
export type TLevel = TRole["level"];
export type TTemplates = TJson<"/api/role-templates", "get">;
export type TTemplate = TTemplates["templates"][number];
export type TCompetency = TTemplates["competencies"][number];
export type TCompetencyId = TCompetency["id"];
export type TPerson = TJson<"/api/people", "get">["people"][number];
export type TCandidate = TJson<"/api/candidates/{candidateId}", "get">["candidate"];
export type TApplicationSummary = TJson<"/api/applications", "get">["applications"][number];
export type TApplication = TJson<"/api/applications/{applicationId}", "get">["application"];
export type TInterviewSummary = TApplication["interviews"][number];
export type TKit = TJson<"/api/interviews/{interviewId}/kit", "get">;
export type TKitQuestion = TKit["questions"][number];
export type TScorecard = TJson<"/api/scorecards/{scorecardId}", "get">["scorecard"];
export type TScorecardList = TJson<"/api/applications/{applicationId}/scorecards", "get">;
export type TRecommendation = NonNullable<TScorecard["recommendation"]>;
export type TDecisionSummary = TJson<"/api/applications/{applicationId}/decision", "get">;
export type TDecisionKind = TDecisionSummary["decisions"][number]["decision"];
export type TQuestion = TJson<"/api/questions", "get">["questions"][number];
export type TQuestionVersion = TQuestion["current"];
export type TQuestionDetail = TJson<"/api/questions/{questionId}", "get">;
export type TQuestionArea = TQuestionVersion["area"];
export type TRubricAnchors = TQuestionVersion["rubric"]["default"];

export const LEVELS: readonly TLevel[] = ["junior", "mid", "senior"];
export const LEVEL_LABELS: Record<TLevel, string> = {
  junior: "Junior",
  mid: "Mid-level",
  senior: "Senior",
};

export const TEAM_ROLE_LABELS: Record<TTeamRole, string> = {
  hiring_manager: "Hiring manager",
  recruiter: "Recruiter",
  interviewer: "Interviewer",
};

export const RECOMMENDATIONS: readonly TRecommendation[] = ["strong_no", "no", "yes", "strong_yes"];
export const RECOMMENDATION_LABELS: Record<TRecommendation, string> = {
  strong_no: "Strong no",
  no: "No",
  yes: "Yes",
  strong_yes: "Strong yes",
};

export const DECISION_LABELS: Record<TDecisionKind, string> = {
  advance: "Advance to the next stage",
  reject: "Reject",
  offer: "Make an offer",
};

export type TApplicationStatus = TApplicationSummary["status"];

export const STATUS_LABELS: Record<TApplicationStatus, string> = {
  active: "Active",
  rejected: "Rejected",
  withdrawn: "Withdrawn",
  hired: "Hired",
};

export const AREA_LABELS: Record<TQuestionArea, string> = {
  "python-fundamentals": "Python fundamentals",
  "django-core": "Django core",
  "orm-data-modelling": "ORM and data modelling",
  drf: "Django REST Framework",
  "database-performance": "Database performance",
  security: "Security",
  "scalability-production": "Scalability and production",
  testing: "Testing",
  communication: "Communication",
  "culture-fit": "Culture fit",
};

/** The shared 1-4 scale, in words, so a number is never shown without its meaning. */
export const SCORE_LABELS: Record<1 | 2 | 3 | 4, string> = {
  1: "1 · No evidence",
  2: "2 · Partial",
  3: "3 · Meets the bar",
  4: "4 · Exceeds",
};

export function formatDateTime(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}
