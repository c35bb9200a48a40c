import type { TServices } from "../compose.js";
import type { TActor } from "../modules/audit/audit.service.js";
import type { TViewer } from "../modules/access/viewer-scope.js";
import { demoScorecard } from "./demo-scorecard.js";

type TRating = 1 | 2 | 3 | 4;
export type TDemoPerson = { viewer: TViewer; actor: TActor };
export type TDemoPeople = Record<
  "admin" | "recruiter" | "manager" | "interviewer" | "interviewer2" | "interviewer3",
  TDemoPerson
>;
type THiringServices = Pick<
  TServices,
  | "rolesService"
  | "candidatesService"
  | "applicationsService"
  | "interviewsService"
  | "scorecardsService"
  | "decisionsService"
  | "demoHistoryRepo"
>;

const DAY = 86_400_000;

/** One interview round: who scored it how; `draftOnly` leaves that interviewer's card unsent. */
type TRound = {
  stage: string;
  panel: {
    who: "interviewer" | "interviewer2" | "interviewer3" | "manager";
    ratings: TRating[];
    draftOnly?: boolean;
  }[];
  decision?: { decision: "advance" | "reject" | "offer"; rationale: string };
};
type TDemoCandidate = {
  name: string;
  email: string;
  github?: string;
  notes?: string;
  startStage?: string;
  rounds?: TRound[];
  close?: { status: "withdrawn" | "rejected"; reason: string };
};
export type TDemoRole = {
  title: string;
  level: "junior" | "mid" | "senior";
  stackTags: string[];
  candidates: TDemoCandidate[];
};

async function seedCandidate(
  s: THiringServices,
  people: TDemoPeople,
  roleId: string,
  stageIdOf: (kind: string) => string,
  spec: TDemoCandidate,
  day: number,
) {
  const { recruiter, manager } = people;
  const candidate = await s.candidatesService.createCandidate(
    {
      name: spec.name,
      email: spec.email,
      links: { github: spec.github ?? null },
      notes: spec.notes ?? null,
    },
    recruiter.viewer,
    recruiter.actor,
  );
  const firstStage = spec.rounds?.[0]?.stage ?? spec.startStage ?? "resume-screen";
  const application = await s.applicationsService.createApplication(
    { candidateId: candidate.id, roleId, stageId: stageIdOf("resume-screen") },
    recruiter.viewer,
    recruiter.actor,
  );
  if (firstStage !== "resume-screen")
    await s.applicationsService.moveApplication(
      application.id,
      { toStageId: stageIdOf(firstStage), reason: "CV meets the screening checklist." },
      recruiter.viewer,
      recruiter.actor,
    );
  for (const [i, round] of (spec.rounds ?? []).entries()) {
    const scheduled = await s.interviewsService.scheduleInterviews(
      application.id,
      {
        stageId: stageIdOf(round.stage),
        interviewerIds: round.panel.map((p) => people[p.who].viewer.id),
        scheduledAt: new Date(Date.now() + DAY).toISOString(),
      },
      recruiter.viewer,
      recruiter.actor,
    );
    // Held a few weeks ago, a round every three days: the demo shows work already done.
    const held = new Date(Date.now() - Math.max(1, 30 - day - i * 3) * DAY);
    held.setUTCHours(9 + i, 0, 0, 0);
    await s.demoHistoryRepo.moveInterviews(
      scheduled.map((x) => x.id),
      held,
    );
    for (const seat of round.panel) {
      const person = people[seat.who];
      const interview = scheduled.find((x) => x.interviewer.id === person.viewer.id);
      if (!interview) continue;
      const kit = await s.interviewsService.getKit(interview.id, person.viewer);
      const draft = await s.scorecardsService.saveDraft(
        interview.id,
        { revision: 0, ...demoScorecard(kit, seat.ratings) },
        person.viewer,
      );
      if (!seat.draftOnly)
        await s.scorecardsService.submitScorecard(
          interview.id,
          draft.revision,
          person.viewer,
          person.actor,
        );
    }
    if (round.decision?.decision === "offer")
      // Offers are made from the decision stage; the demo's team goes straight there after the
      // debrief and says so, which the pipeline asks for when a stage is left without evidence.
      await s.applicationsService.moveApplication(
        application.id,
        {
          toStageId: stageIdOf("decision"),
          reason: "Debrief held; the panel asked to go straight to the decision.",
          confirm: true,
        },
        manager.viewer,
        manager.actor,
      );
    if (round.decision)
      await s.decisionsService.recordDecision(
        application.id,
        {
          ...round.decision,
          confirm: true,
          reason: "Demo data: the team accepted the evidence it had.",
        },
        manager.viewer,
        manager.actor,
      );
  }
  if (spec.close?.status === "withdrawn")
    await s.applicationsService.withdrawApplication(
      application.id,
      spec.close.reason,
      recruiter.viewer,
      recruiter.actor,
    );
  if (spec.close?.status === "rejected")
    await s.applicationsService.rejectApplication(
      application.id,
      spec.close.reason,
      recruiter.viewer,
      recruiter.actor,
    );
}

/** Creates a role from its level template with the demo team, then walks its candidates through. */
export async function seedDemoRole(s: THiringServices, people: TDemoPeople, spec: TDemoRole) {
  const role = await s.rolesService.createRole(
    {
      title: spec.title,
      level: spec.level,
      fromTemplate: true,
      stackTags: spec.stackTags,
      team: [
        { userId: people.manager.viewer.id, teamRole: "hiring_manager" },
        { userId: people.recruiter.viewer.id, teamRole: "recruiter" },
        { userId: people.interviewer.viewer.id, teamRole: "interviewer" },
        { userId: people.interviewer2.viewer.id, teamRole: "interviewer" },
        { userId: people.interviewer3.viewer.id, teamRole: "interviewer" },
      ],
    },
    people.manager.viewer,
    people.manager.actor,
  );
  const stageIdOf = (kind: string) => {
    const stage = role.stages.find((st) => st.kind === kind);
    if (!stage) throw new Error(`demo role has no ${kind} stage`);
    return stage.id;
  };
  for (const [day, candidate] of spec.candidates.entries())
    await seedCandidate(s, people, role.id, stageIdOf, candidate, day);
  return role.id;
}
