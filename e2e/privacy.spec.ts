import { daysFromNow } from "../src/test-support/future.js";
import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import type { Page } from "@playwright/test";
import yauzl from "yauzl";
import { adminLink } from "./support/nav.js";

const PASSWORD = "structured hiring 2026";
const CANDIDATE = {
  name: "Katherine Johnson",
  email: "katherine.johnson@example.org",
  phone: "+1 757 555 0142",
  notes: "Referred by the NASA alumni group.",
};

/** The JSON API as the web app calls it: the session cookie plus the CSRF token it hands out. */
async function apiOf(page: Page) {
  const session = (await (await page.request.get("/api/auth/session")).json()) as {
    csrfToken: string;
    user: { id: string };
  };
  const call = async (method: "GET" | "POST" | "PUT", url: string, data?: unknown) => {
    const response = await page.request.fetch(url, {
      method,
      headers: { "x-csrf-token": session.csrfToken },
      ...(data === undefined ? {} : { data }),
    });
    expect(response.ok(), `${method} ${url}: ${await response.text()}`).toBe(true);
    return (await response.json()) as Record<string, unknown>;
  };
  return { call, userId: session.user.id };
}

async function zipEntries(path: string): Promise<Map<string, Buffer>> {
  const zip = await yauzl.fromBufferPromise(await readFile(path), { lazyEntries: true });
  const files = new Map<string, Buffer>();
  await new Promise<void>((resolve, reject) => {
    zip.on("entry", (entry: yauzl.Entry) => {
      zip.openReadStream(entry, (error, stream) => {
        if (error) return reject(error);
        const chunks: Buffer[] = [];
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        stream.on("end", () => {
          files.set(entry.fileName, Buffer.concat(chunks));
          zip.readEntry();
        });
      });
    });
    zip.on("end", () => resolve());
    zip.on("error", reject);
    zip.readEntry();
  });
  return files;
}

type TKit = {
  questions: { questionId: string; questionVersionId: string; signals: string[] }[];
  stage: { competencies: string[] };
};

test("an admin exports a candidate, erases them, and the pipeline, ratings, shortlist and analytics still count the record", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/");
  await page.getByLabel("Your name").fill("Ada Lovelace");
  await page.getByLabel("Work e-mail").fill("ada@example.com");
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create admin account" }).click();
  await expect(page.getByRole("heading", { name: "Welcome, Ada" })).toBeVisible();

  // The organisation's privacy notice, set on the admin's privacy page.
  await (await adminLink(page, "Privacy")).click();
  await page.getByLabel("Privacy notice link").fill("https://example.org/privacy");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Privacy notice link")).toHaveValue("https://example.org/privacy");
  await page.screenshot({ path: test.info().outputPath("privacy-settings.png"), fullPage: true });

  // A role, a candidate in its technical screen, and a submitted scorecard about them.
  const api = await apiOf(page);
  const { role } = (await api.call("POST", "/api/roles", {
    title: "Django Engineer — Flight Data",
    level: "mid",
    fromTemplate: true,
    team: [{ userId: api.userId, teamRole: "interviewer" }],
  })) as { role: { id: string; stages: { id: string; kind: string }[] } };
  const screen = role.stages.find((s) => s.kind === "technical-screen");
  if (!screen) throw new Error("no technical screen");
  const { candidate } = (await api.call("POST", "/api/candidates", CANDIDATE)) as {
    candidate: { id: string };
  };
  const { application } = (await api.call("POST", "/api/applications", {
    candidateId: candidate.id,
    roleId: role.id,
    stageId: screen.id,
  })) as { application: { id: string } };
  const { interviews } = (await api.call("POST", `/api/applications/${application.id}/interviews`, {
    stageId: screen.id,
    interviewerIds: [api.userId],
    scheduledAt: daysFromNow(1),
  })) as { interviews: { id: string }[] };
  const interviewId = interviews[0]?.id ?? "";
  const kit = (await api.call("GET", `/api/interviews/${interviewId}/kit`)) as TKit;
  const draft = (await api.call("PUT", `/api/interviews/${interviewId}/scorecard/draft`, {
    revision: 0,
    answers: kit.questions.map((q) => ({
      questionId: q.questionId,
      questionVersionId: q.questionVersionId,
      rating: 4,
      signals: q.signals.slice(0, 2),
      notes: "Katherine walked through the query plan unprompted.",
    })),
    competencyRatings: Object.fromEntries(kit.stage.competencies.map((c) => [c, 4])),
    keyTakeaways: "Katherine Johnson reasons about data precisely and explains trade-offs.",
    recommendation: "strong_yes",
  })) as { scorecard: { revision: number } };
  await api.call("POST", `/api/interviews/${interviewId}/scorecard/submit`, {
    revision: draft.scorecard.revision,
  });

  const stageCounts = async () => {
    const dashboard = (await api.call("GET", "/api/dashboard")) as {
      roles: { id: string; stages: { name: string; activeApplications: number }[] }[];
    };
    return dashboard.roles.find((r) => r.id === role.id)?.stages;
  };
  const ratings = async () => {
    const body = (await api.call("GET", `/api/applications/${application.id}/scorecards`)) as {
      scorecards: { recommendation: string; competencyRatings: Record<string, number> }[];
    };
    return body.scorecards.map((s) => [s.recommendation, s.competencyRatings]);
  };
  const countsBefore = await stageCounts();
  const ratingsBefore = await ratings();
  expect(countsBefore?.some((s) => s.activeApplications === 1)).toBe(true);
  expect(ratingsBefore).toHaveLength(1);

  // The shortlist and analytics read the record too: its evidence and its place in the funnel.
  type TShortlist = {
    total: number;
    rows: {
      applicationId: string;
      candidate: { name: string };
      composite: unknown;
      competencies: { id: string; n: number; mean: number | null }[];
    }[];
  };
  const shortlist = async () =>
    (await api.call("GET", `/api/roles/${role.id}/shortlist`)) as TShortlist;
  const funnel = async () => {
    const body = (await api.call("GET", `/api/analytics/process?roleId=${role.id}`)) as {
      stages: { name: string; reached: number; stillIn: number }[];
    };
    return body.stages.map((s) => [s.name, s.reached, s.stillIn] as const);
  };
  const shortlistBefore = await shortlist();
  const funnelBefore = await funnel();
  expect(shortlistBefore.total).toBe(1);
  expect(shortlistBefore.rows[0]?.candidate.name).toBe(CANDIDATE.name);
  expect(shortlistBefore.rows[0]?.competencies.some((c) => c.n === 1 && c.mean === 4)).toBe(true);
  const screenRow = funnelBefore.find(([, reached, stillIn]) => reached === 1 && stillIn === 1);
  expect(screenRow).toBeDefined();

  // Export: one click on the candidate page, a zip whose candidate.json names them.
  await page.goto(`/candidates/${candidate.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(CANDIDATE.name);
  const privacy = page.getByRole("region", { name: "Personal data" });
  const consent = privacy
    .getByRole("listitem")
    .filter({ hasText: "Legitimate interest, added by the team" });
  await expect(consent.getByRole("link", { name: "privacy notice" })).toHaveAttribute(
    "href",
    "https://example.org/privacy",
  );
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    privacy.getByRole("link", { name: /Download everything held about/ }).click(),
  ]);
  const saved = test.info().outputPath("export.zip");
  await download.saveAs(saved);
  const files = await zipEntries(saved);
  const exported = JSON.parse(files.get("candidate.json")?.toString("utf8") ?? "{}") as {
    candidate: { name: string; email: string; phone: string };
    applications: { id: string }[];
    scorecards: unknown[];
    consents: { lawfulBasis: string }[];
  };
  expect(exported.candidate).toMatchObject({
    name: CANDIDATE.name,
    email: CANDIDATE.email,
    phone: CANDIDATE.phone,
  });
  expect(exported.applications.map((a) => a.id)).toEqual([application.id]);
  expect(exported.scorecards).toHaveLength(1);
  expect(exported.consents.map((c) => c.lawfulBasis)).toEqual(["legitimate_interest"]);
  // The access trail shows the admin's own view of the contact details.
  await expect(privacy.getByRole("cell", { name: "Contact details" }).first()).toBeVisible();

  await page.setViewportSize({ width: 390, height: 900 });
  await page.screenshot({ path: test.info().outputPath("candidate-390.png"), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });

  // Erasure: the button stays disabled until the name is typed.
  const erase = privacy.getByRole("button", { name: "Erase permanently" });
  await privacy.getByLabel("Reason").fill("The candidate asked us by e-mail to delete their data.");
  await expect(erase).toBeDisabled();
  await privacy.getByLabel("Type the candidate's name to confirm").fill("Katherine");
  await expect(erase).toBeDisabled();
  await privacy.getByLabel("Type the candidate's name to confirm").fill(CANDIDATE.name);
  await erase.click();
  await expect(page.getByText(/personal data was erased on/)).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    `Erased candidate #${candidate.id.slice(0, 8)}`,
  );
  await expect(page.getByText(CANDIDATE.email)).toHaveCount(0);
  await expect(page.getByText(CANDIDATE.phone)).toHaveCount(0);

  // The anonymous record still counts: same stage counts, same ratings.
  expect(await stageCounts()).toEqual(countsBefore);
  expect(await ratings()).toEqual(ratingsBefore);
  const shortlistAfter = await shortlist();
  expect(shortlistAfter.total).toBe(1);
  expect(shortlistAfter.rows[0]?.applicationId).toBe(application.id);
  expect(shortlistAfter.rows[0]?.candidate.name).toBe(
    `Erased candidate #${candidate.id.slice(0, 8)}`,
  );
  expect(shortlistAfter.rows[0]?.composite).toEqual(shortlistBefore.rows[0]?.composite);
  expect(shortlistAfter.rows[0]?.competencies).toEqual(shortlistBefore.rows[0]?.competencies);
  expect(await funnel()).toEqual(funnelBefore);

  // What the hiring team sees: the anonymous row on the shortlist, the same count in the funnel.
  await page.goto(`/roles/${role.id}/shortlist`);
  await expect(
    page
      .getByRole("main")
      .getByText(`Erased candidate #${candidate.id.slice(0, 8)}`)
      .first(),
  ).toBeVisible();
  await expect(page.getByRole("main").getByText(CANDIDATE.name, { exact: true })).toHaveCount(0);
  await page.goto(`/analytics?roleId=${role.id}`);
  const funnelTable = page.locator('table[aria-labelledby="funnel-heading"]');
  const [screenName] = screenRow ?? [""];
  await expect(funnelTable.getByRole("row").filter({ hasText: screenName }).first()).toContainText(
    /\b1\b/,
  );
  const after = (await api.call("GET", `/api/candidates/${candidate.id}`)) as {
    candidate: { name: string; email: string | null; notes: string | null; erasedAt: string };
  };
  expect(after.candidate.notes).toBeNull();
  expect(after.candidate.erasedAt).toBeTruthy();
  const audit = (await api.call("GET", "/api/audit?action=candidate.erased")) as {
    events: { entityId: string; actorLabel: string; after: { reason: string } }[];
  };
  expect(audit.events[0]).toMatchObject({
    entityId: candidate.id,
    actorLabel: "ada@example.com",
    after: { reason: "The candidate asked us by e-mail to delete their data." },
  });
  expect(JSON.stringify(audit.events)).not.toContain(CANDIDATE.name);

  await page.setViewportSize({ width: 390, height: 900 });
  await page.screenshot({
    path: test.info().outputPath("erased-candidate-390.png"),
    fullPage: true,
  });
});
