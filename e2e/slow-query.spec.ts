import { mkdir, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { expect, test } from "@playwright/test";
import type { APIRequestContext } from "@playwright/test";
import yazl from "yazl";

const PASSWORD = "practical django 2026";
const REFERENCE = path.resolve("assessments/slow-query/starter");
const OUT = path.resolve("test-results/slow-query");

/** The pack's starter, unchanged, zipped like a candidate would: the slow code the report explains. */
async function buildReferenceZip(): Promise<string> {
  const zip = new yazl.ZipFile();
  async function add(relative: string) {
    for (const entry of await readdir(path.join(REFERENCE, relative), { withFileTypes: true })) {
      if (["__pycache__", ".pytest_cache", "db.sqlite3"].includes(entry.name)) continue;
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await add(child);
      else zip.addFile(path.join(REFERENCE, child), `my-solution/${child}`);
    }
  }
  await add("");
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  await mkdir(OUT, { recursive: true });
  const file = path.join(OUT, "starter-as-submitted.zip");
  await writeFile(file, Buffer.concat(chunks));
  return file;
}

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

test("a hiring manager sees the statements the server counted and the plans for a slow-query submission", async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const zipFile = await buildReferenceZip();

  // Setup through the API: an admin, a hiring manager on a role's team, a candidate applying.
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
  const { candidate } = await admin<{ candidate: { id: string } }>("POST", "/api/candidates", {
    name: "Grace Hopper",
    email: "grace@example.org",
  });
  const { application } = await admin<{ application: { id: string } }>(
    "POST",
    "/api/applications",
    {
      candidateId: candidate.id,
      roleId: role.id,
      stageId: role.stages.find((s) => s.kind === "practical-assessment")?.id,
    },
  );

  await manager.goto(`/applications/${application.id}/assessment`);
  await manager.getByLabel("Work sample").selectOption({ label: "Speed up a slow endpoint" });
  await manager.getByRole("button", { name: "Send assessment" }).click();
  const link = await manager.getByTestId("candidate-link").inputValue();

  const candidateContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const portal = await candidateContext.newPage();
  await portal.goto(link);
  await expect(
    portal.getByRole("heading", { level: 1, name: "Speed up a slow endpoint" }),
  ).toBeVisible();
  await portal.getByRole("button", { name: "Start the assessment" }).click();
  await portal.getByLabel("Your project (.zip)").setInputFiles(zipFile);
  await portal.getByRole("button", { name: "Upload" }).click();
  await expect(portal.getByText(/Version 1 received/)).toBeVisible();

  // The starter is correct but runs queries per book: the report shows which, and the plans.
  await expect(manager.getByTestId("score")).toBeVisible({ timeout: 240_000 });
  const details = manager.getByRole("region", { name: "Queries and plans" });
  await expect(details).toContainText("GET /api/books/");
  await expect(details.getByRole("table").first()).toContainText("catalog_tag");
  await expect(details).toContainText(/Seq Scan on catalog_book/);
  await expect(details).toContainText("no index");
  await details.scrollIntoViewIfNeeded();
  await manager.screenshot({ path: path.join(OUT, "report.png"), fullPage: true });
  await manager.setViewportSize({ width: 390, height: 900 });
  await manager.screenshot({ path: path.join(OUT, "report-390.png"), fullPage: true });

  await candidateContext.close();
  await managerContext.close();
  await adminContext.close();
});
