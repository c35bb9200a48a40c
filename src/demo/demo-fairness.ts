import type { TServices } from "../compose.js";
import type { TViewer } from "../modules/access/viewer-scope.js";
import type { TSelfIdentificationAnswers } from "../modules/fairness/fairness.schema.js";

// Ten answer patterns, repeated over the demo's candidates in name order. The last one skips the
// form; others leave questions out or prefer not to say, so the report has groups of five or more
// beside groups it must suppress ("another", most race and ethnicity groups, veterans).
const PATTERNS: (TSelfIdentificationAnswers | null)[] = [
  {
    sex: "female",
    raceEthnicity: "white",
    veteranStatus: "not_protected_veteran",
    disability: "no",
  },
  { sex: "male", raceEthnicity: "asian", veteranStatus: "not_protected_veteran", disability: "no" },
  {
    sex: "female",
    raceEthnicity: "black_or_african_american",
    veteranStatus: null,
    disability: "yes",
  },
  { sex: "male", raceEthnicity: "white", veteranStatus: "protected_veteran", disability: "no" },
  {
    sex: "female",
    raceEthnicity: "hispanic_or_latino",
    veteranStatus: "not_protected_veteran",
    disability: "no",
  },
  {
    sex: "male",
    raceEthnicity: "white",
    veteranStatus: "not_protected_veteran",
    disability: "prefer_not_to_say",
  },
  {
    sex: "another",
    raceEthnicity: "two_or_more",
    veteranStatus: "not_protected_veteran",
    disability: "no",
  },
  {
    sex: "female",
    raceEthnicity: "asian",
    veteranStatus: "not_protected_veteran",
    disability: "no",
  },
  {
    sex: "prefer_not_to_say",
    raceEthnicity: "prefer_not_to_say",
    veteranStatus: "prefer_not_to_say",
    disability: "prefer_not_to_say",
  },
  null,
];

/**
 * Voluntary self-identification for the demo's candidates, as if most had answered in the
 * portal. Candidates who already have answers keep them, so seeding twice changes nothing.
 */
export async function seedDemoFairness(
  services: Pick<TServices, "applicationsService" | "fairnessService">,
  admin: TViewer,
): Promise<number> {
  const candidates = new Map<string, string>();
  for (let offset = 0; ; offset += 200) {
    const page = await services.applicationsService.listApplications({ limit: 200, offset }, admin);
    for (const a of page.applications) candidates.set(a.candidate.id, a.candidate.name);
    if (page.applications.length < 200) break;
  }
  const byName = [...candidates].sort(([, a], [, b]) => a.localeCompare(b));
  let answered = 0;
  for (const [index, [candidateId]] of byName.entries()) {
    const answers = PATTERNS[index % PATTERNS.length];
    if (answers && (await services.fairnessService.seedAnswers(candidateId, answers))) answered++;
  }
  return answered;
}
