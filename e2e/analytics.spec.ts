import { AxeBuilder } from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import type { Page } from "@playwright/test";

// The server of this spec starts from `seed-demo` (playwright.config.ts DEMO_SPECS). The figures
// read below for the history role are the ones src/demo/seed-demo.test.ts pins exactly.
const ADMIN = { email: "admin@demo.shortlist.dev", password: "shortlist-demo" };
const LENIENT = { email: "interviewer3@demo.shortlist.dev", password: "shortlist-demo" };
const HISTORY_ROLE = "Django Engineer — Platform";
const WEAK_QUESTION = "Explaining a trade-off to non-engineers";
const SHOTS = "test-results/analytics";
const SECTIONS = ["process", "calibration", "reliability", "questions"];

async function signIn(page: Page, account: { email: string; password: string }) {
  await page.goto("/login");
  await page.getByLabel("E-mail").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}

async function expectNoSeriousViolations(page: Page, include: string) {
  const results = await new AxeBuilder({ page }).include(include).analyze();
  const serious = results.violations.filter(
    (v) => v.impact === "serious" || v.impact === "critical",
  );
  expect(
    serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
    include,
  ).toEqual([]);
}

const tables = (page: Page) => ({
  funnel: page.getByRole("table", { name: "Funnel: applications that reached each stage" }),
  leniency: page.getByRole("table", { name: "Leniency per interviewer (rating points)" }),
  competencies: page.getByRole("table", { name: "Alpha per competency" }),
  questions: page.getByRole("table", { name: "Do the questions work?" }),
});

test("an admin reads the process, calibration, reliability and question reports", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, ADMIN);
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Analytics" })
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Analytics");
  const t = tables(page);

  // Across every role: the lenient demo interviewer and the weak question are flagged.
  await expect(t.leniency.getByRole("row", { name: /Leo Brandt/ })).toContainText(
    "Flagged: lenient",
  );
  await expect(t.questions.getByRole("row", { name: new RegExp(WEAK_QUESTION) })).toContainText(
    "Weak question",
  );

  // One role, whose history is fixed: every figure below is pinned by the seed-demo test.
  const role = page.getByLabel("Role", { exact: true });
  const value = await role.locator("option", { hasText: HISTORY_ROLE }).getAttribute("value");
  await role.selectOption(value ?? "");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(new RegExp(`roleId=${value ?? ""}`));
  await expect(
    t.funnel.getByRole("row", { name: /Technical screen \(call\)/ }).getByRole("cell"),
  ).toHaveText(["16", "6", "38%", "5.0 days", "6.0 days", "0"]);
  await expect(t.leniency.getByRole("row", { name: /Leo Brandt/ }).getByRole("cell")).toHaveText([
    "16",
    /\d+ \/ \d+ \/ \d+ \/ \d+/,
    "+0.88",
    "+0.80 to +0.95",
    "+0.76",
    "64 (16 candidates)",
    "Flagged: lenient",
  ]);
  await expect(
    t.competencies.getByRole("row", { name: /Communication and collaboration/ }).getByRole("cell"),
  ).toHaveText(["0.70", /0\.\d\d to 0\.\d\d/, "48", "Tentative"]);
  const weak = t.questions.getByRole("row", { name: new RegExp(WEAK_QUESTION) });
  await expect(weak.getByRole("cell")).toHaveText([
    "16",
    "3.00",
    "0.67",
    "-0.82",
    /Weak question\s*Revise or retire/,
  ]);
  await expect(t.questions.getByText("Weak question")).toHaveCount(1);
  await expect(page.locator(".recharts-surface").first()).toBeVisible();

  for (const section of SECTIONS)
    await expectNoSeriousViolations(page, `section[aria-labelledby="${section}-heading"]`);
  await page.screenshot({ path: `${SHOTS}/analytics-1280.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  for (const section of SECTIONS)
    await expectNoSeriousViolations(page, `section[aria-labelledby="${section}-heading"]`);
  await page.screenshot({ path: `${SHOTS}/analytics-390.png`, fullPage: true });
});

test("an interviewer gets no analytics: no link, and the address says so", async ({ page }) => {
  await signIn(page, LENIENT);
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Questions" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Analytics" })).toHaveCount(0);
  for (const path of ["/analytics", "/analytics/fairness"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Analytics");
    await expect(page.getByRole("status")).toContainText("You do not have access to analytics");
    await expect(page.getByRole("table")).toHaveCount(0);
  }
  await expectNoSeriousViolations(page, "main");
  await page.screenshot({ path: `${SHOTS}/no-access.png`, fullPage: true });
  for (const report of ["process", "calibration", "reliability", "questions", "fairness"])
    expect((await page.request.get(`/api/analytics/${report}`)).status(), report).toBe(403);
});
