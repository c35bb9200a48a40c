import type { TServices } from "../compose.js";
import { seedDemoRole } from "./demo-hiring.js";
import type { TDemoPeople } from "./demo-hiring.js";
import { seedDemoEvidence } from "./demo-evidence.js";
import { seedDemoFairness } from "./demo-fairness.js";
import { demoRoles } from "./demo-pipeline.js";
import { historyDemoRole } from "./demo-history.js";

/** Demo accounts share one password so someone trying the product can switch roles quickly. */
export const DEMO_PASSWORD = "shortlist-demo";

const DEMO_USERS = [
  { email: "admin@demo.shortlist.dev", name: "Amara Okafor", role: "admin" },
  { email: "recruiter@demo.shortlist.dev", name: "Rui Costa", role: "recruiter" },
  { email: "manager@demo.shortlist.dev", name: "Hana Sato", role: "hiring_manager" },
  { email: "interviewer@demo.shortlist.dev", name: "Ilya Petrov", role: "interviewer" },
  { email: "interviewer2@demo.shortlist.dev", name: "Grace Mensah", role: "interviewer" },
  { email: "interviewer3@demo.shortlist.dev", name: "Leo Brandt", role: "interviewer" },
] as const;

const PEOPLE_BY_EMAIL: Record<string, keyof TDemoPeople> = {
  "admin@demo.shortlist.dev": "admin",
  "recruiter@demo.shortlist.dev": "recruiter",
  "manager@demo.shortlist.dev": "manager",
  "interviewer@demo.shortlist.dev": "interviewer",
  "interviewer2@demo.shortlist.dev": "interviewer2",
  "interviewer3@demo.shortlist.dev": "interviewer3",
};

/**
 * A realistic demo organisation. Idempotent: accounts that already exist are left alone, and a
 * demo role that already exists (by title) is not filled again. Everything goes through the
 * services, so the demo data obeys the same rules and leaves the same audit trail as real use.
 */
export async function seedDemo(
  services: Pick<
    TServices,
    | "authService"
    | "usersRepo"
    | "rolesService"
    | "candidatesService"
    | "applicationsService"
    | "interviewsService"
    | "scorecardsService"
    | "decisionsService"
    | "resumesService"
    | "assessmentsService"
    | "portalService"
    | "fairnessService"
    | "demoHistoryRepo"
  >,
): Promise<string> {
  const created: string[] = [];
  const people: Partial<TDemoPeople> = {};
  for (const demo of DEMO_USERS) {
    let user = await services.usersRepo.findByEmail(demo.email);
    if (!user) {
      await services.authService.createAccount({ ...demo, password: DEMO_PASSWORD });
      created.push(`${demo.email} (${demo.role})`);
      user = await services.usersRepo.findByEmail(demo.email);
    }
    const key = PEOPLE_BY_EMAIL[demo.email];
    if (user && key)
      people[key] = {
        viewer: { id: user.id, role: user.role, name: user.name },
        actor: { userId: user.id, label: user.email },
      };
  }
  const { admin, recruiter, manager, interviewer, interviewer2, interviewer3 } = people;
  if (admin && recruiter && manager && interviewer && interviewer2 && interviewer3) {
    const team = { admin, recruiter, manager, interviewer, interviewer2, interviewer3 };
    const existing = new Set(
      (await services.rolesService.listRoles(admin.viewer, { limit: 100 })).roles.map(
        (r) => r.title,
      ),
    );
    for (const role of demoRoles) {
      if (existing.has(role.title)) continue;
      const roleId = await seedDemoRole(services, team, role);
      await seedDemoEvidence(services, roleId, recruiter);
      created.push(`role "${role.title}" with ${role.candidates.length} candidates`);
    }
    // Months of history for analytics: a third role whose applications are moved into the past.
    const history = historyDemoRole();
    if (!existing.has(history.title)) {
      const roleId = await seedDemoRole(services, team, history);
      await services.demoHistoryRepo.spreadOverMonths({ roleId, spacingDays: 9, now: new Date() });
      created.push(`role "${history.title}" with ${history.candidates.length} past candidates`);
    }
    // After every role exists, so a second run finds every demo candidate answered already.
    const answered = await seedDemoFairness(services, admin.viewer);
    if (answered) created.push(`self-identification answers for ${answered} candidates`);
  }
  return created.length
    ? `Demo organisation ready. Sign in with any of these, password "${DEMO_PASSWORD}":\n  ${created.join("\n  ")}`
    : "The demo organisation was already there; nothing changed.";
}
