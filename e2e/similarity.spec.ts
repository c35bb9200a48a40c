import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { expect, test } from "@playwright/test";
import type { APIRequestContext, Browser } from "@playwright/test";
import yazl from "yazl";
import { renamedReferenceFiles } from "../src/test-support/similarity-submissions.js";

const PASSWORD = "practical django 2026";
const REFERENCE = path.resolve("assessments/rest-api/reference");
const OUT = path.resolve("test-results/similarity");

/** The reference project zipped under `top/`, with some files replaced. */
async function buildZip(top: string, replaced: Record<string, string> = {}): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  async function add(relative: string) {
    for (const entry of await readdir(path.join(REFERENCE, relative), { withFileTypes: true })) {
      if (["__pycache__", ".pytest_cache", "db.sqlite3"].includes(entry.name)) continue;
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await add(child);
      else
        zip.addBuffer(
          Buffer.from(replaced[child] ?? (await readFile(path.join(REFERENCE, child)))),
          `${top}/${child}`,
        );
    }
  }
  await add("");
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function csrfOf(request: APIRequestContext): Promise<string> {
  const session = await request.get("/api/auth/session");
  return ((await session.json()) as { csrfToken: string }).csrfToken;
}

/** JSON API calls as a browser context, with the CSRF header. */
async function apiAs(request: APIRequestContext) {
  const csrfToken = await csrfOf(request);
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

/** A candidate with no account: opens the link, starts, uploads the zip (the portal's API). */
async function candidateSubmits(browser: Browser, link: string, zip: Buffer) {
  const context = await browser.newContext();
  const token = link.split("/assess/")[1] ?? "";
  const csrf = await csrfOf(context.request);
  const start = await context.request.post(`/api/portal/${token}/start`, {
    headers: { "x-csrf-token": csrf },
  });
  expect(start.status()).toBe(200);
  const upload = await context.request.post(`/api/portal/${token}/parts/1/submissions`, {
    headers: { "x-csrf-token": csrf },
    multipart: { file: { name: "solution.zip", mimeType: "application/zip", buffer: zip } },
  });
  expect(upload.status(), await upload.text()).toBe(201);
  await context.close();
}

test("the hiring manager sees a renamed copy matched, with the shared code side by side", async ({
  browser,
}) => {
  test.setTimeout(300_000);
  await mkdir(OUT, { recursive: true });
  const original = await buildZip("grace-solution");
  const renamed = await buildZip("alan-solution", await renamedReferenceFiles(REFERENCE));

  // Setup through the API: an admin, a hiring manager on the role's team, two candidates.
  const adminContext = await browser.newContext();
  const setupCsrf = await csrfOf(adminContext.request);
  expect(
    (
      await adminContext.request.post("/api/auth/setup", {
        headers: { "x-csrf-token": setupCsrf },
        data: { email: "ada@example.com", name: "Ada Admin", password: PASSWORD },
      })
    ).status(),
  ).toBe(201);
  const admin = await apiAs(adminContext.request);
  const { inviteUrl } = await admin<{ inviteUrl: string }>("POST", "/api/invites", {
    email: "hana@example.com",
    name: "Hana Meyer",
    role: "hiring_manager",
  });
  const managerContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const manager = await managerContext.newPage();
  await manager.goto(inviteUrl);
  await manager.getByLabel("Password").fill(PASSWORD);
  await manager.getByRole("button", { name: "Join Shortlist" }).click();
  await expect(manager.getByRole("heading", { name: "Welcome, Hana" })).toBeVisible();
  const hana = (await (await managerContext.request.get("/api/auth/session")).json()) as {
    user: { id: string };
  };
  const { role } = await admin<{ role: { id: string; stages: { id: string; kind: string }[] } }>(
    "POST",
    "/api/roles",
    {
      title: "Django Engineer — Platform",
      level: "mid",
      fromTemplate: true,
      team: [{ userId: hana.user.id, teamRole: "hiring_manager" }],
    },
  );
  const stageId = role.stages.find((s) => s.kind === "practical-assessment")?.id;
  const applicationOf = async (name: string, email: string) => {
    const { candidate } = await admin<{ candidate: { id: string } }>("POST", "/api/candidates", {
      name,
      email,
    });
    const { application } = await admin<{ application: { id: string } }>(
      "POST",
      "/api/applications",
      { candidateId: candidate.id, roleId: role.id, stageId },
    );
    const sent = await admin<{ assessment: { id: string }; candidateUrl: string }>(
      "POST",
      `/api/applications/${application.id}/assessments`,
      { packId: "rest-api", deadlineAt: new Date(Date.now() + 3 * 86_400_000).toISOString() },
    );
    return {
      applicationId: application.id,
      assessmentId: sent.assessment.id,
      link: sent.candidateUrl,
    };
  };
  const grace = await applicationOf("Grace Hopper", "grace@example.org");
  const alan = await applicationOf("Alan Turing", "alan@example.org");

  // Grace hands in first; Alan later, with every name he could change changed.
  const graded = async (assessmentId: string) =>
    expect
      .poll(
        async () => {
          const { assessment } = await admin<{
            assessment: {
              parts: { submissions: { latestGrading: { status: string } | null }[] }[];
            };
          }>("GET", `/api/assessments/${assessmentId}`);
          return assessment.parts[0]?.submissions[0]?.latestGrading?.status;
        },
        { timeout: 180_000, intervals: [1000] },
      )
      .toBe("graded");
  await candidateSubmits(browser, grace.link, original);
  await graded(grace.assessmentId);
  await candidateSubmits(browser, alan.link, renamed);
  await graded(alan.assessmentId);

  // The hiring manager opens Alan's report: the panel names Grace (same role) with a percentage.
  await manager.goto(`/applications/${alan.applicationId}/assessment`);
  await expect(manager.getByTestId("score")).toBeVisible({ timeout: 30_000 });
  const panel = manager.getByTestId("similarity");
  await expect(panel.getByRole("heading", { name: "Similar submissions" })).toBeVisible();
  await expect(panel).toContainText("never a penalty");
  const match = panel.getByTestId("similarity-match").first();
  await expect(match).toContainText(/(9\d|100)% similar/, { timeout: 30_000 });
  await expect(match.getByRole("link", { name: "Grace Hopper" })).toBeVisible();

  await panel.screenshot({ path: path.join(OUT, "similarity-panel.png") });
  // The largest regions first; the rest one click away.
  const more = match.getByRole("button", { name: /Show \d+ more shared region/ });
  if (await more.isVisible()) {
    const before = await match.locator(".similarity-region").count();
    await more.click();
    expect(await match.locator(".similarity-region").count()).toBeGreaterThan(before);
  }

  // The shared regions side by side: Alan's renamed view beside Grace's original.
  const mine = match.getByLabel(/^This submission: tasks\/views\.py/).first();
  const theirs = match.getByLabel(/^The other submission: tasks\/views\.py/).first();
  await expect(mine).toContainText("TodoEndpoint");
  await expect(theirs).toContainText("TaskViewSet");
  await expect(mine.locator(".similarity-line.matched").first()).toBeVisible();
  await manager.screenshot({ path: path.join(OUT, "similarity-report.png"), fullPage: true });
  // The score is untouched by the match: the same 100 as an original would get.
  await expect(manager.getByTestId("score")).toHaveText("100");

  // At phone width the two sides stack.
  await manager.setViewportSize({ width: 390, height: 844 });
  await panel.getByRole("heading", { name: "Similar submissions" }).scrollIntoViewIfNeeded();
  await manager.screenshot({ path: path.join(OUT, "similarity-panel-390.png") });
  const [left, right] = [await mine.boundingBox(), await theirs.boundingBox()];
  expect(left && right && right.y > left.y).toBe(true);

  await writeFile(path.join(OUT, "done.txt"), "ok\n");
  await managerContext.close();
  await adminContext.close();
});
