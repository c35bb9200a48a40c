import { expect } from "@playwright/test";
import type { APIRequestContext, Browser, BrowserContext, Page } from "@playwright/test";

/** The password every person in these specs signs up with. */
export const PASSWORD = "practical django 2026";

/** A JSON API call as a signed-in browser context. */
export type TApi = <T>(method: "GET" | "POST", url: string, data?: unknown) => Promise<T>;

/** JSON API calls as the signed-in browser context, with the CSRF double-submit header. */
export async function apiAs(request: APIRequestContext): Promise<TApi> {
  const session = await request.get("/api/auth/session");
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  return async <T>(method: "GET" | "POST", url: string, data?: unknown): Promise<T> => {
    const response = await request.fetch(url, {
      method,
      headers: { "x-csrf-token": csrfToken },
      ...(data === undefined ? {} : { data }),
    });
    if (!response.ok())
      throw new Error(`${method} ${url}: ${response.status()} ${await response.text()}`);
    return (await response.json()) as T;
  };
}

/** First-run setup of an empty Shortlist: Ada becomes its admin, signed in through the API. */
export async function setUpAdmin(
  browser: Browser,
): Promise<{ context: BrowserContext; admin: TApi }> {
  const context = await browser.newContext();
  const session = await context.request.get("/api/auth/session");
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const setup = await context.request.post("/api/auth/setup", {
    headers: { "x-csrf-token": csrfToken },
    data: { email: "ada@example.com", name: "Ada Admin", password: PASSWORD },
  });
  expect(setup.status()).toBe(201);
  return { context, admin: await apiAs(context.request) };
}

export type TTeammate = { context: BrowserContext; page: Page; userId: string };

/**
 * The admin invites a teammate, who joins through the invite in their own browser (at `width`
 * px); returns their signed-in page and user id.
 */
export async function inviteAndJoin(
  browser: Browser,
  admin: TApi,
  person: { email: string; name: string; role: "hiring_manager" | "interviewer" | "admin" },
  width = 1280,
): Promise<TTeammate> {
  const { inviteUrl } = await admin<{ inviteUrl: string }>("POST", "/api/invites", person);
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  await page.goto(inviteUrl);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Join Shortlist" }).click();
  const firstName = person.name.split(" ")[0] ?? person.name;
  await expect(page.getByRole("heading", { name: `Welcome, ${firstName}` })).toBeVisible();
  const session = (await (await context.request.get("/api/auth/session")).json()) as {
    user: { id: string };
  };
  return { context, page, userId: session.user.id };
}

/**
 * A role made from its level's template with `team` on it, and Lin Wei applying to it at the
 * technical screen: what a spec about one interview round starts from.
 */
export async function roleWithApplicant(
  admin: TApi,
  role: {
    title: string;
    level: "junior" | "mid" | "senior";
    team: { userId: string; teamRole: "hiring_manager" | "interviewer" }[];
  },
): Promise<{ roleId: string; stageId: string; applicationId: string }> {
  const made = await admin<{ role: { id: string; stages: { id: string; kind: string }[] } }>(
    "POST",
    "/api/roles",
    { ...role, fromTemplate: true },
  );
  const { candidate } = await admin<{ candidate: { id: string } }>("POST", "/api/candidates", {
    name: "Lin Wei",
    email: "lin@example.org",
  });
  const stageId = made.role.stages.find((s) => s.kind === "technical-screen")?.id ?? "";
  const { application } = await admin<{ application: { id: string } }>(
    "POST",
    "/api/applications",
    { candidateId: candidate.id, roleId: made.role.id, stageId },
  );
  return { roleId: made.role.id, stageId, applicationId: application.id };
}
