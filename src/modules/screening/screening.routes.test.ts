import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildResumeDocx, buildResumePdf } from "../../test-support/resume-fixtures.js";
import { buildHiringWorld, expectStatus } from "../../test-support/hiring-world.js";
import type { THiringWorld } from "../../test-support/hiring-world.js";
import { errorOf } from "../../test-support/http-agent.js";
import type { HttpAgent } from "../../test-support/http-agent.js";
import { multipartBody, zipFiles } from "../../test-support/multipart-body.js";
import { createTestApp, testDatabaseKinds } from "../../test-support/test-app.js";
import type { TTestContext } from "../../test-support/test-app.js";
import type { TIntakeBatch, TScreeningView } from "./screening-api.schema.js";

const RESUME_LINES = (name: string, email: string) => [
  name,
  `Backend engineer · ${email} · +44 20 7946 0123`,
  { link: "github.com/someone", url: "https://github.com/someone" },
  { heading: "Summary" },
  "Python developer with 7 years of experience building Django products.",
  { heading: "Experience" },
  { cells: ["Senior Engineer, Acme Payments", "Jan 2019 – present"] },
  { bullet: "Built REST APIs with Django REST Framework and Celery workers." },
  { bullet: "Tuned PostgreSQL indexes and select_related queries." },
  { heading: "Skills" },
  { cells: ["Python", "Django", "DRF", "PostgreSQL"] },
];

async function upload(agent: HttpAgent, candidateId: string, filename: string, bytes: Uint8Array) {
  const body = multipartBody([{ field: "file", filename, bytes }]);
  return agent.request({
    method: "POST",
    url: `/api/candidates/${candidateId}/resume`,
    ...body,
  });
}

describe.each(testDatabaseKinds())("résumé screening over HTTP on %s", (kind) => {
  let ctx: TTestContext;
  let w: THiringWorld;
  beforeAll(async () => {
    ctx = await createTestApp(kind);
    w = await buildHiringWorld(ctx.app);
  });
  afterAll(async () => ctx.close());

  const settingsUrl = () => `/api/roles/${w.role.id}/screening-settings`;
  const recruiter = () => w.recruiterOn.agent;

  it("proposes a checklist from level and stack, saves edits and custom items, and audits", async () => {
    const proposed = expectStatus(await recruiter().get(settingsUrl()), 200).json<{
      settings: { proposed: boolean; checklist: { id: string; kind: string }[]; blind: boolean };
    }>().settings;
    expect(proposed.proposed).toBe(true);
    expect(proposed.checklist.map((i) => i.id)).toEqual(
      expect.arrayContaining(["python", "django", "rest-api", "database", "experience-years"]),
    );
    const edited = proposed.checklist.map((item) =>
      item.id === "database" ? { ...item, kind: "nice-to-have" } : item,
    );
    const saved = expectStatus(
      await w.managerOn.agent.put(settingsUrl(), {
        checklist: edited,
        addCustomItems: [{ label: "Wagtail CMS", terms: ["Wagtail", "StreamField"] }],
        blind: false,
      }),
      200,
    ).json<{
      settings: { proposed: boolean; checklist: { id: string; kind: string }[] };
    }>().settings;
    expect(saved.proposed).toBe(false);
    expect(saved.checklist.find((i) => i.id === "database")?.kind).toBe("nice-to-have");
    expect(saved.checklist.at(-1)?.id).toBe("custom-wagtail-cms");

    const duplicate = await recruiter().put(settingsUrl(), {
      checklist: [...edited, edited[0]],
      blind: false,
    });
    expect(duplicate.statusCode).toBe(400);
    const audit = expectStatus(await w.admin.get("/api/audit?limit=20"), 200).json<{
      events: { action: string }[];
    }>();
    expect(audit.events.map((e) => e.action)).toContain("screening.settings_updated");
  });

  it("uploads real PDF and DOCX résumés, refuses broken files with 4xx and keeps the candidate", async () => {
    const { candidateId } = await w.newApplication();
    const pdf = await buildResumePdf(RESUME_LINES("Jane Doe", "jane.doe@example.com"));
    const uploaded = expectStatus(await upload(recruiter(), candidateId, "jane.pdf", pdf), 201);
    const resume = uploaded.json<{ resume: { format: string; emails: string[] } }>().resume;
    expect(resume.format).toBe("pdf");
    expect(resume.emails).toContain("jane.doe@example.com");

    const docx = await buildResumeDocx([
      { paragraph: "John Smith" },
      { paragraph: "john.smith@example.com" },
      { bullets: ["Django and DRF APIs", "PostgreSQL tuning"] },
    ]);
    const docxUpload = expectStatus(await upload(recruiter(), candidateId, "john.docx", docx), 201);
    expect(docxUpload.json<{ resume: { format: string } }>().resume.format).toBe("docx");

    const corrupt = await upload(
      recruiter(),
      candidateId,
      "broken.pdf",
      Buffer.from("%PDF-1.7\n1 0 obj garbage"),
    );
    expect(corrupt.statusCode).toBe(422);
    expect(errorOf(corrupt).message).toContain("broken.pdf");
    expect(errorOf(corrupt).details?.resumeErrorCode).toBe("resume_corrupt");

    const image = await upload(
      recruiter(),
      candidateId,
      "photo.png",
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]),
    );
    expect(image.statusCode).toBe(415);
    const huge = await upload(
      recruiter(),
      candidateId,
      "huge.txt",
      Buffer.alloc(10 * 1024 * 1024 + 10, 0x61),
    );
    expect(huge.statusCode).toBe(413);

    expectStatus(await recruiter().get(`/api/candidates/${candidateId}`), 200);
    const download = expectStatus(
      await recruiter().get(`/api/candidates/${candidateId}/resume/file`),
      200,
    );
    expect(download.headers["content-disposition"]).toContain("john.docx");
    expect(Buffer.compare(download.rawPayload, Buffer.from(docx))).toBe(0);
  });

  it("shows evidence per item, records a screen with an override and advances on pass", async () => {
    const { candidateId, applicationId } = await w.newApplication();
    await upload(
      recruiter(),
      candidateId,
      "cv.pdf",
      await buildResumePdf(RESUME_LINES("Ola Nordmann", "ola@example.com")),
    );
    const url = `/api/applications/${applicationId}/screening`;
    const view = expectStatus(await recruiter().get(url), 200).json<{
      screening: TScreeningView;
    }>().screening;
    expect(view.canRecord).toBe(true);
    const django = view.proposal?.items.find((i) => i.itemId === "django");
    expect(django?.verdict).toBe("met");
    const passage = django?.passages[0];
    const highlight = passage?.highlights[0];
    expect(highlight && view.proposal?.text.slice(highlight.start, highlight.end)).toMatch(
      /django/i,
    );

    const incomplete = await recruiter().post(url, {
      items: [{ itemId: "python", verdict: "met" }],
      outcome: "pass",
    });
    expect(incomplete.statusCode).toBe(400);

    const items = view.checklist.map((item) => ({
      itemId: item.id,
      verdict: item.id === "code-link" ? "not_met" : "met",
      ...(item.id === "code-link" ? { note: "The link is to an empty profile." } : {}),
    }));
    const recorded = expectStatus(
      await recruiter().post(url, { items, outcome: "pass", notes: "Strong Django background." }),
      201,
    ).json<{ screening: TScreeningView }>().screening;
    const [screen] = recorded.screens;
    expect(screen?.outcome).toBe("pass");
    expect(screen?.screenedBy?.id).toBe(w.recruiterOn.userId);
    const override = screen?.items.find((i) => i.itemId === "code-link");
    expect(override).toMatchObject({ overridden: true, verdict: "not_met" });
    expect(recorded.application.inScreeningStage).toBe(false);
    expect(recorded.canRecord).toBe(false);
    const again = await recruiter().post(url, { items, outcome: "pass" });
    expect(again.statusCode).toBe(409);
  });

  it("in blind review sends neither name nor contact details until the screen is recorded", async () => {
    const current = expectStatus(await recruiter().get(settingsUrl()), 200).json<{
      settings: { checklist: unknown[] };
    }>().settings;
    expectStatus(
      await recruiter().put(settingsUrl(), { checklist: current.checklist, blind: true }),
      200,
    );
    const { candidateId, applicationId } = await w.newApplication();
    expectStatus(
      await recruiter().patch(`/api/candidates/${candidateId}`, { name: "Zofia Kowalczyk" }),
      200,
    );
    await upload(
      recruiter(),
      candidateId,
      "zofia-kowalczyk.pdf",
      await buildResumePdf(RESUME_LINES("Zofia Kowalczyk", "zofia.k@example.com")),
    );
    const url = `/api/applications/${applicationId}/screening`;
    const blind = expectStatus(await recruiter().get(url), 200);
    for (const secret of ["Zofia", "Kowalczyk", "zofia.k@example.com", "7946", "github.com"])
      expect(blind.body).not.toContain(secret);
    const view = blind.json<{ screening: TScreeningView }>().screening;
    expect(view.candidate).toBeNull();
    expect(view.blind).toBe(true);
    expect(view.resume?.filename).toBeNull();
    expect((await recruiter().get(`/api/candidates/${candidateId}/resume/file`)).statusCode).toBe(
      403,
    );

    const items = view.checklist.map((item) => ({ itemId: item.id, verdict: "met" }));
    const recorded = expectStatus(
      await recruiter().post(url, { items, outcome: "hold" }),
      201,
    ).json<{
      screening: TScreeningView;
    }>().screening;
    expect(recorded.screens[0]?.blind).toBe(true);
    expect(recorded.candidate?.name).toBe("Zofia Kowalczyk");
    expect(recorded.blind).toBe(false);
    expectStatus(await recruiter().get(`/api/candidates/${candidateId}/resume/file`), 200);
    expectStatus(
      await recruiter().put(settingsUrl(), { checklist: current.checklist, blind: false }),
      200,
    );
  });

  it("bulk intake imports each file, lists a broken one with its reason and merges a duplicate", async () => {
    const existing = await w.newApplication();
    const existingEmail = expectStatus(
      await recruiter().get(`/api/candidates/${existing.candidateId}`),
      200,
    ).json<{ candidate: { email: string } }>().candidate.email;
    const zip = await zipFiles([
      {
        name: "resumes/anna.pdf",
        bytes: await buildResumePdf(RESUME_LINES("Anna Berg", "anna.berg@example.com")),
      },
      { name: "resumes/broken.pdf", bytes: Buffer.from("%PDF-1.4 not really") },
      {
        name: "resumes/dup.docx",
        bytes: await buildResumeDocx([
          { paragraph: "Somebody Known" },
          { paragraph: existingEmail },
          { paragraph: "Django developer" },
        ]),
      },
      { name: "resumes/noemail.txt", bytes: Buffer.from("Piet Jansen\nDjango and Python.\n") },
    ]);
    const created = expectStatus(
      await recruiter().request({
        method: "POST",
        url: `/api/roles/${w.role.id}/intake-batches`,
        ...multipartBody([{ field: "files", filename: "batch.zip", bytes: zip }]),
      }),
      202,
    ).json<{ batch: TIntakeBatch }>().batch;
    expect(created.total).toBe(4);
    expect(created.status).toBe("processing");

    await ctx.services.intakeService.processBatch(created.id);
    const done = expectStatus(
      await recruiter().get(`/api/intake-batches/${created.id}`),
      200,
    ).json<{ batch: TIntakeBatch }>().batch;
    expect(done).toMatchObject({ status: "done", processed: 4, succeeded: 3, failed: 1 });
    const byFile = Object.fromEntries(done.results.map((r) => [r.filename, r]));
    expect(byFile["broken.pdf"]).toMatchObject({ status: "failed", errorCode: "resume_corrupt" });
    expect(byFile["broken.pdf"]?.reason).toContain("broken.pdf");
    expect(byFile["anna.pdf"]).toMatchObject({ status: "imported", candidateName: "Anna Berg" });
    expect(byFile["dup.docx"]).toMatchObject({
      status: "merged",
      candidateId: existing.candidateId,
      applicationId: existing.applicationId,
    });
    expect(byFile["noemail.txt"]?.warnings.join(" ")).toContain("No e-mail found");

    const anna = byFile["anna.pdf"];
    const app = expectStatus(
      await recruiter().get(`/api/applications/${anna?.applicationId ?? ""}`),
      200,
    ).json<{ application: { currentStage: { kind: string } } }>().application;
    expect(app.currentStage.kind).toBe("resume-screen");
    const list = expectStatus(
      await recruiter().get(`/api/candidates?q=${encodeURIComponent(existingEmail)}`),
      200,
    ).json<{ total: number }>();
    expect(list.total).toBe(1);
  });

  it("imports a CSV row by row: good rows in, bad rows reported by line and field, duplicates merged", async () => {
    const csv = [
      "name,email,github,linkedin",
      "Maria Garcia,maria@example.com,https://github.com/mgarcia,",
      ",nobody@example.com,,",
      "Bad Mail,not-an-email,,",
      '"Lee, Kim",kim.lee@example.com,ftp://nope,',
      "Maria G.,MARIA@example.com,,https://linkedin.com/in/mgarcia",
    ].join("\r\n");
    const report = expectStatus(
      await recruiter().post("/api/candidates/import", { csv, roleId: w.role.id }),
      200,
    ).json<{
      imported: number;
      merged: number;
      failed: number;
      rows: { line: number; status: string; errors: { field: string }[] }[];
    }>();
    expect(report).toMatchObject({ imported: 1, merged: 1, failed: 3 });
    expect(report.rows.map((r) => [r.line, r.status])).toEqual([
      [2, "imported"],
      [3, "failed"],
      [4, "failed"],
      [5, "failed"],
      [6, "merged"],
    ]);
    expect(report.rows[1]?.errors[0]?.field).toBe("name");
    expect(report.rows[2]?.errors[0]?.field).toBe("email");
    expect(report.rows[3]?.errors[0]?.field).toBe("github");
    const kim = expectStatus(await recruiter().get("/api/candidates?q=kim.lee"), 200).json<{
      total: number;
    }>();
    expect(kim.total).toBe(0);
    const maria = expectStatus(await recruiter().get("/api/candidates?q=maria@"), 200).json<{
      candidates: { name: string; links: { linkedin: string | null } }[];
    }>().candidates;
    expect(maria).toHaveLength(1);
    expect(maria[0]?.name).toBe("Maria Garcia");
    expect(maria[0]?.links.linkedin).toBe("https://linkedin.com/in/mgarcia");

    const noHeader = await recruiter().post("/api/candidates/import", { csv: "a,b\n1,2" });
    expect(noHeader.statusCode).toBe(400);
  });
});
