import { describe, expect, it } from "vitest";
import type { TManifest } from "../../grader/pack.js";
import type { TViewerScope } from "../access/viewer-scope.js";
import type { TCountingGrading } from "../assessments/assessments.repo.js";
import { competencyIds } from "../roles/templates/competencies.js";
import type {
  TEvidenceReader,
  TScorecardCore,
  TScorecardEvidence,
  TShortlistApplication,
  TShortlistDesignReview,
  TShortlistRoleData,
} from "./shortlist.repo.js";
import { createShortlistService } from "./shortlist.service.js";
import { raterSources, statsOfRaters } from "./shortlist-evidence.js";
import { shrinkEstimate } from "./shortlist-statistics.js";

const ROLE = "00000000-0000-4000-a000-000000000001";
const STAGES = [
  {
    id: "00000000-0000-4000-a000-0000000000a1",
    name: "Résumé screen",
    kind: "resume-screen",
    position: 0,
  },
  {
    id: "00000000-0000-4000-a000-0000000000a2",
    name: "Technical screen",
    kind: "technical-screen",
    position: 1,
  },
  {
    id: "00000000-0000-4000-a000-0000000000a3",
    name: "Practical",
    kind: "practical-assessment",
    position: 2,
  },
];
const [SCREEN, TECH, PRACTICAL] = STAGES.map((s) => s.id) as [string, string, string];
const HM = "00000000-0000-4000-a000-0000000000f1";
const RECRUITER = "00000000-0000-4000-a000-0000000000f2";
const RATER_A = "00000000-0000-4000-a000-0000000000e1";
const RATER_B = "00000000-0000-4000-a000-0000000000e2";

// Half the weight on two competencies, so the composite is easy to check by hand.
const weights = Object.fromEntries(competencyIds.map((id) => [id, 0])) as Record<string, number>;
weights["python-fundamentals"] = 50;
weights.testing = 30;
weights.security = 20;

function application(n: number, stageId: string, visited: string[]): TShortlistApplication {
  return {
    id: `00000000-0000-4000-b000-${String(n).padStart(12, "0")}`,
    candidateId: `00000000-0000-4000-c000-${String(n).padStart(12, "0")}`,
    candidateName: `Candidate ${n}`,
    status: "active",
    stageId,
    screenOutcome: "pass",
    screenedAt: "2026-11-01T10:00:00.000Z",
    visitedStageIds: visited,
  };
}

const apps = [
  application(1, PRACTICAL, [SCREEN, TECH, PRACTICAL]),
  application(2, PRACTICAL, [SCREEN, PRACTICAL]),
];
const card = (
  app: string,
  rater: string,
  ratings: Record<string, number>,
  questionMeans: Record<string, number> = {},
) => ({
  core: {
    scorecardId: `${app.slice(0, -2)}${rater.slice(-2)}`,
    applicationId: app,
    stageId: TECH,
    interviewerId: rater,
    interviewerName: rater === RATER_A ? "Ada" : "Ben",
    recommendation: "yes" as const,
    competencyRatings: ratings,
  } satisfies TScorecardCore,
  questionMeans,
});
const cards = [
  card(apps[0]?.id ?? "", RATER_A, { "python-fundamentals": 4 }, { testing: 3.5 }),
  card(apps[0]?.id ?? "", RATER_B, { "python-fundamentals": 2 }, { testing: 2.5 }),
];
const manifest = {
  groups: [{ id: "auth", name: "Auth", weight: 10, competency: "security" }],
} as unknown as TManifest;
const grading: TCountingGrading = {
  assessmentId: "00000000-0000-4000-d000-000000000001",
  applicationId: apps[1]?.id ?? "",
  packId: "rest-api",
  gradingId: "00000000-0000-4000-d000-000000000002",
  score: 50,
  integrity: "tampered",
  groups: [{ id: "auth", passed: 1, total: 2, weight: 10 }],
};

function scope(userId: string, teamRole: "hiring_manager" | "recruiter" | null): TViewerScope {
  return {
    userId,
    isAdmin: false,
    teamRoleByRole: new Map(teamRole ? [[ROLE, teamRole]] : []),
    assignedApplicationIds: new Set(),
    assignedRoleIds: new Set(),
  };
}

const REVIEWER = "00000000-0000-4000-a000-0000000000e3";
const DESIGN_ASSESSMENT = "00000000-0000-4000-d000-000000000003";
const architecture = {
  title: "Architecture design",
  groups: [],
  document: {
    rubric: [
      { id: "security-operations", competency: "security" },
      { id: "failure-modes", competency: "security" },
      { id: "communication", competency: "communication-collaboration" },
    ],
  },
} as unknown as TManifest;
/** A submitted design review of application 2: two dimensions on security, one elsewhere. */
const designReview: TShortlistDesignReview = {
  applicationId: apps[1]?.id ?? "",
  assessmentId: DESIGN_ASSESSMENT,
  partId: "00000000-0000-4000-d000-000000000004",
  packId: "architecture",
  reviewerId: REVIEWER,
  reviewerName: "Rhea",
  scores: {
    "security-operations": { rating: 4 },
    "failure-modes": { rating: 3 },
    communication: { rating: 2 },
    "not-in-rubric": { rating: 1 },
  },
};

/** Calibration sums of one rater: n comparisons of d each, over n candidates (one each). */
function calibrationRow(interviewerId: string, n: number, d: number) {
  return {
    interviewerId,
    name: "",
    submitted: n,
    recommendations: { strong_no: 0, no: 0, yes: n, strong_yes: 0 },
    sums: {
      n,
      clusters: n,
      sumD: n * d,
      sumClusterSquares: n * d * d,
      sumClusterCross: n * d,
      sumClusterSizeSquares: n,
    },
  };
}

function fullCards(): TScorecardEvidence[] {
  return cards.map((c) => ({ ...c.core, questionMeans: c.questionMeans }));
}

/** canReadScorecard, as the cells' SQL applies it. */
function readableFor(reader: TEvidenceReader, all: readonly TScorecardEvidence[]) {
  return (c: TScorecardEvidence) =>
    reader.leadsRole ||
    c.interviewerId === reader.userId ||
    all.some(
      (own) =>
        own.applicationId === c.applicationId &&
        own.stageId === c.stageId &&
        own.interviewerId === reader.userId,
    );
}

function fakes(options: {
  scope: TViewerScope;
  designReviews?: TShortlistDesignReview[];
  takeaways?: { stageId: string; interviewerId: string; keyTakeaways: string }[];
  calibration?: ReturnType<typeof calibrationRow>[];
}) {
  const calls = { cardIds: [] as string[][], calibration: 0 };
  const role: TShortlistRoleData = {
    id: ROLE,
    title: "Backend",
    bar: 3,
    competencyWeights: weights,
    stages: STAGES,
    applications: apps,
  };
  const service = createShortlistService({
    shortlistRepo: {
      loadRole: (id) => Promise.resolve(id === ROLE ? role : null),
      // The database's reduction, done here by its definition: the scorecard rule, then each
      // readable rater once per competency, then the sums.
      listRoleCells: ({ reader, offsets }) => {
        const evidence = fullCards();
        const isReadable = readableFor(reader, evidence);
        const cells = new Map(
          apps.map((a) => [
            a.id,
            statsOfRaters(
              raterSources(
                evidence.filter((c) => c.applicationId === a.id && isReadable(c)),
                offsets,
              ),
            ),
          ]),
        );
        const withheld = new Map<string, number>();
        for (const c of evidence)
          if (!isReadable(c))
            withheld.set(c.applicationId, (withheld.get(c.applicationId) ?? 0) + 1);
        return Promise.resolve({ cells, withheld, designReviews: options.designReviews ?? [] });
      },
      listApplicationCards: (ids) => {
        calls.cardIds.push([...ids]);
        return Promise.resolve(fullCards().filter((c) => ids.includes(c.applicationId)));
      },
      listTakeaways: () => Promise.resolve(options.takeaways ?? []),
      organisationEvidenceTotals: () =>
        Promise.resolve({
          cells: 0,
          cellsWithSpread: 0,
          sumSquares: 0,
          degreesOfFreedom: 0,
          sumMeans: 0,
          sumSquaredMeans: 0,
          sumInverseN: 0,
        }),
    },
    assessmentsRepo: { listCountingGradings: () => Promise.resolve([grading]) },
    applicationsRepo: {
      findById: (id) =>
        Promise.resolve(
          apps.find((a) => a.id === id) ? ({ id, roleId: ROLE } as never) : undefined,
        ),
    },
    viewerScopeRepo: { loadScope: () => Promise.resolve(options.scope) },
    packs: {
      loadPack: (id) =>
        Promise.resolve({ manifest: id === "architecture" ? architecture : manifest }),
    },
    calibration: {
      interviewerCalibration: () => {
        calls.calibration += 1;
        return Promise.resolve(options.calibration ?? []);
      },
    },
  });
  return { service, calls };
}

const query = {
  sort: "composite" as const,
  status: "active" as const,
  limit: 100,
  offset: 0,
  adjust: "none" as const,
};
const viewer = (id: string) => ({ id, role: "hiring_manager" as const, name: "Hana" });

describe("shortlist service", () => {
  it("counts each rater once (explicit rating, else question mean) and shrinks with the defaults", async () => {
    const { service } = fakes({ scope: scope(HM, "hiring_manager") });
    const result = await service.getShortlist({ roleId: ROLE, query, viewer: viewer(HM) });
    expect(result.variances.source).toBe("default");
    const row = result.rows.find((r) => r.applicationId === apps[0]?.id);
    const python = row?.competencies.find((c) => c.competencyId === "python-fundamentals");
    const testing = row?.competencies.find((c) => c.competencyId === "testing");
    expect(python?.raterRatings.map((r) => r.rating).sort()).toEqual([2, 4]);
    expect(testing?.mean).toBe(3);
    // μ is the role's mean over its three cells: python 3, testing 3, security 2.5.
    const mu = (3 + 3 + 2.5) / 3;
    const v = { mu, tau2: 0.3, sigma2: 0.5 };
    expect(result.variances.mu).toBeCloseTo(mu, 12);
    expect(python?.estimate).toBeCloseTo(shrinkEstimate(3, 2, v).theta, 12);
    const expected = (50 * shrinkEstimate(3, 2, v).theta + 30 * shrinkEstimate(3, 2, v).theta) / 80;
    expect(row?.composite?.estimate).toBeCloseTo(expected, 12);
    expect(row?.coverage).toBeCloseTo(0.8, 12);
    const flags = row?.flags.map((f) => `${f.kind}:${f.competencyId ?? f.stageId ?? ""}`);
    expect(flags).toEqual(["rater-disagreement:python-fundamentals", "missing-evidence:security"]);
  });

  it("maps the assessment through the manifest and flags integrity, one source and skipped stages", async () => {
    const { service } = fakes({ scope: scope(HM, "hiring_manager") });
    const result = await service.getShortlist({ roleId: ROLE, query, viewer: viewer(HM) });
    const row = result.rows.find((r) => r.applicationId === apps[1]?.id);
    expect(row?.competencies.find((c) => c.competencyId === "security")?.assessmentRatings).toEqual(
      [{ assessmentId: grading.assessmentId, packId: "rest-api", score: 50, rating: 2.5 }],
    );
    expect(row?.integrity).toBe("tampered");
    const kinds = row?.flags.map((f) => f.kind);
    expect(kinds).toEqual(
      expect.arrayContaining(["integrity", "single-source", "stage-skipped", "missing-evidence"]),
    );
    expect(row?.flags.find((f) => f.kind === "stage-skipped")?.stageId).toBe(TECH);
    expect(row?.coverage).toBeCloseTo(0.2, 12);
  });

  it("ranks every application from the reduced cells and reads cards only for the rows shown", async () => {
    const { service, calls } = fakes({ scope: scope(HM, "hiring_manager") });
    const first = await service.getShortlist({
      roleId: ROLE,
      query: { ...query, limit: 1 },
      viewer: viewer(HM),
    });
    const both = await service.getShortlist({ roleId: ROLE, query, viewer: viewer(HM) });
    expect(first.total).toBe(2);
    expect(calls.cardIds[0]).toEqual([first.rows[0]?.applicationId]);
    // The page of one shows the same row, in full, as the page of two.
    expect(first.rows[0]).toEqual(both.rows[0]);
    expect(both.rows.map((r) => r.applicationId)).toEqual(calls.cardIds[1]);
  });

  it("leaves out what a recruiter may not read and refuses people off the team", async () => {
    const recruiter = fakes({ scope: scope(RECRUITER, "recruiter") }).service;
    const result = await recruiter.getShortlist({ roleId: ROLE, query, viewer: viewer(RECRUITER) });
    const row = result.rows.find((r) => r.applicationId === apps[0]?.id);
    expect(row?.withheldScorecards).toBe(2);
    expect(row?.composite).toBeNull();
    expect(result.people).toEqual([]);
    const outsider = fakes({ scope: scope(RECRUITER, null) }).service;
    await expect(
      outsider.getShortlist({ roleId: ROLE, query, viewer: viewer(RECRUITER) }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("gives the decision panel the same summary as the row", async () => {
    const { service } = fakes({ scope: scope(HM, "hiring_manager") });
    const result = await service.getShortlist({ roleId: ROLE, query, viewer: viewer(HM) });
    const summary = await service.summariseApplicationEvidence({
      applicationId: apps[0]?.id ?? "",
      roleId: ROLE,
      scope: scope(HM, "hiring_manager"),
    });
    const row = result.rows.find((r) => r.applicationId === apps[0]?.id);
    expect(summary).toMatchObject({
      composite: row?.composite,
      coverage: row?.coverage,
      flags: row?.flags,
      bar: 3,
    });
  });

  it("counts a design reviewer once per competency, averaging their dimensions on it", async () => {
    const { service } = fakes({
      scope: scope(HM, "hiring_manager"),
      designReviews: [designReview],
    });
    const result = await service.getShortlist({ roleId: ROLE, query, viewer: viewer(HM) });
    const row = result.rows.find((r) => r.applicationId === apps[1]?.id);
    const security = row?.competencies.find((c) => c.competencyId === "security");
    expect(security?.reviewRatings).toEqual([
      {
        reviewerId: REVIEWER,
        assessmentId: DESIGN_ASSESSMENT,
        packId: "architecture",
        rating: 3.5,
      },
    ]);
    // The assessment (2.5) and the reviewer (3.5): two sources, not three.
    expect(security?.n).toBe(2);
    expect(security?.mean).toBe(3);
    expect(row?.flags.some((f) => f.kind === "single-source")).toBe(false);
    const communication = row?.competencies.find(
      (c) => c.competencyId === "communication-collaboration",
    );
    expect(communication?.mean).toBe(2);
    expect(result.people).toContainEqual({ id: REVIEWER, name: "Rhea" });
    // Security is application 2's only weighted competency, so its composite is that estimate.
    const mu = (3 + 3 + 3 + 2) / 4;
    const v = { mu, tau2: 0.3, sigma2: 0.5 };
    expect(row?.composite?.estimate).toBeCloseTo(shrinkEstimate(3, 2, v).theta, 12);

    const evidence = await service.getApplicationEvidence({
      applicationId: apps[1]?.id ?? "",
      viewer: viewer(HM),
    });
    const sources = evidence.competencies.find((c) => c.competencyId === "security")?.sources;
    expect(sources?.map((x) => `${x.kind}:${x.basis}:${x.rating}`)).toEqual([
      "assessment:assessment:2.5",
      "design-review:design-review:3.5",
    ]);
    expect(sources?.[1]?.rater).toEqual({ id: REVIEWER, name: "Rhea" });
    expect(sources?.[1]?.assessment?.packTitle).toBe("Architecture design");
  });

  it("leaves design reviews out for a recruiter, who reads no one's review", async () => {
    const { service } = fakes({
      scope: scope(RECRUITER, "recruiter"),
      designReviews: [designReview],
    });
    const result = await service.getShortlist({ roleId: ROLE, query, viewer: viewer(RECRUITER) });
    const row = result.rows.find((r) => r.applicationId === apps[1]?.id);
    expect(row?.competencies.find((c) => c.competencyId === "security")?.n).toBe(1);
    expect(result.notes.some((n) => n.startsWith("1 submitted design review is"))).toBe(true);
  });

  it("sends each rater's key takeaways once, not once per competency they rated", async () => {
    const { service } = fakes({
      scope: scope(HM, "hiring_manager"),
      takeaways: [
        { stageId: TECH, interviewerId: RATER_B, keyTakeaways: "Solid on tests." },
        { stageId: TECH, interviewerId: RATER_A, keyTakeaways: "Explains trade-offs." },
      ],
    });
    const evidence = await service.getApplicationEvidence({
      applicationId: apps[0]?.id ?? "",
      viewer: viewer(HM),
    });
    // Ada rated two competencies; her takeaways appear once, names in order.
    expect(evidence.takeaways).toEqual([
      { raterId: RATER_A, stageId: TECH, text: "Explains trade-offs." },
      { raterId: RATER_B, stageId: TECH, text: "Solid on tests." },
    ]);
    expect(JSON.stringify(evidence.competencies)).not.toContain("Explains trade-offs.");
  });

  it("the leniency view takes each rater's shrunk leniency off their ratings, and says so", async () => {
    // Ada: 10 comparisons at +1 → shrunk 1·10/(10+10) = 0.5. Ben: 30 at −0.4 → −0.3.
    const calibration = [calibrationRow(RATER_A, 10, 1), calibrationRow(RATER_B, 30, -0.4)];
    const { service, calls } = fakes({ scope: scope(HM, "hiring_manager"), calibration });
    const raw = await service.getShortlist({ roleId: ROLE, query, viewer: viewer(HM) });
    expect(calls.calibration).toBe(0);
    expect(raw.view).toBe("none");
    expect(raw.leniency).toEqual([]);
    const adjusted = await service.getShortlist({
      roleId: ROLE,
      query: { ...query, adjust: "leniency" },
      viewer: viewer(HM),
    });
    expect(adjusted.view).toBe("leniency");
    const python = adjusted.rows
      .find((r) => r.applicationId === apps[0]?.id)
      ?.competencies.find((c) => c.competencyId === "python-fundamentals");
    const byRater = new Map(python?.raterRatings.map((r) => [r.raterId, r.rating]));
    expect(byRater.get(RATER_A)).toBeCloseTo(3.5, 12);
    expect(byRater.get(RATER_B)).toBeCloseTo(2.3, 12);
    expect(adjusted.leniency.find((l) => l.raterId === RATER_A)).toEqual({
      raterId: RATER_A,
      offset: 0.5,
      comparisons: 10,
    });
    expect(adjusted.notes.some((n) => n.startsWith("Leniency view"))).toBe(true);
  });

  it("refuses the leniency view to a recruiter", async () => {
    const { service, calls } = fakes({ scope: scope(RECRUITER, "recruiter") });
    await expect(
      service.getShortlist({
        roleId: ROLE,
        query: { ...query, adjust: "leniency" },
        viewer: viewer(RECRUITER),
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(calls.calibration).toBe(0);
  });
});
