import { AxeBuilder } from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import type { Page } from "@playwright/test";

// The server of this spec starts from `seed-demo` (playwright.config.ts DEMO_SPECS).
const ADMIN = { email: "admin@demo.shortlist.dev", password: "shortlist-demo" };
const SHOTS = "test-results/fairness";

async function signIn(page: Page) {
  await page.goto("/login");
  await page.getByLabel("E-mail").fill(ADMIN.email);
  await page.getByLabel("Password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}

async function expectAccessible(page: Page, include: string) {
  const results = await new AxeBuilder({ page }).include(include).analyze();
  const bad = results.violations.filter((v) =>
    ["serious", "critical", "moderate"].includes(v.impact ?? ""),
  );
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual(
    [],
  );
}

/**
 * An assessment link for a new candidate (so no demo answers yet) in the demo role's technical
 * screen, created and sent by the admin through the API.
 */
async function candidateLink(page: Page): Promise<string> {
  const session = (await (await page.request.get("/api/auth/session")).json()) as {
    csrfToken: string;
  };
  const post = async (url: string, data: unknown) => {
    const response = await page.request.post(url, {
      headers: { "x-csrf-token": session.csrfToken },
      data,
    });
    expect(response.ok(), `${url}: ${await response.text()}`).toBe(true);
    return (await response.json()) as Record<string, { id: string }> & { candidateUrl?: string };
  };
  const roles = (await (await page.request.get("/api/roles")).json()) as {
    roles: { id: string }[];
  };
  const roleId = roles.roles[0]?.id ?? "";
  const role = (await (await page.request.get(`/api/roles/${roleId}`)).json()) as {
    role: { stages: { id: string; kind: string }[] };
  };
  const stageId = role.role.stages.find((s) => s.kind === "technical-screen")?.id;
  const candidate = await post("/api/candidates", {
    name: "Grace Hopper",
    email: "grace.hopper@example.org",
  });
  const application = await post("/api/applications", {
    candidateId: candidate.candidate?.id,
    roleId,
    stageId,
  });
  const sent = await post(`/api/applications/${application.application?.id ?? ""}/assessments`, {
    packId: "rest-api",
    deadlineAt: new Date(Date.now() + 72 * 3_600_000).toISOString(),
  });
  return new URL(sent.candidateUrl ?? "").pathname;
}

test("a candidate answers voluntarily in the portal on a phone, and an admin reads the report", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page);
  const link = await candidateLink(page);

  // The candidate, on a 390 px phone, without an account.
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const portal = await phone.newPage();
  await portal.goto(link);
  const summary = portal.getByText("Help us check that our hiring is fair (optional)");
  await expect(summary).toBeVisible();
  // Closed until the candidate chooses to open it: skipping is doing nothing.
  await expect(portal.getByRole("radio", { name: "Female" })).toBeHidden();
  await summary.click();
  await expect(portal.getByText("the people assessing you never see your answers")).toBeVisible();
  await portal.getByRole("group", { name: "Sex" }).getByRole("radio", { name: "Female" }).check();
  await portal
    .getByRole("group", { name: "Race or ethnicity" })
    .getByRole("radio", { name: "Prefer not to say" })
    .check();
  await portal.getByRole("radio", { name: "No, I do not have a disability" }).check();
  await portal.getByRole("button", { name: "Save my answers" }).click();
  await expect(portal.getByRole("status")).toHaveText("Thank you. Your answers are saved.");
  // Our section only: the instructions above it have a scrollable <pre> axe flags (not ours).
  await expectAccessible(portal, ".self-id");
  await portal.screenshot({ path: `${SHOTS}/portal-390.png`, fullPage: true });

  // Back later: the answers are there, open, and can be changed or deleted.
  await portal.reload();
  await expect(portal.getByRole("radio", { name: "Female" })).toBeChecked();
  await expect(portal.getByRole("radio", { name: "I am a protected veteran" })).not.toBeChecked();
  await portal.getByRole("button", { name: "Clear my answer to “Sex”" }).click();
  await portal.getByRole("button", { name: "Save my changes" }).click();
  await expect(portal.getByRole("status")).toHaveText("Thank you. Your answers are saved.");
  await portal.getByRole("button", { name: "Delete my answers" }).click();
  await expect(portal.getByRole("status")).toHaveText("Your answers are deleted.");
  await portal.reload();
  await expect(portal.getByRole("radio", { name: "Female" })).toBeHidden();
  await phone.close();

  // The admin's report: the demo's groups, the suppressed ones said, the numbers in a table.
  await page.goto("/analytics/fairness");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Fairness: adverse impact");
  const overall = page.getByRole("table", {
    name: "Of every application in the range, who was hired",
  });
  await expect(overall.getByRole("rowheader", { name: "Female", exact: true })).toBeVisible();
  await expect(overall.getByRole("rowheader", { name: "Male", exact: true })).toBeVisible();
  await expect(overall.getByRole("rowheader", { name: "Another way" })).toHaveCount(0);
  await expect(page.getByText(/with fewer than 5 people is not shown/).first()).toBeVisible();
  await expect(page.locator(".recharts-surface").first()).toBeVisible();
  await expectAccessible(page, "main");
  await page.screenshot({ path: `${SHOTS}/report-1280.png`, fullPage: true });
  await page.getByLabel("Category").selectOption("raceEthnicity");
  await expect(overall.getByRole("rowheader", { name: "White" })).toBeVisible();
  await page.setViewportSize({ width: 390, height: 844 });
  await expectAccessible(page, "main");
  await page.screenshot({ path: `${SHOTS}/report-390.png`, fullPage: true });
});
