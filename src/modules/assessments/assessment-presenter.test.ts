import { describe, expect, it } from "vitest";
import {
  assessmentState,
  competencyScoresOfGroups,
  partDueAt,
  partState,
} from "./assessment-presenter.js";
import type { TAssessmentRow } from "./assessments.repo.js";

const hour = 3_600_000;
const t0 = new Date("2026-12-01T09:00:00Z");
const at = (hours: number) => new Date(t0.getTime() + hours * hour);

function assessment(values: Partial<TAssessmentRow> = {}): TAssessmentRow {
  return {
    id: "a",
    applicationId: "b",
    timing: "shared",
    timeLimitMinutes: 120,
    deadlineAt: at(48),
    tokenHash: "h",
    sentBy: null,
    createdAt: t0,
    startedAt: null,
    revokedAt: null,
    finishedAt: null,
    remindedAt: null,
    ...values,
  };
}
const part = (values: {
  startedAt?: Date | null;
  submittedAt?: Date | null;
  minutes?: number;
}) => ({
  startedAt: values.startedAt ?? null,
  submittedAt: values.submittedAt ?? null,
  timeLimitMinutes: values.minutes ?? 45,
});

describe("clocks of an assessment in parts", () => {
  it("with shared timing every part is due when the one time box ends", () => {
    const shared = assessment({ startedAt: at(1) });
    expect(partDueAt(shared, part({}))).toEqual(at(3));
    expect(partDueAt(shared, part({ startedAt: at(2), minutes: 10 }))).toEqual(at(3));
    expect(partDueAt(assessment(), part({}))).toBeNull();
  });

  it("with per-part timing each part runs its own limit from its own start, never past the deadline", () => {
    const perPart = assessment({ timing: "per-part", startedAt: at(1) });
    expect(partDueAt(perPart, part({}))).toBeNull();
    expect(partDueAt(perPart, part({ startedAt: at(5), minutes: 60 }))).toEqual(at(6));
    expect(partDueAt(perPart, part({ startedAt: at(47.5), minutes: 60 }))).toEqual(at(48));
  });

  it("reads a part as started under the shared clock, and the whole as submitted only when every part is", () => {
    const shared = assessment({ startedAt: at(1) });
    expect(partState(shared, part({}), at(2))).toBe("started");
    expect(partState(assessment({ timing: "per-part", startedAt: at(1) }), part({}), at(2))).toBe(
      "sent",
    );
    const parts = [part({ submittedAt: at(2) }), part({})];
    expect(assessmentState(shared, parts, at(2))).toBe("started");
    expect(
      assessmentState(shared, [parts[0] ?? part({}), part({ submittedAt: at(3) })], at(3)),
    ).toBe("submitted");
    // Past the link's end (deadline + 24 h) what was handed in counts; nothing handed in is expired.
    expect(assessmentState(shared, parts, at(80))).toBe("submitted");
    expect(assessmentState(shared, [part({})], at(80))).toBe("expired");
    expect(assessmentState(assessment({ revokedAt: at(2) }), parts, at(3))).toBe("revoked");
    // The candidate's "I'm finished" hands in what there is, even with a part left empty.
    expect(assessmentState(assessment({ startedAt: at(1), finishedAt: at(2) }), parts, at(2))).toBe(
      "submitted",
    );
  });
});

describe("competencies a result feeds", () => {
  it("names each competency in words from the catalogue, and keeps an id it does not know", () => {
    const manifest = {
      groups: [
        { id: "queries", competency: "orm-data-modelling" },
        { id: "future", competency: "quantum-django" },
      ],
    } as unknown as Parameters<typeof competencyScoresOfGroups>[0];
    const scores = competencyScoresOfGroups(manifest, [
      { id: "queries", passed: 3, total: 4, weight: 1 },
    ]);
    expect(scores).toEqual([
      {
        competency: "orm-data-modelling",
        name: "ORM and data modelling",
        groups: ["queries"],
        score: 75,
      },
      { competency: "quantum-django", name: "quantum-django", groups: ["future"], score: null },
    ]);
  });
});
