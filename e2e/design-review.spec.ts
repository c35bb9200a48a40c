import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { expect, test } from "@playwright/test";
import type { APIRequestContext, Browser, Page } from "@playwright/test";

const PASSWORD = "practical django 2026";
const OUT = path.resolve("test-results/design-review");
const REFERENCE = path.resolve("assessments/architecture/reference/DESIGN.md");

// One passage of the document per rubric dimension, as a reviewer would copy it from the page.
const QUOTES: [dimension: string, quote: string][] = [
  ["Requirements and estimates", "Parcels: 2.5 M/month ≈ 83 k/day ≈ 1 per second on average"],
  ["Data model and API", "every door event is searchable for two years"],
  ["Scaling, caching and failure modes", "180 M rows over two years"],
  ["Security and operations", "Lockers keep working offline for an hour."],
  ["Reasoning and communication", "Not in scope: courier route planning, payments"],
];

/** JSON API calls as the signed-in browser context, with the CSRF double-submit header. */
async function apiAs(request: APIRequestContext) {
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

/** A teammate joins through their invite in their own browser; returns the page and their id. */
async function join(browser: Browser, inviteUrl: string, firstName: string, width = 1280) {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  await page.goto(inviteUrl);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Join Shortlist" }).click();
  await expect(page.getByRole("heading", { name: `Welcome, ${firstName}` })).toBeVisible();
  const session = (await (await context.request.get("/api/auth/session")).json()) as {
    user: { id: string };
  };
  return { context, page, userId: session.user.id };
}

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

test("a senior candidate's design document is reviewed by two reviewers, independently", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  await mkdir(OUT, { recursive: true });

  // Setup through the API: an admin, a hiring manager and two interviewers on a senior role.
  const adminContext = await browser.newContext();
  const setupSession = await adminContext.request.get("/api/auth/session");
  const setupCsrf = ((await setupSession.json()) as { csrfToken: string }).csrfToken;
  expect(
    (
      await adminContext.request.post("/api/auth/setup", {
        headers: { "x-csrf-token": setupCsrf },
        data: { email: "ada@example.com", name: "Ada Admin", password: PASSWORD },
      })
    ).status(),
  ).toBe(201);
  const admin = await apiAs(adminContext.request);
  const invite = (email: string, name: string, role: string) =>
    admin<{ inviteUrl: string }>("POST", "/api/invites", { email, name, role });
  const hana = await join(
    browser,
    (await invite("hana@example.com", "Hana Meyer", "hiring_manager")).inviteUrl,
    "Hana",
  );
  const rui = await join(
    browser,
    (await invite("rui@example.com", "Rui Costa", "interviewer")).inviteUrl,
    "Rui",
  );
  const sam = await join(
    browser,
    (await invite("sam@example.com", "Sam Okafor", "interviewer")).inviteUrl,
    "Sam",
    390,
  );

  const { role } = await admin<{ role: { id: string; stages: { id: string; kind: string }[] } }>(
    "POST",
    "/api/roles",
    {
      title: "Senior Django Engineer — Lockers",
      level: "senior",
      fromTemplate: true,
      team: [
        { userId: hana.userId, teamRole: "hiring_manager" },
        { userId: rui.userId, teamRole: "interviewer" },
        { userId: sam.userId, teamRole: "interviewer" },
      ],
    },
  );
  const { candidate } = await admin<{ candidate: { id: string } }>("POST", "/api/candidates", {
    name: "Lin Wei",
    email: "lin@example.org",
  });
  const stageId = role.stages.find((s) => s.kind === "technical-screen")?.id;
  const { application } = await admin<{ application: { id: string } }>(
    "POST",
    "/api/applications",
    { candidateId: candidate.id, roleId: role.id, stageId },
  );
  // Assigning the two interviewers to the candidate makes them the document's reviewers.
  await admin("POST", `/api/applications/${application.id}/interviews`, {
    stageId,
    interviewerIds: [rui.userId, sam.userId],
    scheduledAt: "2026-12-10T10:00:00.000Z",
  });
  // The architecture pack as the assessment's one part; the review belongs to that part.
  const sent = await admin<{
    assessment: { id: string; parts: { position: number; pack: { submissionKind: string } }[] };
    candidateUrl: string;
  }>("POST", `/api/applications/${application.id}/assessments`, {
    parts: [{ packId: "architecture" }],
    deadlineAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
  });
  const documentPart = sent.assessment.parts.find((p) => p.pack.submissionKind === "document");
  expect(documentPart?.position).toBe(1);
  const reviewUrl = `/assessments/${sent.assessment.id}/parts/${documentPart?.position}/design-review`;

  // The candidate uploads the design document through the portal: an empty one first.
  const candidateContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const portal = await candidateContext.newPage();
  await portal.goto(sent.candidateUrl);
  await expect(portal.getByRole("heading", { level: 1 })).toContainText("Lockerline");
  await portal.getByRole("button", { name: "Start the assessment" }).click();
  const empty = path.join(OUT, "empty.md");
  await writeFile(empty, "\n<!-- nothing yet -->\n");
  await portal.getByLabel("Your design document (.md or .pdf)").setInputFiles(empty);
  await portal.getByRole("button", { name: "Send document" }).click();
  await expect(portal.getByRole("alert")).toContainText("The document is empty");
  const design = path.join(OUT, "DESIGN.md");
  await writeFile(design, await readFile(REFERENCE));
  await portal.getByLabel("Your design document (.md or .pdf)").setInputFiles(design);
  await portal.getByRole("button", { name: "Send document" }).click();
  await expect(portal.getByText(/Version 1 received/)).toBeVisible();
  await expect(portal.getByRole("list", { name: "What you sent" })).toContainText("DESIGN.md");
  // The upload went to the part: the portal lists it under part 1.
  const described = (await (
    await candidateContext.request.get(`/api/portal/${sent.candidateUrl.split("/assess/")[1]}`)
  ).json()) as { assessment: { parts: { submissions: { filename: string }[] }[] } };
  expect(described.assessment.parts[0]?.submissions.map((s) => s.filename)).toEqual(["DESIGN.md"]);
  await portal.screenshot({ path: path.join(OUT, "portal-sent.png"), fullPage: true });
  await portal
    .getByRole("heading", { name: "2. Send your design document" })
    .scrollIntoViewIfNeeded();
  await portal.screenshot({ path: path.join(OUT, "portal-sent-form.png") });

  // Rui reviews first; a quote that is not in the document is refused by the server.
  await rui.page.goto(reviewUrl);
  await expect(rui.page.getByRole("heading", { name: "Design review: Lin Wei" })).toBeVisible();
  await expect(rui.page.getByRole("list", { name: "Template sections" })).toContainText("Caching");
  await expect(rui.page.getByTestId("design-document")).toContainText("Lockerline backend");
  await expect(rui.page.getByText("No other review submitted yet.")).toBeVisible();
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

  // Sam sees no review before submitting his own — not even who wrote it — then sees both.
  await sam.page.goto(reviewUrl);
  await expect(sam.page.getByText("1 review is hidden until you submit yours")).toBeVisible();
  await expect(sam.page.getByRole("article", { name: "Review by Rui Costa" })).toHaveCount(0);
  await sam.page.screenshot({ path: path.join(OUT, "second-before.png"), fullPage: true });
  await sam.page.getByRole("heading", { name: "Your review" }).scrollIntoViewIfNeeded();
  await sam.page.screenshot({ path: path.join(OUT, "second-before-form.png") });
  await review(sam.page, 3);
  await expect(sam.page.getByRole("article", { name: "Review by Rui Costa" })).toBeVisible();
  await expect(sam.page.getByRole("article", { name: "Review by Sam Okafor" })).toBeVisible();
  await expect(sam.page.getByText("1 review is hidden")).toHaveCount(0);
  await sam.page.screenshot({ path: path.join(OUT, "second-after.png"), fullPage: true });

  // The hiring manager reads both, and reviews from the results page's link.
  await hana.page.goto(`/applications/${application.id}/assessment`);
  await hana.page.getByRole("link", { name: "Open the design review of this document" }).click();
  await expect(hana.page.getByRole("article", { name: /^Review by / })).toHaveCount(2);
  await hana.page.screenshot({ path: path.join(OUT, "manager.png"), fullPage: true });
  await hana.page.screenshot({ path: path.join(OUT, "manager-top.png") });
  await hana.page.getByRole("heading", { name: "Other reviews" }).scrollIntoViewIfNeeded();
  await hana.page.screenshot({ path: path.join(OUT, "manager-reviews.png") });

  for (const context of [candidateContext, hana.context, rui.context, sam.context, adminContext])
    await context.close();
});
