/* eslint-disable @typescript-eslint/require-await -- the fakes implement async repository methods in memory */
import { describe, expect, it } from "vitest";
import type { TDatabase } from "../../db/client.js";
import { failureOf } from "../../test-support/app-error.js";
import type { TViewerScope } from "../access/viewer-scope.js";
import type { TInterviewsRepo } from "./interviews.repo.js";
import { createInterviewsService } from "./interviews.service.js";

/**
 * Scheduling rules with fakes of the service's narrow dependencies: who may be scheduled, that a
 * kit is pinned to the question versions of the day, and what cancelling may not destroy.
 */
const ROLE = "role-1";
const STAGE = {
  id: "stage-tech",
  roleId: ROLE,
  kit: [{ questionId: "q-1" }, { questionId: "q-2" }],
};
const APPLICATION = { id: "app-1", roleId: ROLE, status: "active" };
const RECRUITER = { id: "rec", role: "recruiter" as const, name: "Rec" };
const actor = { userId: RECRUITER.id, label: "Rec" };

function world(options: { submittedFor?: string } = {}) {
  const interviews: {
    id: string;
    applicationId: string;
    stageId: string;
    interviewerId: string;
    kit: unknown;
    scheduledAt: Date;
    durationMinutes: number;
    timeZone: string;
    location: string | null;
    meetingUrl: string | null;
    calendarSequence: number;
  }[] = [];
  const mails: { kind: string; to: string; calendar?: { method: string; ics: string } }[] = [];
  const audit: string[] = [];
  const scope: TViewerScope = {
    userId: RECRUITER.id,
    isAdmin: false,
    teamRoleByRole: new Map([[ROLE, "recruiter" as const]]),
    assignedApplicationIds: new Set(),
    assignedRoleIds: new Set(),
  };
  const interviewsRepo = {
    async findForStage(applicationId: string, stageId: string) {
      return interviews.filter((i) => i.applicationId === applicationId && i.stageId === stageId);
    },
    async insertInterviews(rows: Omit<(typeof interviews)[number], "id" | "calendarSequence">[]) {
      const made = rows.map((r, i) => ({
        ...r,
        calendarSequence: 0,
        id: `int-${interviews.length + i + 1}`,
      }));
      interviews.push(...made);
      return made;
    },
    async findById(id: string) {
      return interviews.find((i) => i.id === id);
    },
    async listForApplication() {
      return interviews.map((interview) => ({
        interview,
        interviewerName: interview.interviewerId,
        stageName: "Technical screen",
        scorecardStatus: options.submittedFor === interview.id ? "submitted" : null,
      }));
    },
    async rescheduleInterview(id: string, change: Partial<(typeof interviews)[number]>) {
      const found = interviews.find((i) => i.id === id);
      if (found) Object.assign(found, change, { calendarSequence: found.calendarSequence + 1 });
      return found;
    },
    async findInviteDetails(ids: string[]) {
      return interviews
        .filter((i) => ids.includes(i.id))
        .map((interview) => ({
          interview: { ...interview },
          stageName: "Technical screen",
          interviewer: {
            name: interview.interviewerId,
            email: `${interview.interviewerId}@x.test`,
          },
          candidate: { name: "Cand", email: "cand@x.test" },
          roleTitle: "Backend Engineer",
        }));
    },
    async deleteInterview(id: string) {
      interviews.splice(
        interviews.findIndex((i) => i.id === id),
        1,
      );
    },
  } as unknown as TInterviewsRepo;
  const service = createInterviewsService({
    db: { transaction: async (work: (tx: unknown) => unknown) => work({}) } as unknown as TDatabase,
    interviewsRepo,
    applicationsRepo: {
      lockById: async () => APPLICATION as never,
      findById: async () => APPLICATION as never,
      findSummary: async () => undefined,
      findSummaries: async () => [],
      listSummaries: async () => ({ rows: [], total: 0 }),
    },
    rolesRepo: {
      findStage: async (id: string) =>
        id === STAGE.id ? ({ ...STAGE, durationMinutes: 45 } as never) : undefined,
      listTeams: async () => [{ userId: "ana" }, { userId: "ben" }, { userId: "gone" }] as never,
      findUsers: async (ids: string[]) =>
        ids.map((id) => ({
          id,
          name: id,
          email: `${id}@x.test`,
          disabledAt: id === "gone" ? new Date() : null,
        })) as never,
    },
    questionsRepo: {
      // q-2 was retired from the bank: the kit keeps only questions with a current version.
      findCurrentVersions: async () => [{ questionId: "q-1", id: "qv-1-v3" }] as never,
      findVersionsByIds: async () => [],
    },
    viewerScopeRepo: { loadScope: async () => scope },
    auditService: {
      recordEvent: async (_actor, event) => {
        audit.push(event.action);
      },
    },
    mail: {
      enqueueMail: async (input) => {
        mails.push(input);
        return {} as never;
      },
      wake: async () => undefined,
    },
    clock: { now: () => new Date("2026-12-01T00:00:00.000Z") },
  });
  return { service, interviews, audit, mails };
}

const at = "2026-12-03T10:00:00.000Z";

describe("interviews service (fakes)", () => {
  it("pins each new interview's kit to the question versions current today", async () => {
    const { service, interviews, audit } = world();
    await service.scheduleInterviews(
      APPLICATION.id,
      { stageId: STAGE.id, interviewerIds: ["ana", "ben"], scheduledAt: at },
      RECRUITER,
      actor,
    );
    expect(interviews.map((i) => i.interviewerId)).toEqual(["ana", "ben"]);
    expect(interviews[0]?.kit).toEqual([{ questionId: "q-1", questionVersionId: "qv-1-v3" }]);
    expect(audit).toEqual(["interview.scheduled", "interview.scheduled"]);
  });

  it("names each interviewer who is disabled or not on the team, and schedules nobody", async () => {
    const { service, interviews } = world();
    const refused = await failureOf(
      service.scheduleInterviews(
        APPLICATION.id,
        { stageId: STAGE.id, interviewerIds: ["ana", "gone", "stranger"], scheduledAt: at },
        RECRUITER,
        actor,
      ),
    );
    expect(refused.code).toBe("VALIDATION_FAILED");
    expect(refused.fields).toEqual([
      { field: "interviewerIds.1", message: "is not an active user" },
      { field: "interviewerIds.2", message: "is not on this role's hiring team; add them first" },
    ]);
    expect(interviews).toEqual([]);
  });

  it("refuses a second interview for the same interviewer in the same stage", async () => {
    const { service } = world();
    const input = { stageId: STAGE.id, interviewerIds: ["ana"], scheduledAt: at };
    await service.scheduleInterviews(APPLICATION.id, input, RECRUITER, actor);
    const again = await failureOf(
      service.scheduleInterviews(
        APPLICATION.id,
        { ...input, interviewerIds: ["ben", "ana"] },
        RECRUITER,
        actor,
      ),
    );
    expect(again.code).toBe("CONFLICT");
    expect(again.fields?.[0]?.field).toBe("interviewerIds.1");
  });

  it("refuses a stage of another role", async () => {
    const { service } = world();
    const refused = await failureOf(
      service.scheduleInterviews(
        APPLICATION.id,
        { stageId: "stage-elsewhere", interviewerIds: ["ana"], scheduledAt: at },
        RECRUITER,
        actor,
      ),
    );
    expect(refused.fields?.[0]?.field).toBe("stageId");
  });

  it("cancels an interview, but never one whose scorecard was submitted", async () => {
    const { service, interviews, audit } = world({ submittedFor: "int-2" });
    await service.scheduleInterviews(
      APPLICATION.id,
      { stageId: STAGE.id, interviewerIds: ["ana", "ben"], scheduledAt: at },
      RECRUITER,
      actor,
    );
    await service.cancelInterview("int-1", RECRUITER, actor);
    expect(interviews.map((i) => i.id)).toEqual(["int-2"]);
    const kept = await failureOf(service.cancelInterview("int-2", RECRUITER, actor));
    expect(kept.code).toBe("CONFLICT");
    expect(interviews).toHaveLength(1);
    expect(audit.at(-1)).toBe("interview.cancelled");
  });

  it("reschedules an open interview with an audit of both times, never a submitted one", async () => {
    const { service, interviews, audit } = world({ submittedFor: "int-2" });
    await service.scheduleInterviews(
      APPLICATION.id,
      { stageId: STAGE.id, interviewerIds: ["ana", "ben"], scheduledAt: at },
      RECRUITER,
      actor,
    );
    const later = "2026-12-04T16:00:00.000Z";
    const moved = await service.rescheduleInterview({
      interviewId: "int-1",
      change: { scheduledAt: later },
      viewer: RECRUITER,
      actor,
    });
    expect(moved.scheduledAt).toBe(later);
    expect(audit.at(-1)).toBe("interview.rescheduled");
    const kept = await failureOf(
      service.rescheduleInterview({
        interviewId: "int-2",
        change: { scheduledAt: later },
        viewer: RECRUITER,
        actor,
      }),
    );
    expect(kept.code).toBe("CONFLICT");
    expect(interviews[1]?.scheduledAt.toISOString()).toBe(at);
  });

  it("refuses a time in the past before touching anything, naming the field", async () => {
    const { service, interviews, mails } = world();
    const failure = await failureOf(
      service.scheduleInterviews(
        APPLICATION.id,
        { stageId: STAGE.id, interviewerIds: ["ana"], scheduledAt: "2026-11-30T10:00:00.000Z" },
        RECRUITER,
        actor,
      ),
    );
    expect(failure.code).toBe("VALIDATION_FAILED");
    expect(failure.fields).toEqual([{ field: "scheduledAt", message: "is in the past" }]);
    expect(interviews).toHaveLength(0);
    expect(mails).toHaveLength(0);
  });

  it("invites the interviewer and the candidate, then moves SEQUENCE on for a change and a cancel", async () => {
    const { service, interviews, mails } = world();
    await service.scheduleInterviews(
      APPLICATION.id,
      { stageId: STAGE.id, interviewerIds: ["ana"], scheduledAt: at, timeZone: "Europe/Paris" },
      RECRUITER,
      actor,
    );
    // The stage's planned length is the default.
    expect(interviews[0]?.durationMinutes).toBe(45);
    expect(mails.map((m) => [m.kind, m.to, m.calendar?.method])).toEqual([
      ["interview_scheduled", "ana@x.test", "REQUEST"],
      ["interview_scheduled", "cand@x.test", "REQUEST"],
    ]);
    expect(mails[0]?.calendar?.ics).toContain("SEQUENCE:0");
    expect(mails[0]?.calendar?.ics).toContain("DTSTART:20261203T100000Z");
    expect(mails[0]?.calendar?.ics).toContain("DTEND:20261203T104500Z");

    await service.rescheduleInterview({
      interviewId: "int-1",
      change: { scheduledAt: "2026-12-04T09:00:00.000Z", durationMinutes: 60 },
      viewer: RECRUITER,
      actor,
    });
    const moved = mails.slice(2);
    expect(moved.map((m) => m.kind)).toEqual(["interview_rescheduled", "interview_rescheduled"]);
    expect(moved[0]?.calendar?.ics).toContain("SEQUENCE:1");
    expect(moved[0]?.calendar?.ics).toContain("DTEND:20261204T100000Z");
    // The zone chosen at scheduling stays when a reschedule leaves it out.
    expect(interviews[0]?.timeZone).toBe("Europe/Paris");

    await service.cancelInterview("int-1", RECRUITER, actor);
    const cancelled = mails.slice(4);
    expect(cancelled.map((m) => [m.kind, m.calendar?.method])).toEqual([
      ["interview_cancelled", "CANCEL"],
      ["interview_cancelled", "CANCEL"],
    ]);
    expect(cancelled[0]?.calendar?.ics).toContain("METHOD:CANCEL");
    expect(cancelled[0]?.calendar?.ics).toContain("SEQUENCE:2");
    expect(cancelled[0]?.calendar?.ics).toContain("UID:interview-int-1@shortlist");
    expect(interviews).toHaveLength(0);
  });
});
