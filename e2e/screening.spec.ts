import { expect, test } from "@playwright/test";
import type { APIRequestContext } from "@playwright/test";
import yazl from "yazl";
import { buildResumeLines } from "../bench/resume-corpus.js";
import { buildResumeDocx, buildResumePdf } from "../src/test-support/resume-fixtures.js";

// The foundation spec runs first on the same server and creates this admin; alone, this spec does.
const ADMIN = {
  name: "Ada Lovelace",
  email: "ada@example.com",
  password: "analytical engine 1843",
};

async function signIn(request: APIRequestContext) {
  const session = await request.get("/api/auth/session");
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const headers = { "x-csrf-token": csrfToken };
  const setup = await request.post("/api/auth/setup", { data: ADMIN, headers });
  if (setup.status() === 409) {
    const login = await request.post("/api/auth/login", {
      data: { email: ADMIN.email, password: ADMIN.password },
      headers,
    });
    expect(login.status()).toBe(200);
  } else expect(setup.status()).toBe(201);
  const fresh = await request.get("/api/auth/session");
  return { "x-csrf-token": ((await fresh.json()) as { csrfToken: string }).csrfToken };
}

async function zip(files: { name: string; bytes: Uint8Array }[]): Promise<Buffer> {
  const archive = new yazl.ZipFile();
  for (const file of files) archive.addBuffer(Buffer.from(file.bytes), file.name);
  archive.end();
  const chunks: Buffer[] = [];
  for await (const chunk of archive.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

test("bulk intake of a zip, highlighted evidence, an override and a blind screen", async ({
  page,
}) => {
  const headers = await signIn(page.request);
  const created = await page.request.post("/api/roles", {
    data: { title: "Django Engineer — Screening e2e", level: "senior", fromTemplate: true },
    headers,
  });
  expect(created.status()).toBe(201);
  const roleId = ((await created.json()) as { role: { id: string } }).role.id;

  // Three corpus résumés (PDF), one Word file, one broken PDF.
  const people = [3, 7, 11].map((seed) => buildResumeLines(seed));
  const files = [
    ...(await Promise.all(
      people.map(async (person, index) => ({
        name: `resumes/${String(index + 1).padStart(2, "0")}-${person.name.split(" ")[1] ?? "cv"}.pdf`,
        bytes: await buildResumePdf(person.lines),
      })),
    )),
    {
      name: "resumes/04-word.docx",
      bytes: await buildResumeDocx([
        { paragraph: "Mei Tanaka" },
        { paragraph: "mei.tanaka@example.com" },
        { bullets: ["Six years of Django and Django REST Framework", "PostgreSQL indexing"] },
      ]),
    },
    { name: "resumes/05-broken.pdf", bytes: Buffer.from("%PDF-1.7\nthis is not a real PDF") },
  ];
  const archive = await zip(files);

  await page.goto(`/roles/${roleId}/screening`);
  await expect(page.getByRole("heading", { name: /Résumé screening/ })).toBeVisible();

  // Blind review on, through the checklist editor.
  await page.getByLabel(/Blind review/).check();
  await page.getByRole("button", { name: "Save checklist" }).click();
  await expect(page.getByText("Checklist saved.")).toBeVisible();

  await page
    .getByLabel("Résumé files")
    .setInputFiles({ name: "batch.zip", mimeType: "application/zip", buffer: archive });
  await page.getByRole("button", { name: "Start intake" }).click();
  await expect(page.getByText("Intake finished")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText("5 of 5 processed · 4 in · 1 failed")).toBeVisible();
  const brokenRow = page.getByRole("row", { name: /05-broken\.pdf/ });
  await expect(brokenRow).toContainText("Failed");
  await expect(brokenRow).toContainText("damaged");
  await page.screenshot({ path: "test-results/screening-intake.png", fullPage: true });

  // Open the first candidate: in blind review the results do not name them.
  const firstRow = page.getByRole("row", { name: /01-.*\.pdf/ });
  await expect(firstRow).not.toContainText(people[0]?.name ?? "?");
  await firstRow.getByRole("link", { name: "Open screen" }).click();

  await expect(
    page.getByRole("heading", { level: 1, name: /^Candidate [0-9A-F]{6}$/ }),
  ).toBeVisible();
  await expect(page.getByText("Blind review", { exact: true })).toBeVisible();
  await expect(page.getByText("never an automatic rejection")).toBeVisible();
  await expect(page.getByText(people[0]?.name ?? "?")).toHaveCount(0);

  const django = page.getByRole("article", { name: "Django project experience" });
  await expect(django.locator("mark").first()).toBeVisible();
  await expect(django.locator("mark").first()).toContainText(/django/i);

  // Override one item.
  const python = page.getByRole("article", { name: "Python expertise" });
  await python.getByRole("radio", { name: "Unclear" }).check();
  await python.getByLabel("Note on Python expertise").fill("Only listed, no project detail.");
  await expect(python.getByText("Overridden")).toBeVisible();
  await page.screenshot({ path: "test-results/screening-page.png", fullPage: true });
  await python.screenshot({ path: "test-results/screening-item.png" });

  await page.getByRole("radio", { name: "Pass" }).check();
  await page.getByLabel("Notes (optional)").fill("Good match on Django and DRF.");
  await page.getByRole("button", { name: "Record screen" }).click();

  await expect(page.getByText("Screen recorded.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: people[0]?.name ?? "?" })).toBeVisible();
  const recorded = page.getByRole("region", { name: "Recorded screens" });
  await expect(recorded).toContainText("Pass");
  await expect(recorded).toContainText("Screened blind");
  await expect(recorded.getByRole("row", { name: /Python expertise/ })).toContainText("Overridden");
  await page.screenshot({ path: "test-results/screening-recorded.png", fullPage: true });
});
