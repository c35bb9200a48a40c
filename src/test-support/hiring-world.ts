import { daysFromNow } from "./future.js";
import type { LightMyRequestResponse } from "fastify";
import type { TApp } from "../http/types.js";
import { HttpAgent, inviteAndAccept, setupAdmin } from "./http-agent.js";

export function expectStatus(response: LightMyRequestResponse, status: number) {
  if (response.statusCode !== status)
    throw new Error(`expected ${status}, got ${response.statusCode}: ${response.body}`);
  return response;
}

type TStage = { id: string; kind: string; name: string; questions: { questionId: string }[] };
type TRoleBody = { role: { id: string; stages: TStage[] } };

/**
 * A small organisation on one role: every actor of the access matrix, a candidate in the
 * technical screen with two interviewers assigned. Built through the API, like a real user would.
 */
export async function buildHiringWorld(app: TApp) {
  const admin = await setupAdmin(app);
  const user = (email: string, role: string) => inviteAndAccept(app, admin, email, role);
  const recruiterOn = await user("rec.on@example.com", "recruiter");
  const recruiterOff = await user("rec.off@example.com", "recruiter");
  const managerOn = await user("hm.on@example.com", "hiring_manager");
  const interviewerA = await user("int.a@example.com", "interviewer");
  const interviewerB = await user("int.b@example.com", "interviewer");
  const interviewerOff = await user("int.off@example.com", "interviewer");

  const created = expectStatus(
    await admin.post("/api/roles", {
      title: "Senior Django Engineer — Payments",
      level: "senior",
      fromTemplate: true,
      team: [
        { userId: recruiterOn.userId, teamRole: "recruiter" },
        { userId: managerOn.userId, teamRole: "hiring_manager" },
        { userId: interviewerA.userId, teamRole: "interviewer" },
        { userId: interviewerB.userId, teamRole: "interviewer" },
      ],
    }),
    201,
  ).json<TRoleBody>().role;
  const stage = (kind: string) => {
    const found = created.stages.find((s) => s.kind === kind);
    if (!found) throw new Error(`no ${kind} stage`);
    return found;
  };

  let candidateCount = 0;
  /** A fresh candidate with an application on the role, at the given stage. */
  async function newApplication(stageKind = "resume-screen") {
    candidateCount++;
    const candidate = expectStatus(
      await recruiterOn.agent.post("/api/candidates", {
        name: `Candidate ${candidateCount}`,
        email: `candidate${candidateCount}@example.org`,
      }),
      201,
    ).json<{ candidate: { id: string } }>().candidate;
    const application = expectStatus(
      await recruiterOn.agent.post("/api/applications", {
        candidateId: candidate.id,
        roleId: created.id,
        stageId: stage(stageKind).id,
      }),
      201,
    ).json<{ application: { id: string } }>().application;
    return { candidateId: candidate.id, applicationId: application.id };
  }

  async function schedule(applicationId: string, stageKind: string, interviewerIds: string[]) {
    return expectStatus(
      await recruiterOn.agent.post(`/api/applications/${applicationId}/interviews`, {
        stageId: stage(stageKind).id,
        interviewerIds,
        scheduledAt: daysFromNow(1),
      }),
      201,
    ).json<{ interviews: { id: string; interviewer: { id: string } }[] }>().interviews;
  }

  const main = await newApplication("technical-screen");
  const interviews = await schedule(main.applicationId, "technical-screen", [
    interviewerA.userId,
    interviewerB.userId,
  ]);
  const interviewOf = (userId: string) => {
    const found = interviews.find((i) => i.interviewer.id === userId);
    if (!found) throw new Error("no interview");
    return found.id;
  };

  const otherTeam = await buildOtherTeam(app, admin);

  return {
    admin,
    otherTeam,
    anonymous: new HttpAgent(app),
    recruiterOn,
    recruiterOff,
    managerOn,
    interviewerA,
    interviewerB,
    interviewerOff,
    role: created,
    stage,
    main,
    interviewA: interviewOf(interviewerA.userId),
    interviewB: interviewOf(interviewerB.userId),
    newApplication,
    schedule,
  };
}
/**
 * A second, unrelated team: its own role with its own recruiter, hiring manager and interviewer,
 * and a candidate only it (and admins) can see, in its technical screen with its interviewer
 * assigned. The access matrix sends each of them at the first team's ids, and the first team at
 * theirs.
 */
async function buildOtherTeam(app: TApp, admin: HttpAgent) {
  const user = (email: string, role: string) => inviteAndAccept(app, admin, email, role);
  const recruiter = await user("rec.other@example.com", "recruiter");
  const manager = await user("hm.other@example.com", "hiring_manager");
  const interviewer = await user("int.other@example.com", "interviewer");
  const role = expectStatus(
    await admin.post("/api/roles", {
      title: "Django Engineer — Logistics",
      level: "mid",
      fromTemplate: true,
      team: [
        { userId: recruiter.userId, teamRole: "recruiter" },
        { userId: manager.userId, teamRole: "hiring_manager" },
        { userId: interviewer.userId, teamRole: "interviewer" },
      ],
    }),
    201,
  ).json<TRoleBody>().role;
  const screen = role.stages.find((s) => s.kind === "technical-screen");
  if (!screen) throw new Error("no technical-screen stage");
  const candidate = expectStatus(
    await recruiter.agent.post("/api/candidates", {
      name: "Noor Haddad",
      email: "noor.haddad@other-team.example",
      phone: "+44 20 7946 0000",
      notes: "Private to the logistics team.",
    }),
    201,
  ).json<{ candidate: { id: string } }>().candidate;
  const application = expectStatus(
    await recruiter.agent.post("/api/applications", {
      candidateId: candidate.id,
      roleId: role.id,
      stageId: screen.id,
    }),
    201,
  ).json<{ application: { id: string } }>().application;
  const [interview] = expectStatus(
    await recruiter.agent.post(`/api/applications/${application.id}/interviews`, {
      stageId: screen.id,
      interviewerIds: [interviewer.userId],
      scheduledAt: daysFromNow(2),
    }),
    201,
  ).json<{ interviews: { id: string }[] }>().interviews;
  return {
    recruiter,
    manager,
    interviewer,
    role,
    candidateId: candidate.id,
    candidateEmail: "noor.haddad@other-team.example",
    applicationId: application.id,
    interviewId: interview?.id ?? "",
  };
}

export type THiringWorld = Awaited<ReturnType<typeof buildHiringWorld>>;

type TKit = {
  questions: { questionId: string; questionVersionId: string; signals: string[] }[];
  stage: { competencies: string[] };
};

/** A complete, plausible scorecard body for a kit: every question rated, stage competencies rated. */
export function completeScorecard(kit: TKit, rating: 1 | 2 | 3 | 4, recommendation: string) {
  return {
    answers: kit.questions.map((q) => ({
      questionId: q.questionId,
      questionVersionId: q.questionVersionId,
      rating,
      signals: q.signals.slice(0, rating),
      notes: rating >= 3 ? "Clear, correct explanation with examples." : "Needed prompting; gaps.",
    })),
    competencyRatings: Object.fromEntries(kit.stage.competencies.map((c) => [c, rating])),
    keyTakeaways:
      rating >= 3 ? "Solid fundamentals and explains trade-offs well." : "Not at the bar yet.",
    recommendation,
  };
}
