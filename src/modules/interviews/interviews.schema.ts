import { z } from "zod";
import { ZIsoDateTime, ZUuid } from "../../shared/schema-primitives.js";
import { ZCompetencyId } from "../roles/templates/competencies.js";
import { ZLevel } from "../roles/templates/levels.js";
import { ZRubricAnchors } from "../questions/bank/index.js";
import { ZApplicationSummary, ZInterviewSummary } from "../pipeline/applications.schema.js";
import { ZStageKind } from "../roles/roles.schema.js";
import { ZTimeCursor } from "../../shared/keyset-cursor.js";
import { isTimeZone } from "../calendar/interview-ics.js";

const ZTimeZone = z
  .string()
  .max(64)
  .refine(isTimeZone, "is not a time zone we know; use a name like Europe/London or UTC");

/** Where and how long: shared by scheduling and rescheduling. */
const ZInterviewPlace = {
  /** Defaults to the stage's planned length. */
  durationMinutes: z
    .number()
    .int("must be a whole number of minutes")
    .min(5, "must be at least 5 minutes")
    .max(480, "must be 8 hours or less")
    .optional(),
  /** The IANA zone the time is meant in; invites state the time in it. UTC when left out. */
  timeZone: ZTimeZone.optional(),
  location: z.string().trim().max(200).nullable().optional(),
  meetingUrl: z
    .url({ protocol: /^https$/, error: "must be an https:// link" })
    .max(500)
    .nullable()
    .optional(),
};

export const ZScheduleInterviewsRequest = z.strictObject({
  stageId: ZUuid,
  interviewerIds: z
    .array(ZUuid)
    .min(1)
    .max(6)
    .refine((ids) => new Set(ids).size === ids.length, "lists a person twice"),
  scheduledAt: ZIsoDateTime,
  ...ZInterviewPlace,
});
export type TScheduleInterviewsRequest = z.infer<typeof ZScheduleInterviewsRequest>;

/** A new time, and optionally a new length, zone or place; what is left out stays. */
export const ZRescheduleInterviewRequest = z.strictObject({
  scheduledAt: ZIsoDateTime,
  ...ZInterviewPlace,
});
export type TRescheduleInterviewRequest = z.infer<typeof ZRescheduleInterviewRequest>;
export const ZInterviewResponse = z.object({ interview: ZInterviewSummary });

export const ZInterviewsResponse = z.object({ interviews: z.array(ZInterviewSummary) });
export const ZInterviewIdParams = z.strictObject({ interviewId: ZUuid });

export const ZMyInterviewsQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** The `nextCursor` of the previous page; absent for the first page. */
  after: ZTimeCursor.optional(),
});
export type TMyInterviewsQuery = z.infer<typeof ZMyInterviewsQuery>;

/** One page of the caller's interviews in schedule order (oldest first), with the total. */
export const ZMyInterviewsResponse = z.object({
  interviews: z.array(ZInterviewSummary.extend({ application: ZApplicationSummary })),
  total: z.number().int(),
  /** Pass as `after` for the next page; null on the last page. */
  nextCursor: z.string().nullable(),
});

export const ZKitQuestion = z.object({
  position: z.number().int(),
  questionId: z.string(),
  /** Send this back in the scorecard: it pins the exact wording that was asked. */
  questionVersionId: ZUuid,
  version: z.number().int(),
  title: z.string(),
  prompt: z.string(),
  minutes: z.number().int(),
  signals: z.array(z.string()),
  redFlags: z.array(z.string()),
  followUps: z.array(z.string()),
  /** Rubric anchors for the role's level (per-level anchors when the question has them). */
  anchors: ZRubricAnchors,
  competencies: z.array(ZCompetencyId),
});

export const ZInterviewKitResponse = z.object({
  interview: ZInterviewSummary,
  candidate: z.object({
    id: ZUuid,
    name: z.string(),
    links: z.object({
      github: z.string().nullable(),
      portfolio: z.string().nullable(),
      linkedin: z.string().nullable(),
    }),
  }),
  role: z.object({ id: ZUuid, title: z.string(), level: ZLevel }),
  stage: z.object({
    id: ZUuid,
    name: z.string(),
    kind: ZStageKind,
    purpose: z.string(),
    durationMinutes: z.number().int(),
    competencies: z.array(ZCompetencyId),
    checklist: z.array(z.string()),
  }),
  questions: z.array(ZKitQuestion),
  totalQuestionMinutes: z.number().int(),
});
export type TInterviewKit = z.infer<typeof ZInterviewKitResponse>;
