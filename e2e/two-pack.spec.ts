import { execFileSync } from "node:child_process";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import type { APIRequestContext } from "@playwright/test";
import yazl from "yazl";

const PASSWORD = "practical django 2026";
const PACKS = path.resolve("assessments");
const OUT = path.resolve("test-results/two-pack");

/** A folder zipped the way a candidate would, under one top folder, into test-results/. */
async function zipFolder(dir: string, name: string): Promise<string> {
  const zip = new yazl.ZipFile();
  async function add(relative: string) {
    for (const entry of await readdir(path.join(dir, relative), { withFileTypes: true })) {
      if (["__pycache__", ".pytest_cache", "db.sqlite3"].includes(entry.name)) continue;
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await add(child);
      else zip.addFile(path.join(dir, child), `${name}/${child}`);
    }
  }
  await add("");
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  await mkdir(OUT, { recursive: true });
  const file = path.join(OUT, `${name}.zip`);
  await writeFile(file, Buffer.concat(chunks));
  return file;
}

/** The unit-tests starter with our "shallow" suite applied: a wrong solution (one test). */
async function shallowSuiteZip(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "two-pack-"));
  try {
    await cp(path.join(PACKS, "unit-tests/starter"), dir, { recursive: true });
    execFileSync("patch", [
      "-p1",
      "-s",
      "-d",
      dir,
      "-i",
      path.join(PACKS, "unit-tests/test-submissions/shallow.patch"),
    ]);
    return await zipFolder(dir, "my-tests");
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
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

test("a candidate takes debug + unit-tests in one portal; the hiring manager reads both reports", async ({
  browser,
}) => {
  test.setTimeout(600_000);
  const debugFix = await zipFolder(path.join(PACKS, "debug/reference"), "my-fix");
  const shallowTests = await shallowSuiteZip();

  // Setup through the API: an admin, a hiring manager on a junior role's team, a candidate.
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
      title: "Junior Django Developer",
      level: "junior",
      fromTemplate: true,
      team: [{ userId: hana.user.id, teamRole: "hiring_manager" }],
    },
  );
  const { candidate } = await admin<{ candidate: { id: string } }>("POST", "/api/candidates", {
    name: "Katherine Johnson",
    email: "katherine@example.org",
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

  // The junior plan proposes three packs, ticked already; the manager keeps debug and unit-tests.
  await manager.goto(`/applications/${application.id}/assessment`);
  const rest = manager.getByRole("checkbox", { name: /Task list REST API/ });
  const debug = manager.getByRole("checkbox", { name: /Debugging/ });
  const tests = manager.getByRole("checkbox", { name: /Write the tests/ });
  await expect(rest).toBeChecked();
  await expect(debug).toBeChecked();
  await rest.uncheck();
  await expect(manager.getByText("Part 1:", { exact: false }).first()).toBeVisible();
  await expect(manager.locator(".pack-choices li.chosen")).toHaveCount(2);
  await expect(tests).toBeChecked();
  await manager.getByLabel("A clock per part, each started on its own").check();
  await expect(manager.getByLabel("Minutes for part 1")).toHaveValue("45");
  await manager.getByRole("button", { name: "Send assessment" }).click();
  const link = await manager.getByTestId("candidate-link").inputValue();
  expect(link).toMatch(/\/assess\/sla_[\w-]{43}$/);
  await manager.screenshot({ path: path.join(OUT, "send-form.png"), fullPage: true });

  // The candidate, on a phone-sized screen: one portal, a part per pack.
  const candidateContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const portal = await candidateContext.newPage();
  await portal.goto(link);
  await expect(
    portal.getByRole("heading", { level: 1, name: "Practical assessment in 2 parts" }),
  ).toBeVisible();
  const parts = portal.getByRole("navigation", { name: "Parts" });
  await expect(parts).toContainText("Part 1: Debugging");
  await expect(parts).toContainText("not started");
  // A string, because the spec is compiled without the DOM library.
  const pageWidth = async () =>
    Number(await portal.evaluate("document.documentElement.scrollWidth"));
  const part1 = portal.getByRole("region", { name: /^Part 1:/ });
  const part2 = portal.getByRole("region", { name: /^Part 2:/ });
  await expect(part1.getByText("Instructions for part 1")).toBeVisible();
  await portal.screenshot({ path: path.join(OUT, "portal-390-before.png"), fullPage: true });
  // No horizontal scrolling at 390 px.
  expect(await pageWidth()).toBeLessThanOrEqual(390);

  await part1.getByRole("button", { name: "Start part 1" }).click();
  await expect(part1.getByTestId("time-remaining")).toContainText(/44:\d\d/);
  await expect(part2.getByRole("button", { name: "Start part 2" })).toBeVisible();
  await part1.getByLabel("Part 1: your project (.zip)").setInputFiles(debugFix);
  await part1.getByRole("button", { name: "Upload part 1" }).click();
  await expect(part1.getByText(/Version 1 received/)).toBeVisible();

  await part2.getByRole("button", { name: "Start part 2" }).click();
  await part2.getByLabel("Part 2: your project (.zip)").setInputFiles(shallowTests);
  await part2.getByRole("button", { name: "Upload part 2" }).click();
  await expect(part2.getByText(/Version 1 received/)).toBeVisible();
  await expect(parts).toContainText("handed in");
  // The candidate sees that the uploads were checked, never a score or the planted bugs.
  await expect(part2.getByRole("list", { name: "Your uploads for part 2" })).toContainText(
    "received and checked",
    { timeout: 240_000 },
  );
  const planted = JSON.parse(
    await readFile(path.join(PACKS, "unit-tests/hidden/mutants/mutants.json"), "utf8"),
  ) as { mutants: { title: string }[] };
  const page = await portal.locator("body").innerText();
  expect(planted.mutants.filter((mutant) => page.includes(mutant.title))).toEqual([]);
  expect(page).not.toMatch(/Score|Survived|\d+ of 24/);
  await portal.screenshot({ path: path.join(OUT, "portal-390-submitted.png"), fullPage: true });
  expect(await pageWidth()).toBeLessThanOrEqual(390);

  // The hiring manager's page was never reloaded: both reports arrive by polling.
  const debugPart = manager.getByTestId("part-1");
  const testsPart = manager.getByTestId("part-2");
  await expect(debugPart.getByTestId("score")).toHaveText("100", { timeout: 240_000 });
  await expect(debugPart.getByTestId("fix-result")).toHaveText("Full fix");
  await expect(debugPart.getByTestId("fail-to-pass")).toHaveText("6/6");
  await expect(debugPart.getByTestId("pass-to-pass")).toHaveText("23/23");
  const f2p = debugPart.getByRole("table", { name: /Fail-to-pass/ });
  await expect(f2p.getByRole("row")).toHaveCount(7);
  await expect(debugPart.getByRole("table", { name: /Pass-to-pass/ }).getByRole("row")).toHaveCount(
    24,
  );
  await expect(debugPart.getByTestId("regression-test")).toContainText("fail on the original code");

  await expect(testsPart.getByTestId("mutant-table")).toBeVisible({ timeout: 240_000 });
  await expect(testsPart.getByTestId("gate-result")).toContainText("Gate passed");
  await expect(testsPart.getByTestId("mutants-caught")).toHaveText("1 of 24 caught");
  const mutants = testsPart.getByRole("table", { name: /planted bug/ });
  await expect(mutants.getByRole("row")).toHaveCount(25);
  await expect(mutants.locator("tbody tr").filter({ hasText: "Survived" })).toHaveCount(23);
  await expect(mutants.locator("tbody tr").filter({ hasText: "Caught" })).toHaveCount(1);
  await expect(testsPart.getByTestId("coverage")).toContainText("Lines");
  await manager.screenshot({ path: path.join(OUT, "reports.png"), fullPage: true });

  await candidateContext.close();
  await managerContext.close();
  await adminContext.close();
});
