import { AxeBuilder } from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import type { Browser, Page } from "@playwright/test";
import { apiAs } from "./support/team.js";
import type { TApi } from "./support/team.js";

// The server of this spec starts from `seed-demo` (playwright.config.ts DEMO_SPECS). Every route
// page of web/src is visited as the demo role that can see it, at 1280 and 390 px, and axe-core
// must find no serious, critical or moderate violation on it. The first-run setup page cannot be
// reached on a seeded organisation; foundation.spec.ts runs axe on it.
const PASSWORD = "shortlist-demo";
const SHOTS = "test-results/accessibility";
const WIDTHS = [1280, 390] as const;
const BLOCKING = new Set(["moderate", "serious", "critical"]);

/** Per page and width: how many violations of each impact axe found (printed at the end). */
const counts: string[] = [];

async function signIn(page: Page, who: string) {
  await page.goto("/login");
  await page.getByLabel("E-mail").fill(`${who}@demo.shortlist.dev`);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeAttached();
}

async function signedIn(browser: Browser, who: string): Promise<{ page: Page; api: TApi }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await signIn(page, who);
  return { page, api: await apiAs(context.request) };
}

/** The page has settled: its heading is shown, nothing says Loading, the network is quiet. */
async function settled(page: Page) {
  await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
  await page.waitForLoadState("networkidle");
  await expect(page.getByText(/^Loading/)).toHaveCount(0);
}

/** axe at both widths: 0 moderate, serious or critical violations; counts kept for the log. */
async function audit(page: Page, name: string, url: string) {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(url);
    await settled(page);
    const results = await new AxeBuilder({ page }).analyze();
    const byImpact: Record<string, number> = {};
    for (const v of results.violations)
      byImpact[v.impact ?? "none"] = (byImpact[v.impact ?? "none"] ?? 0) + v.nodes.length;
    counts.push(`${name} @${width}: ${JSON.stringify(byImpact)}`);
    const blocking = results.violations.filter((v) => BLOCKING.has(v.impact ?? ""));
    expect
      .soft(
        blocking.map(
          (v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
        ),
        `${name} at ${width} px`,
      )
      .toEqual([]);
  }
}

type TRole = { id: string; title: string };
type TCandidate = { id: string; applications: { id: string; roleId: string }[] };

test.afterAll(() => {
  console.log(`axe violations (nodes) per page:\n  ${counts.join("\n  ")}`);
});

test("signed-out pages: login and invite accept", async ({ browser }) => {
  const { api } = await signedIn(browser, "admin");
  const { inviteUrl } = await api<{ inviteUrl: string }>("POST", "/api/invites", {
    email: "new.person@example.org",
    name: "New Person",
    role: "interviewer",
  });
  const page = await (await browser.newContext()).newPage();
  await audit(page, "login", "/login");
  await audit(page, "invite accept", new URL(inviteUrl).pathname);
});

test("every page an admin can open", async ({ browser }) => {
  // About 2 minutes alone; CI runs this beside vitest on two cores, where it took over 5.
  test.setTimeout(720_000);
  const { page, api } = await signedIn(browser, "admin");
  const { roles } = await api<{ roles: TRole[] }>("GET", "/api/roles");
  const role = roles[0];
  if (!role) throw new Error("the demo has no role");
  const { candidates } = await api<{ candidates: TCandidate[] }>("GET", "/api/candidates");
  // An application whose assessment was graded (seed-demo submits some), for the results page.
  let graded: { applicationId: string; assessmentId: string } | undefined;
  for (const candidate of candidates) {
    for (const application of candidate.applications) {
      const { assessments } = await api<{ assessments: { id: string }[] }>(
        "GET",
        `/api/applications/${application.id}/assessments`,
      );
      if (assessments[0])
        graded = { applicationId: application.id, assessmentId: assessments[0].id };
      if (graded) break;
    }
    if (graded) break;
  }
  if (!graded) throw new Error("the demo has no assessment");
  const candidate = candidates.find((c: TCandidate) => c.applications.length > 0);
  const applicationId = candidate?.applications[0]?.id ?? "";
  const { questions } = await api<{ questions: { id: string }[] }>("GET", "/api/questions");
  // A two-part assessment with a design part, for the design review page.
  const sent = await api<{ assessment: { id: string } }>(
    "POST",
    `/api/applications/${applicationId}/assessments`,
    {
      parts: [{ packId: "debug" }, { packId: "architecture" }],
      deadlineAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
    },
  );
  const pages: [string, string][] = [
    ["dashboard", "/"],
    ["roles", "/roles"],
    ["new role", "/roles/new"],
    ["role", `/roles/${role.id}`],
    ["shortlist", `/roles/${role.id}/shortlist`],
    ["role screening", `/roles/${role.id}/screening`],
    ["candidates", "/candidates"],
    ["candidate", `/candidates/${candidate?.id ?? ""}`],
    ["application", `/applications/${applicationId}`],
    ["application screening", `/applications/${applicationId}/screening`],
    ["assessment results", `/applications/${graded.applicationId}/assessment`],
    ["design review", `/assessments/${sent.assessment.id}/parts/2/design-review`],
    ["questions", "/questions"],
    ["question", `/questions/${questions[0]?.id ?? ""}`],
    ["screening", "/screening"],
    ["analytics", "/analytics"],
    ["fairness", "/analytics/fairness"],
    ["team", "/team"],
    ["audit log", "/audit"],
    ["privacy", "/privacy"],
    ["API tokens", "/settings/api-tokens"],
    ["sessions", "/settings/sessions"],
    ["calendar feed", "/settings/calendar"],
    ["notifications", "/notifications"],
    ["notification settings", "/settings/notifications"],
    ["outbox", "/mail/outbox"],
    ["e-mail templates", "/mail/templates"],
    ["webhooks", "/webhooks"],
    ["background jobs", "/background-jobs"],
  ];
  for (const [name, url] of pages) await audit(page, name, url);
});

test("an interviewer's dashboard and interview kit on a phone; a hiring manager's dashboard", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const { page, api } = await signedIn(browser, "interviewer");
  const { interviews } = await api<{ interviews: { id: string }[] }>("GET", "/api/me/interviews");
  const interviewId = interviews[0]?.id ?? "";
  await audit(page, "interviewer dashboard", "/");
  await audit(page, "interview kit", `/interviews/${interviewId}`);

  // A phone: the kit does not scroll sideways, and from a question one tap reaches the scorecard.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/interviews/${interviewId}`);
  await settled(page);
  await page.screenshot({ path: `${SHOTS}/kit-390.png`, fullPage: false });
  expect(await noSidewaysScroll(page)).toBe(true);
  const question = page.locator(".kit-questions > li").nth(2);
  await question.scrollIntoViewIfNeeded();
  await page.getByRole("link", { name: /^Scorecard/ }).click();
  await expect(page.getByRole("heading", { name: "Your scorecard", level: 2 })).toBeInViewport();
  await page.screenshot({ path: `${SHOTS}/kit-390-scorecard.png` });
  // The nav folds behind one Menu button on a phone.
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav).toBeHidden();
  await page.getByRole("button", { name: "Menu" }).click();
  await expect(nav).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/nav-390-open.png` });

  const manager = await signedIn(browser, "manager");
  await audit(manager.page, "hiring manager dashboard", "/");
  await manager.page.setViewportSize({ width: 1280, height: 900 });
  await manager.page.goto("/");
  await settled(manager.page);
  await manager.page.screenshot({ path: `${SHOTS}/manager-1280.png` });
  // At 1280 px the bar keeps to one row: the person's settings fold under their name.
  expect(await topBarHeight(manager.page)).toBeLessThan(80);
  const admin = await signedIn(browser, "admin");
  await admin.page.setViewportSize({ width: 1280, height: 900 });
  await admin.page.goto("/");
  await settled(admin.page);
  // The admin's pages fold under Admin; Escape closes the fold and gives focus back to it.
  expect(await topBarHeight(admin.page)).toBeLessThan(80);
  const fold = admin.page.getByRole("navigation", { name: "Main" }).locator("summary");
  await fold.click();
  await expect(admin.page.getByRole("link", { name: "Audit log" })).toBeVisible();
  await admin.page.keyboard.press("Escape");
  await expect(admin.page.getByRole("link", { name: "Audit log" })).toBeHidden();
  await expect(fold).toBeFocused();
  await admin.page.screenshot({ path: `${SHOTS}/admin-1280.png` });
});

async function topBarHeight(page: Page) {
  return page.evaluate<number>(
    'document.querySelector(".topbar")?.getBoundingClientRect().height ?? 0',
  );
}

async function noSidewaysScroll(page: Page) {
  // The e2e project has no DOM types: the check runs as a string in the page.
  return page.evaluate<boolean>(
    "(document.scrollingElement?.scrollWidth ?? Infinity) <= window.innerWidth",
  );
}

test("the candidate portal, before and after Start, at 1280 and 390 px", async ({ browser }) => {
  test.setTimeout(120_000);
  const { api } = await signedIn(browser, "admin");
  const { candidate } = await api<{ candidate: { id: string } }>("POST", "/api/candidates", {
    name: "Portal Person",
    email: "portal.person@example.org",
  });
  const { roles } = await api<{ roles: (TRole & { stages: { id: string; kind: string }[] })[] }>(
    "GET",
    "/api/roles",
  );
  const role = roles[0];
  const { application } = await api<{ application: { id: string } }>("POST", "/api/applications", {
    candidateId: candidate.id,
    roleId: role?.id,
    stageId: role?.stages.find((s: { id: string; kind: string }) => s.kind === "technical-screen")
      ?.id,
  });
  const { candidateUrl } = await api<{ candidateUrl: string }>(
    "POST",
    `/api/applications/${application.id}/assessments`,
    { packId: "rest-api", deadlineAt: new Date(Date.now() + 3 * 86_400_000).toISOString() },
  );
  const portalPath = new URL(candidateUrl).pathname;
  const page = await (await browser.newContext()).newPage();
  await audit(page, "portal before Start", portalPath);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(portalPath);
  await settled(page);
  await page
    .getByRole("button", { name: /^Start/ })
    .first()
    .click();
  await expect(page.getByLabel(/zip/i).first()).toBeAttached();
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: `${SHOTS}/portal-390-started.png`, fullPage: true });
  expect(await noSidewaysScroll(page)).toBe(true);
  await audit(page, "portal after Start", portalPath);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(portalPath);
  await settled(page);
  expect(await noSidewaysScroll(page)).toBe(true);
});
