import { daysFromNow } from "../src/test-support/future.js";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { expect, test } from "@playwright/test";
import type { Page } from "@playwright/test";
import { expectNoSeriousViolations } from "./support/axe.js";
import { inviteAndJoin, roleWithApplicant, setUpAdmin } from "./support/team.js";
import { zipFolder } from "./support/zip.js";

const OUT = path.resolve("test-results/design-review");
const PACKS = path.resolve("assessments");
const REFERENCE = path.join(PACKS, "architecture/reference/DESIGN.md");

// One passage of the document per rubric dimension, as a reviewer would copy it from the page.
const QUOTES: [dimension: string, quote: string][] = [
  ["Requirements and estimates", "Parcels: 2.5 M/month ≈ 83 k/day ≈ 1 per second on average"],
  ["Data model and API", "every door event is searchable for two years"],
  ["Scaling, caching and failure modes", "180 M rows over two years"],
  ["Security and operations", "Lockers keep working offline for an hour."],
  ["Reasoning and communication", "Not in scope: courier route planning, payments"],
];

/** Rates every dimension 1–4 with its quote, then submits. */
async function review(page: Page, rating: number) {
  for (const [dimension, quote] of QUOTES) {
    const group = page.getByRole("group", { name: new RegExp(`^${dimension}`) });
    await group
      .getByRole("radiogroup")
      .getByRole("radio")
      .nth(rating - 1)
      .check();
    await group.getByLabel("Quoted passage (evidence)").fill(quote);
  }
  await expect(page.getByTestId("autosave-state")).toHaveText("Draft saved", { timeout: 10_000 });
  await page.getByRole("button", { name: "Submit review" }).click();
  await expect(page.getByText(/Submitted .* and locked/)).toBeVisible();
}

test("a senior candidate takes debug + a design document in one portal; two reviewers review it independently", async ({
  browser,
}) => {
  test.setTimeout(600_000);
  const debugFix = await zipFolder(path.join(PACKS, "debug/reference"), "my-fix", OUT);

  // Setup through the API: an admin, a hiring manager and two interviewers on a senior role.
  const { context: adminContext, admin } = await setUpAdmin(browser);
  const hana = await inviteAndJoin(browser, admin, {
    email: "hana@example.com",
    name: "Hana Meyer",
    role: "hiring_manager",
  });
  const rui = await inviteAndJoin(browser, admin, {
    email: "rui@example.com",
    name: "Rui Costa",
    role: "interviewer",
  });
  const sam = await inviteAndJoin(
    browser,
    admin,
    { email: "sam@example.com", name: "Sam Okafor", role: "interviewer" },
    390,
  );

  const { stageId, applicationId } = await roleWithApplicant(admin, {
    title: "Senior Django Engineer — Lockers",
    level: "senior",
    team: [
      { userId: hana.userId, teamRole: "hiring_manager" },
      { userId: rui.userId, teamRole: "interviewer" },
      { userId: sam.userId, teamRole: "interviewer" },
    ],
  });
  // Assigning the two interviewers to the candidate makes them the document's reviewers.
  await admin("POST", `/api/applications/${applicationId}/interviews`, {
    stageId,
    interviewerIds: [rui.userId, sam.userId],
    scheduledAt: daysFromNow(4),
  });
  // Two parts in one time box: the debugging task, then the design document.
  const sent = await admin<{
    assessment: { id: string; parts: { position: number; pack: { submissionKind: string } }[] };
    candidateUrl: string;
  }>("POST", `/api/applications/${applicationId}/assessments`, {
    parts: [{ packId: "debug" }, { packId: "architecture" }],
    deadlineAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
  });
  const documentPart = sent.assessment.parts.find((p) => p.pack.submissionKind === "document");
  expect(documentPart?.position).toBe(2);
  const reviewUrl = `/assessments/${sent.assessment.id}/parts/2/design-review`;

  // The candidate, on a phone-sized screen: one portal, a part per pack, each with its badge.
  const candidateContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const portal = await candidateContext.newPage();
  // A string, because the spec is compiled without the DOM library.
  const pageWidth = async () =>
    Number(await portal.evaluate("document.documentElement.scrollWidth"));
  await portal.goto(sent.candidateUrl);
  await expect(
    portal.getByRole("heading", { level: 1, name: "Practical assessment in 2 parts" }),
  ).toBeVisible();
  const progress = portal.getByRole("navigation", { name: "Parts" }).getByRole("listitem");
  const badgeOf = (position: number) => progress.nth(position - 1).locator(".badge");
  await expect(progress.nth(0)).toContainText("Part 1: Debugging");
  await expect(progress.nth(1)).toContainText("Part 2: System design");
  await expect(badgeOf(1)).toHaveText("not started");
  await expect(badgeOf(2)).toHaveText("not started");
  const part1 = portal.getByRole("region", { name: /^Part 1:/ });
  const part2 = portal.getByRole("region", { name: /^Part 2:/ });
  await expect(part2.getByText("Instructions for part 2")).toBeVisible();
  // One time box for both: each part says its share of it, not the whole box.
  await expect(part1).toContainText("(about 45 minutes of the shared time)");
  await expect(part2).toContainText("(about 1 hour of the shared time)");
  await expectNoSeriousViolations(portal);
  expect(await pageWidth()).toBeLessThanOrEqual(390);

  await portal.getByRole("button", { name: "Start the assessment" }).click();
  await expect(badgeOf(1)).toHaveText("in progress");
  await expect(badgeOf(2)).toHaveText("in progress");

  await part1.getByLabel("Part 1: your project (.zip)").setInputFiles(debugFix);
  await part1.getByRole("button", { name: "Upload part 1" }).click();
  await expect(part1.getByText(/Version 1 received/)).toBeVisible();
  await expect(badgeOf(1)).toHaveText("handed in");
  await expect(badgeOf(2)).toHaveText("in progress");

  // The document part: an empty file and the wrong file are refused with a message, in part 2.
  const fileInput = part2.getByLabel("Part 2: your design document (.md or .pdf)");
  const empty = path.join(OUT, "empty.md");
  await writeFile(empty, "\n<!-- nothing yet -->\n");
  await fileInput.setInputFiles(empty);
  await part2.getByRole("button", { name: "Send document" }).click();
  await expect(part2.getByRole("alert")).toContainText("The document is empty");
  await fileInput.setInputFiles(debugFix);
  await part2.getByRole("button", { name: "Send document" }).click();
  await expect(part2.getByRole("alert")).toContainText("Upload the design document as one");
  await expect(badgeOf(2)).toHaveText("in progress");

  const reference = await readFile(REFERENCE, "utf8");
  const design = path.join(OUT, "DESIGN.md");
  await writeFile(design, reference);
  await fileInput.setInputFiles(design);
  await part2.getByRole("button", { name: "Send document" }).click();
  await expect(part2.getByText(/Version 1 received/)).toBeVisible();
  await expect(part2.getByRole("alert")).toHaveCount(0);
  const sentList = part2.getByRole("list", { name: "What you sent for part 2" });
  await expect(sentList).toContainText("DESIGN.md");
  await expect(badgeOf(2)).toHaveText("handed in");

  // The same document again, pasted: version 2, which is the one the reviewers read.
  await part2.getByRole("radio", { name: "Paste the text" }).check();
  await part2.getByLabel("Part 2: your design document (Markdown)").fill(reference);
  await part2.getByRole("button", { name: "Send document" }).click();
  await expect(part2.getByText(/Version 2 received/)).toBeVisible();
  await expect(sentList.getByRole("listitem")).toHaveCount(2);
  await expect(sentList.getByRole("listitem").first()).toContainText("design.md");

  // Each upload went to its own part.
  const described = (await (
    await candidateContext.request.get(`/api/portal/${sent.candidateUrl.split("/assess/")[1]}`)
  ).json()) as { assessment: { parts: { submissions: { filename: string }[] }[] } };
  expect(described.assessment.parts.map((part) => part.submissions.map((s) => s.filename))).toEqual(
    [["my-fix.zip"], ["design.md", "DESIGN.md"]],
  );

  await expect(part1.getByRole("list", { name: "Your uploads for part 1" })).toContainText(
    "received and checked",
    { timeout: 240_000 },
  );
  await expectNoSeriousViolations(portal);
  expect(await pageWidth()).toBeLessThanOrEqual(390);
  await portal.screenshot({ path: path.join(OUT, "portal-390-both-parts.png"), fullPage: true });
  await part2
    .getByRole("heading", { name: "2. Send your design document" })
    .scrollIntoViewIfNeeded();
  await portal.screenshot({ path: path.join(OUT, "portal-390-document-part.png") });

  // The hiring manager: the debug report, and the document part's way to its review.
  await hana.page.goto(`/applications/${applicationId}/assessment`);
  const debugReport = hana.page.getByTestId("part-1");
  await expect(debugReport.getByTestId("score")).toHaveText("100", { timeout: 240_000 });
  await expect(debugReport.getByTestId("fix-result")).toHaveText("Full fix");
  await expect(debugReport.getByTestId("fail-to-pass")).toHaveText("6/6");
  await expect(debugReport.getByTestId("pass-to-pass")).toHaveText("23/23");
  // The design document has no automatic score: its versions say their sections were checked.
  const documentReport = hana.page.getByTestId("part-2");
  await expect(documentReport.getByTestId("counting-summary")).toHaveText(
    "Version 2 of 2 counts (the newest); version 1 sections checked.",
  );
  await expect(
    documentReport.getByRole("table", { name: "Uploaded versions of part 2" }),
  ).toContainText("sections checked");
  await expect(documentReport).not.toContainText("/ 100");
  await expectNoSeriousViolations(hana.page, "main");
  await hana.page.screenshot({ path: path.join(OUT, "manager-results.png"), fullPage: true });

  // Rui reviews first; a quote that is not in the document is refused by the server.
  await rui.page.goto(reviewUrl);
  await expect(rui.page.getByRole("heading", { name: "Design review: Lin Wei" })).toBeVisible();
  await expect(rui.page.getByText("Part 2 of 2: System design")).toBeVisible();
  const sections = rui.page.getByRole("list", { name: "Template sections" });
  await expect(sections).toContainText("Caching");
  await expect(rui.page.getByText(/no section missing/)).toBeVisible();
  await expect(rui.page.getByText(/Version 2 · design\.md/)).toBeVisible();
  await expect(rui.page.getByTestId("design-document")).toContainText("Lockerline backend");
  await expect(rui.page.getByText("No other review submitted yet.")).toBeVisible();
  await expectNoSeriousViolations(rui.page);
  const security = rui.page.getByRole("group", { name: /^Security and operations/ });
  await security.getByRole("radiogroup").getByRole("radio").nth(1).check();
  await security
    .getByLabel("Quoted passage (evidence)")
    .fill("Pickup codes are kept in plain text.");
  await expect(rui.page.getByTestId("autosave-state")).toHaveText("Draft saved", {
    timeout: 10_000,
  });
  await rui.page.getByRole("button", { name: "Submit review" }).click();
  await expect(security.getByText("The quote is not in the document")).toBeVisible();
  await review(rui.page, 2);
  await rui.page.screenshot({ path: path.join(OUT, "first-review.png"), fullPage: true });

  // Sam, on his phone, sees no review before submitting his own — not even who wrote it.
  await sam.page.goto(reviewUrl);
  await expect(sam.page.getByText("1 review is hidden until you submit yours")).toBeVisible();
  await expect(sam.page.getByRole("article", { name: "Review by Rui Costa" })).toHaveCount(0);
  await expectNoSeriousViolations(sam.page);
  // At 390 px each section's badge stays on one line ("present · 115 words" wrapped before).
  const badges = sam.page.getByRole("list", { name: "Template sections" }).locator(".badge");
  await expect(badges).toHaveCount(10);
  const heights = new Set<number>();
  for (const badge of await badges.all())
    heights.add(Math.round((await badge.boundingBox())?.height ?? 0));
  expect(heights.size).toBe(1);
  await sam.page.screenshot({ path: path.join(OUT, "second-before.png"), fullPage: true });
  await sam.page.getByRole("heading", { name: "Your review" }).scrollIntoViewIfNeeded();
  await sam.page.screenshot({ path: path.join(OUT, "second-before-form.png") });
  await review(sam.page, 3);
  await expect(sam.page.getByRole("article", { name: "Review by Rui Costa" })).toBeVisible();
  await expect(sam.page.getByRole("article", { name: "Review by Sam Okafor" })).toBeVisible();
  await expect(sam.page.getByText("1 review is hidden")).toHaveCount(0);
  await sam.page.screenshot({ path: path.join(OUT, "second-after.png"), fullPage: true });

  // The hiring manager reads both, from the results page's link to part 2.
  await hana.page.goto(`/applications/${applicationId}/assessment`);
  await hana.page.getByRole("link", { name: "Open the design review of part 2" }).click();
  await expect(hana.page.getByRole("article", { name: /^Review by / })).toHaveCount(2);
  await hana.page.screenshot({ path: path.join(OUT, "manager.png"), fullPage: true });
  await hana.page.getByRole("heading", { name: "Other reviews" }).scrollIntoViewIfNeeded();
  await hana.page.screenshot({ path: path.join(OUT, "manager-reviews.png") });

  for (const context of [candidateContext, hana.context, rui.context, sam.context, adminContext])
    await context.close();
});
