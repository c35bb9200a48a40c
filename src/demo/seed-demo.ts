import type { TServices } from "../compose.js";

/** Demo accounts share one password so someone trying the product can switch roles quickly. */
export const DEMO_PASSWORD = "shortlist-demo";

const DEMO_USERS = [
  { email: "admin@demo.shortlist.dev", name: "Amara Okafor", role: "admin" },
  { email: "recruiter@demo.shortlist.dev", name: "Rui Costa", role: "recruiter" },
  { email: "manager@demo.shortlist.dev", name: "Hana Sato", role: "hiring_manager" },
  { email: "interviewer@demo.shortlist.dev", name: "Ilya Petrov", role: "interviewer" },
  { email: "interviewer2@demo.shortlist.dev", name: "Grace Mensah", role: "interviewer" },
] as const;

/**
 * A realistic demo organisation. Idempotent: accounts that already exist are left alone. It grows
 * as features land (roles, candidates, scorecards).
 */
export async function seedDemo(
  services: Pick<TServices, "authService" | "usersRepo">,
): Promise<string> {
  const created: string[] = [];
  for (const demo of DEMO_USERS) {
    if (await services.usersRepo.findByEmail(demo.email)) continue;
    await services.authService.createAccount({ ...demo, password: DEMO_PASSWORD });
    created.push(`${demo.email} (${demo.role})`);
  }
  return created.length
    ? `Demo organisation ready. Sign in with any of these, password "${DEMO_PASSWORD}":\n  ${created.join("\n  ")}`
    : "The demo organisation was already there; nothing changed.";
}
