import type { TApplicationsRepo } from "./applications.repo.js";
import type { TApplicationSummary } from "./applications.schema.js";

type TSummaryRow = NonNullable<Awaited<ReturnType<TApplicationsRepo["findSummary"]>>>;

export function presentApplicationSummary(row: TSummaryRow): TApplicationSummary {
  return {
    id: row.application.id,
    candidate: row.candidate,
    role: row.role,
    status: row.application.status,
    currentStage: row.stage,
    closedReason: row.application.closedReason,
    createdAt: row.application.createdAt.toISOString(),
    updatedAt: row.application.updatedAt.toISOString(),
  };
}

type TInterviewListRow = {
  interview: {
    id: string;
    applicationId: string;
    stageId: string;
    interviewerId: string;
    scheduledAt: Date;
    durationMinutes: number;
    timeZone: string;
    location: string | null;
    meetingUrl: string | null;
  };
  stageName: string;
  interviewerName: string;
  scorecardStatus: "none" | "draft" | "submitted";
};

export function presentInterviewSummary(row: TInterviewListRow) {
  return {
    id: row.interview.id,
    applicationId: row.interview.applicationId,
    stageId: row.interview.stageId,
    stageName: row.stageName,
    interviewer: { id: row.interview.interviewerId, name: row.interviewerName },
    scheduledAt: row.interview.scheduledAt.toISOString(),
    durationMinutes: row.interview.durationMinutes,
    timeZone: row.interview.timeZone,
    location: row.interview.location,
    meetingUrl: row.interview.meetingUrl,
    scorecardStatus: row.scorecardStatus,
  };
}
