/* eslint-disable @typescript-eslint/require-await -- the fakes implement async repository methods in memory */
import { describe, expect, it } from "vitest";
import type { TDatabase } from "../../db/client.js";
import { failureOf } from "../../test-support/app-error.js";
import type { TViewerScope } from "../access/viewer-scope.js";
import type { TRolesRepo } from "./roles.repo.js";
import { createRolesService } from "./roles.service.js";

/**
 * Role rules with an in-memory fake of the roles repository: who may change a role, what a plan
 * edit may not destroy, that a team names each bad member, and that the creator joins the team.
 */
const ROLE = "role-1";
const MANAGER = { id: "mia", role: "hiring_manager" as const, name: "Mia" };
const actor = { userId: MANAGER.id, label: "Mia" };
const USERS = [
  { id: "mia", role: "hiring_manager", disabledAt: null },
  { id: "ivan", role: "interviewer", disabledAt: null },
  { id: "gone", role: "interviewer", disabledAt: new Date("2026-10-01T00:00:00Z") },
] as const;

type TStage = {
  id: string;
  roleId: string;
  position: number;
  kind: string;
  name: string;
  purpose: string;
  durationMinutes: number;
  competencies: string[];
  kit: { questionId: string; minutes: number }[];
  checklist: string[];
};

function stage(id: string, position: number, name: string, kind = "custom"): TStage {
  return {
    id,
    roleId: ROLE,
    position,
    kind,
    name,
    purpose: "",
    durationMinutes: 45,
    competencies: [],
    kit: [],
    checklist: [],
  };
}

function world(options: { teamRole?: "hiring_manager" | "recruiter"; inUse?: string[] } = {}) {
  const role = {
    id: ROLE,
    title: "Django Engineer",
    level: "senior",
    status: "open",
    scope: "Owns the orders API and its data model.",
    stackTags: ["django"],
    competencyWeights: { "orm-data-modelling": 100 },
    bar: 3,
    createdBy: "mia",
    createdAt: new Date("2026-11-01T00:00:00Z"),
    updatedAt: new Date("2026-11-01T00:00:00Z"),
  };
  let stages: TStage[] = [
    stage("s-screen", 0, "Résumé screen", "resume-screen"),
    stage("s-tech", 1, "Technical screen", "technical-screen"),
    stage("s-culture", 2, "Culture fit", "culture-fit"),
    stage("s-decide", 3, "Hiring decision", "decision"),
  ];
  let team = [{ roleId: ROLE, userId: "mia", teamRole: "hiring_manager" }];
  const audit: { action: string; before?: unknown; after?: unknown }[] = [];
  const scope: TViewerScope = {
    userId: MANAGER.id,
    isAdmin: false,
    teamRoleByRole: new Map([[ROLE, options.teamRole ?? ("hiring_manager" as const)]]),
    assignedApplicationIds: new Set(),
    assignedRoleIds: new Set(),
  };
  let created = 0;
  const rolesRepo = {
    async findRole(id: string) {
      return id === ROLE ? { ...role } : undefined;
    },
    async insertRole(values: Record<string, unknown>) {
      created++;
      return { ...role, ...values, id: ROLE };
    },
    async updateRole(_id: string, patch: Record<string, unknown>) {
      Object.assign(role, patch);
      return { ...role };
    },
    async listStages() {
      return [...stages].sort((a, b) => a.position - b.position);
    },
    async insertStages(roleId: string, rows: Omit<TStage, "id" | "roleId">[]) {
      stages.push(...rows.map((r, i) => ({ ...r, roleId, id: `s-new-${i + 1}` })));
    },
    async updateStage(id: string, values: Partial<TStage>) {
      stages = stages.map((s) => (s.id === id ? { ...s, ...values } : s));
    },
    async deleteStagesExcept(_roleId: string, keep: readonly string[]) {
      stages = stages.filter((s) => keep.includes(s.id));
    },
    async findStagesInUse(ids: readonly string[]) {
      return new Set(ids.filter((id) => options.inUse?.includes(id)));
    },
    async listTeams() {
      return team.map((m) => ({ ...m, name: m.userId, email: `${m.userId}@example.com` }));
    },
    async replaceTeam(roleId: string, members: { userId: string; teamRole: string }[]) {
      team = members.map((m) => ({ ...m, roleId }));
    },
    async findUsers(ids: readonly string[]) {
      return USERS.filter((u) => ids.includes(u.id));
    },
    async findRoleWithDetails(id: string) {
      if (id !== ROLE) return undefined;
      return {
        ...role,
        stages: [...stages].sort((a, b) => a.position - b.position),
        team: team.map((m) => ({ ...m, name: m.userId, email: `${m.userId}@example.com` })),
        counts: [],
      };
    },
  } as unknown as TRolesRepo;
  const service = createRolesService({
    db: { transaction: async (work: (tx: unknown) => unknown) => work({}) } as unknown as TDatabase,
    rolesRepo,
    questionsRepo: { findCurrentVersions: async () => [] },
    viewerScopeRepo: { loadScope: async () => scope },
    auditService: {
      recordEvent: async (_actor, event) => {
        audit.push({ action: event.action, before: event.before, after: event.after });
      },
    },
  });
  return {
    service,
    role,
    audit,
    stages: () => stages,
    team: () => team,
    created: () => created,
  };
}

const asInput = (s: TStage, patch: Partial<{ id: string; name: string }> = {}) => ({
  id: s.id,
  kind: s.kind as "custom",
  name: s.name,
  purpose: s.purpose,
  durationMinutes: s.durationMinutes,
  competencies: [],
  questions: [],
  checklist: [],
  ...patch,
});

describe("roles service (fakes)", () => {
  it("updates a role for whoever leads it, auditing the row before and after", async () => {
    const w = world();
    const role = await w.service.updateRole(
      ROLE,
      { title: "Staff Django Engineer" },
      MANAGER,
      actor,
    );
    expect(role.title).toBe("Staff Django Engineer");
    expect(w.audit).toEqual([
      {
        action: "role.updated",
        before: expect.objectContaining({ title: "Django Engineer" }) as unknown,
        after: expect.objectContaining({ title: "Staff Django Engineer" }) as unknown,
      },
    ]);
  });

  it("refuses a recruiter on the team an edit of the role, its plan or its team", async () => {
    const w = world({ teamRole: "recruiter" });
    const edits = [
      w.service.updateRole(ROLE, { status: "closed" }, MANAGER, actor),
      w.service.replaceStages(ROLE, [], MANAGER, actor),
      w.service.replaceTeam(ROLE, [], MANAGER, actor),
    ];
    for (const edit of edits) expect((await failureOf(edit)).code).toBe("FORBIDDEN");
    expect(w.role.status).toBe("open");
    expect(w.audit).toEqual([]);
  });

  it("renames, reorders and adds stages, keeping the ids of the stages sent back", async () => {
    const w = world();
    const [screen, tech, culture, decide] = w.stages();
    if (!screen || !tech || !culture || !decide) throw new Error("fixture");
    const role = await w.service.replaceStages(
      ROLE,
      [
        asInput(screen),
        asInput(culture, { name: "Team fit" }),
        asInput(tech),
        { ...asInput(tech), id: undefined, name: "Pairing on a bug" },
        asInput(decide),
      ],
      MANAGER,
      actor,
    );
    expect(role.stages.map((s) => [s.id, s.name])).toEqual([
      ["s-screen", "Résumé screen"],
      ["s-culture", "Team fit"],
      ["s-tech", "Technical screen"],
      ["s-new-1", "Pairing on a bug"],
      ["s-decide", "Hiring decision"],
    ]);
    expect(w.audit.map((a) => a.action)).toEqual(["role.plan_updated"]);
  });

  it("will not drop a stage that has applications, and says which; nothing changes", async () => {
    const w = world({ inUse: ["s-tech"] });
    const kept = w.stages().filter((s) => s.id !== "s-tech");
    const refused = await failureOf(
      w.service.replaceStages(
        ROLE,
        kept.map((s) => asInput(s)),
        MANAGER,
        actor,
      ),
    );
    expect(refused.code).toBe("CONFLICT");
    expect(refused.message).toContain('"Technical screen"');
    expect(refused.details).toEqual({ stageIds: ["s-tech"] });
    expect(w.stages().map((s) => s.id)).toContain("s-tech");
    expect(w.audit).toEqual([]);
  });

  it("refuses a stage id from another role, naming its place in the request", async () => {
    const w = world();
    const refused = await failureOf(
      w.service.replaceStages(ROLE, [asInput(stage("s-elsewhere", 0, "Borrowed"))], MANAGER, actor),
    );
    expect(refused.code).toBe("VALIDATION_FAILED");
    expect(refused.fields).toEqual([
      { field: "stages.0.id", message: "is not a stage of this role" },
    ]);
  });

  it("names every bad team member (unknown, disabled, wrong account role) and changes nothing", async () => {
    const w = world();
    const refused = await failureOf(
      w.service.replaceTeam(
        ROLE,
        [
          { userId: "mia", teamRole: "hiring_manager" },
          { userId: "gone", teamRole: "interviewer" },
          { userId: "nobody", teamRole: "interviewer" },
          { userId: "ivan", teamRole: "hiring_manager" },
        ],
        MANAGER,
        actor,
      ),
    );
    expect(refused.fields?.map((f) => f.field)).toEqual([
      "members.1.userId",
      "members.2.userId",
      "members.3.teamRole",
    ]);
    expect(w.team().map((m) => m.userId)).toEqual(["mia"]);
  });

  it("puts a hiring manager who creates a role on its team", async () => {
    const w = world();
    await w.service.createRole(
      {
        title: "Backend Engineer",
        level: "mid",
        scope: "Builds and runs the billing service.",
        stackTags: ["django"],
        competencyWeights: {
          "python-fundamentals": 10,
          "django-architecture": 10,
          "orm-data-modelling": 20,
          "api-design-drf": 10,
          "databases-performance": 10,
          security: 10,
          "scalability-production": 10,
          testing: 10,
          "communication-collaboration": 10,
        },
        stages: [],
        team: [{ userId: "ivan", teamRole: "interviewer" }],
        fromTemplate: false,
      },
      MANAGER,
      actor,
    );
    expect(w.created()).toBe(1);
    expect(w.team()).toEqual([
      { roleId: ROLE, userId: "ivan", teamRole: "interviewer" },
      { roleId: ROLE, userId: "mia", teamRole: "hiring_manager" },
    ]);
    expect(w.audit.map((a) => a.action)).toEqual(["role.created"]);
  });
});
