import { daysFromNow } from "../src/test-support/future.js";
import { expect, test } from "@playwright/test";
import type { Browser, Page } from "@playwright/test";
import { adminLink } from "./support/nav.js";

const PASSWORD = "structured hiring 2026";
const ROLE_TITLE = "Senior Django Engineer — Payments";
const CANDIDATE = { name: "Grace Hopper", email: "grace@example.org" };
const TECH_SCREEN = "Technical screen (call)";
const TEAM = {
  manager: { name: "Hana Meyer", email: "hana@example.com", role: "hiring_manager" },
  first: { name: "Ian Ortiz", email: "ian@example.com", role: "interviewer" },
  second: { name: "Iris Tanaka", email: "iris@example.com", role: "interviewer" },
} as const;

async function invite(admin: Page, person: (typeof TEAM)[keyof typeof TEAM]): Promise<string> {
  await admin.getByLabel("Name", { exact: true }).fill(person.name);
  await admin.getByLabel("E-mail").fill(person.email);
  await admin.getByLabel("Role", { exact: true }).selectOption(person.role);
  await admin.getByRole("button", { name: "Create invite link" }).click();
  await expect(admin.getByText(`Send this link to ${person.email}`)).toBeVisible();
  return admin.getByTestId("invite-link").inputValue();
}

/** Each teammate joins in their own browser context: no shared cookies, like separate laptops. */
async function join(browser: Browser, url: string, firstName: string): Promise<Page> {
  const page = await (
    await browser.newContext({ viewport: { width: 1280, height: 900 } })
  ).newPage();
  await page.goto(url);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Join Shortlist" }).click();
  await expect(page.getByRole("heading", { name: `Welcome, ${firstName}` })).toBeVisible();
  return page;
}

/** Rates every kit question and competency, ticks a signal per question, recommends, submits. */
async function fillAndSubmitScorecard(page: Page, takeaway: string, recommendation: string) {
  const ratings = page.getByRole("group", { name: /^Rating for/ });
  const count = await ratings.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) {
    await ratings.nth(i).getByRole("radio", { name: "3 · Meets the bar" }).check();
  }
  const firstSignal = page.getByRole("group", { name: "Signals of a strong answer" }).first();
  await firstSignal.getByRole("checkbox").first().check();
  const scorecard = page.getByRole("complementary", { name: "Your scorecard" });
  const competencies = scorecard.getByRole("radio", { name: /: 3 · Meets the bar$/ });
  for (let i = 0; i < (await competencies.count()); i++) await competencies.nth(i).check();
  await scorecard.getByLabel("Key takeaways").fill(takeaway);
  await scorecard.getByRole("radio", { name: recommendation, exact: true }).check();
  await expect(scorecard.getByRole("status")).toHaveText("Saved");
  await scorecard.getByRole("button", { name: "Submit scorecard" }).click();
  await expect(scorecard.getByText("It is locked.")).toBeVisible();
  await expect(scorecard.getByRole("button", { name: "Submit a correction" })).toBeVisible();
}

async function openMyKit(page: Page) {
  await page.goto("/");
  const waiting = page.getByRole("region", { name: /Scorecards to submit/ });
  await waiting.getByRole("link", { name: CANDIDATE.name }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    `${TECH_SCREEN}: ${CANDIDATE.name}`,
  );
}

/** Other people's scorecards the API sends this interviewer, checked beside what the UI shows. */
async function othersScorecardsSentTo(page: Page, me: string, applicationId: string) {
  const response = await page.request.get(`/api/applications/${applicationId}/scorecards`);
  expect(response.ok()).toBe(true);
  const body = (await response.json()) as {
    scorecards: { interviewer: { name: string }; keyTakeaways: string }[];
    withheldStageIds: string[];
  };
  return { ...body, scorecards: body.scorecards.filter((s) => s.interviewer.name !== me) };
}

test("a senior role from template to decision, with independent scorecards", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 900 });

  // First-run setup, then the team: a hiring manager and two interviewers.
  await page.goto("/");
  await page.getByLabel("Your name").fill("Ada Lovelace");
  await page.getByLabel("Work e-mail").fill("ada@example.com");
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create admin account" }).click();
  await expect(page.getByRole("heading", { name: "Welcome, Ada" })).toBeVisible();
  await (await adminLink(page, "Team")).click();
  const managerUrl = await invite(page, TEAM.manager);
  const firstUrl = await invite(page, TEAM.first);
  const secondUrl = await invite(page, TEAM.second);
  const manager = await join(browser, managerUrl, "Hana");
  const first = await join(browser, firstUrl, "Ian");
  const second = await join(browser, secondUrl, "Iris");

  // The admin creates a senior role from the template with that team.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Roles" }).click();
  await page.getByRole("link", { name: "New role" }).click();
  await expect(page.getByLabel("Level")).toHaveValue("senior");
  await expect(page.getByLabel("Scope")).not.toHaveValue("");
  await page.getByLabel("Title").fill(ROLE_TITLE);
  await page.getByLabel(`Team role for ${TEAM.manager.name}`).selectOption("hiring_manager");
  await page.getByLabel(`Team role for ${TEAM.first.name}`).selectOption("interviewer");
  await page.getByLabel(`Team role for ${TEAM.second.name}`).selectOption("interviewer");
  await expect(page.getByText("Total 100 of 100")).toBeVisible();
  await page.screenshot({ path: "test-results/hiring-new-role.png", fullPage: true });
  await page.getByRole("button", { name: "Create role" }).click();
  await expect(page.getByRole("heading", { level: 1, name: ROLE_TITLE })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Interview plan" })).toBeVisible();

  // A candidate joins the pipeline and moves from the resume screen to the screening call.
  await page.getByText("Add a candidate").click();
  const form = page.getByRole("form", { name: "Add a candidate" });
  await form.getByLabel("Name").fill(CANDIDATE.name);
  await form.getByLabel("E-mail").fill(CANDIDATE.email);
  await form.getByLabel("GitHub").fill("https://github.com/gracehopper");
  await form.getByLabel("Résumé (optional)").setInputFiles({
    name: "grace-hopper.txt",
    mimeType: "text/plain",
    buffer: Buffer.from(
      `${CANDIDATE.name}\nBackend engineer, 9 years of Python and Django.\nBuilt REST APIs with Django REST Framework on PostgreSQL.\n`,
    ),
  });
  await form.getByRole("button", { name: "Add candidate to this role" }).click();
  await expect(form.getByText(`${CANDIDATE.name} was added to the first stage.`)).toBeVisible();
  // The resume given with the new candidate is stored and read for the screen.
  const found = await page.request.get(`/api/candidates?q=${encodeURIComponent(CANDIDATE.email)}`);
  const candidateId =
    ((await found.json()) as { candidates: { id: string }[] }).candidates[0]?.id ?? "";
  await expect
    .poll(async () => (await page.request.get(`/api/candidates/${candidateId}/resume`)).status())
    .toBe(200);
  const resume = (await (
    await page.request.get(`/api/candidates/${candidateId}/resume`)
  ).json()) as {
    resume: { filename: string; format: string };
  };
  expect(resume.resume).toMatchObject({ filename: "grace-hopper.txt", format: "txt" });

  // Global search from the keyboard: "/" opens it, arrows and Enter open the candidate.
  const rolePath = new URL(page.url()).pathname;
  await page.locator("body").press("/");
  const search = page.getByRole("combobox", { name: "Find a role or candidate" });
  await expect(search).toBeFocused();
  await search.fill(CANDIDATE.name.split(" ")[0] ?? CANDIDATE.name);
  await expect(page.getByRole("option", { name: new RegExp(CANDIDATE.name) })).toBeVisible();
  await search.press("ArrowDown");
  await search.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: CANDIDATE.name })).toBeVisible();
  await page.goto(rolePath);
  await expect(page.getByRole("heading", { level: 1, name: ROLE_TITLE })).toBeVisible();
  const resumeColumn = page.getByRole("list", { name: "Résumé screen applications" });
  await expect(resumeColumn.getByRole("link", { name: CANDIDATE.name })).toBeVisible();
  await page.getByRole("button", { name: `Move ${CANDIDATE.name} to ${TECH_SCREEN}` }).click();
  const techColumn = page.getByRole("list", { name: `${TECH_SCREEN} applications` });
  await expect(techColumn.getByRole("link", { name: CANDIDATE.name })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "moved to" })).toHaveText(
    `${CANDIDATE.name} moved to ${TECH_SCREEN}.`,
  );
  await page.screenshot({ path: "test-results/hiring-pipeline-board.png", fullPage: true });

  // Both interviewers are assigned to the technical screening call.
  await techColumn.getByRole("link", { name: CANDIDATE.name }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    `${CANDIDATE.name} — ${ROLE_TITLE}`,
  );
  const applicationId = page.url().split("/applications/")[1] ?? "";
  await expect(page.getByLabel("Stage", { exact: true })).toHaveValue(/.+/);
  await page.getByLabel("Stage", { exact: true }).selectOption({ label: TECH_SCREEN });
  await page.getByLabel("Date and time").fill(daysFromNow(2).slice(0, 16));
  await page.getByRole("checkbox", { name: TEAM.first.name }).check();
  await page.getByRole("checkbox", { name: TEAM.second.name }).check();
  await page.getByRole("button", { name: "Schedule" }).click();
  await expect(
    page.getByText(`Scheduled ${TEAM.first.name} and ${TEAM.second.name}.`),
  ).toBeVisible();

  // Interviewer 2 starts a draft in two tabs: the stale tab is told, and loads the newer draft.
  await openMyKit(second);
  const staleTab = await second.context().newPage();
  await staleTab.goto(second.url());
  const takeaways = (tab: Page) =>
    tab.getByRole("complementary", { name: "Your scorecard" }).getByLabel("Key takeaways");
  await takeaways(staleTab).waitFor();
  await takeaways(second).fill("Draft thoughts from Iris");
  await expect(second.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();
  await takeaways(staleTab).fill("Typed in an old tab");
  await expect(staleTab.getByRole("alert")).toContainText("saved elsewhere");
  await expect(staleTab.getByRole("status").filter({ hasText: /newer version/ })).toBeVisible();
  await staleTab.getByRole("button", { name: "Load the newer version" }).click();
  await expect(takeaways(staleTab)).toHaveValue("Draft thoughts from Iris");
  await staleTab.close();

  await openMyKit(first);
  await expect(first.getByText("question v1").first()).toBeVisible();
  await expect(first.getByText("Hidden until you submit your own scorecard")).toBeVisible();
  const beforeFirst = await othersScorecardsSentTo(first, TEAM.first.name, applicationId);
  expect(beforeFirst.scorecards).toEqual([]);
  expect(JSON.stringify(beforeFirst)).not.toContain("Draft thoughts from Iris");
  await fillAndSubmitScorecard(
    first,
    "Explains ORM trade-offs clearly; strong on testing.",
    "Strong yes",
  );
  await first
    .getByRole("region", { name: "Your scorecard" })
    .or(first.getByRole("complementary", { name: "Your scorecard" }))
    .scrollIntoViewIfNeeded();
  await first.screenshot({ path: "test-results/hiring-interview-kit.png", fullPage: false });

  // Interviewer 2 still cannot read interviewer 1's submitted scorecard, in the UI or the API.
  await second.reload();
  await expect(second.getByRole("heading", { level: 1 })).toHaveText(
    `${TECH_SCREEN}: ${CANDIDATE.name}`,
  );
  await expect(second.getByText("Hidden until you submit your own scorecard")).toBeVisible();
  await expect(second.getByText("Explains ORM trade-offs")).toHaveCount(0);
  const beforeSecond = await othersScorecardsSentTo(second, TEAM.second.name, applicationId);
  expect(beforeSecond.scorecards).toEqual([]);
  expect(beforeSecond.withheldStageIds).toHaveLength(1);
  await expect(second.getByText("At least one is already in.")).toBeVisible();
  expect(JSON.stringify(beforeSecond)).not.toContain("Explains ORM trade-offs");
  const candidateAsInterviewer = await second.request.get(`/api/candidates?q=Grace`);
  expect(await candidateAsInterviewer.text()).not.toContain(CANDIDATE.email);
  await fillAndSubmitScorecard(second, "Good Django depth, thinner on caching.", "Yes");
  await expect(
    second.getByRole("article", { name: `Scorecard by ${TEAM.first.name}` }),
  ).toBeVisible();

  // The hiring manager sees both side by side and decides.
  await manager.goto("/");
  const decisions = manager.getByRole("region", { name: /Decisions to make/ });
  await expect(decisions.getByRole("link", { name: CANDIDATE.name })).toBeVisible();
  await manager.screenshot({ path: "test-results/hiring-dashboard.png", fullPage: true });
  await decisions.getByRole("link", { name: CANDIDATE.name }).click();
  const decision = manager.getByRole("region", { name: "Decision" });
  await expect(
    decision.getByRole("article", { name: `Scorecard by ${TEAM.first.name}` }),
  ).toBeVisible();
  await expect(
    decision.getByRole("article", { name: `Scorecard by ${TEAM.second.name}` }),
  ).toBeVisible();
  await expect(decision.getByRole("table", { name: "Recommendations" })).toContainText(
    "Strong yes1",
  );
  await decision.getByRole("radio", { name: "Advance to the next stage" }).check();
  await decision
    .getByLabel("Rationale")
    .fill("Both interviewers saw solid ORM and testing depth; advance to the practical task.");
  await decision.getByRole("button", { name: "Record decision" }).click();
  await expect(decision.getByText("Decision recorded: Advance to the next stage.")).toBeVisible();
  await expect(manager.locator(".stepper [aria-current=step]")).toHaveText("Practical assessment");
  await decision.scrollIntoViewIfNeeded();
  await manager.screenshot({ path: "test-results/hiring-decision.png", fullPage: true });

  // The profile shows contact details to the hiring manager and not to an interviewer.
  await manager.getByRole("link", { name: "Candidate profile" }).click();
  await expect(manager.getByRole("heading", { level: 1, name: CANDIDATE.name })).toBeVisible();
  await expect(manager.getByRole("link", { name: CANDIDATE.email })).toBeVisible();
  await second.goto(manager.url());
  await expect(
    second.getByText("Shared with the role’s recruiters and hiring managers only."),
  ).toBeVisible();
  await expect(second.getByText(CANDIDATE.email)).toHaveCount(0);

  // The question bank: search, read the anchors per level and the version history.
  await manager
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Questions" })
    .click();
  await manager.getByLabel("Search").fill("decorators");
  await manager.getByRole("link", { name: "Decorators and where Django uses them" }).click();
  await expect(manager.getByRole("table")).toContainText("3 · Meets the bar");
  await expect(manager.getByRole("heading", { name: "Version history" })).toBeVisible();
  await manager.getByRole("button", { name: "Edit question" }).click();
  await manager.getByLabel("Suggested minutes").fill("9");
  await manager.getByLabel("What changed").fill("Give the decorator question more time");
  await manager.getByRole("button", { name: "Save new version" }).click();
  await expect(manager.getByText("Saved as version 2.")).toBeVisible();
  await expect(manager.getByText("Give the decorator question more time")).toBeVisible();

  // The hiring manager edits the plan: a deep-dive question goes, the change is saved.
  await manager
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Roles" })
    .click();
  await manager.getByRole("link", { name: ROLE_TITLE }).click();
  await manager.getByRole("button", { name: "Edit plan" }).click();
  await manager.getByRole("button", { name: "Remove Caching strategy and invalidation" }).click();
  await manager.getByRole("button", { name: "Move select_related vs prefetch_related up" }).click();
  await manager.getByRole("button", { name: "Save plan" }).click();
  await expect(manager.getByText("The interview plan was saved.")).toBeVisible();
  await expect(manager.getByText("Caching strategy and invalidation")).toHaveCount(0);

  // A submitted scorecard is corrected as a new version, with the reason kept.
  const mine = first.getByRole("complementary", { name: "Your scorecard" });
  await mine.getByRole("button", { name: "Submit a correction" }).click();
  await mine.getByRole("radio", { name: "Yes", exact: true }).check();
  await mine
    .getByLabel("Why the correction")
    .fill("Re-read my notes: the caching answer was weaker.");
  await mine.getByRole("button", { name: "Submit correction" }).click();
  await expect(mine.getByText("(version 2). It is locked.")).toBeVisible();
});
