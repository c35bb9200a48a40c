import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  completeDesignReview,
  REFERENCE_QUOTES,
  referenceDesign,
  sendArchitectureAssessment,
  submitDesignReview,
  uploadDocumentTo,
} from "../../test-support/design-review-world.js";
import type { TDocumentPart } from "../../test-support/design-review-world.js";
import { buildHiringWorld, expectStatus } from "../../test-support/hiring-world.js";
import type { THiringWorld } from "../../test-support/hiring-world.js";
import { errorOf } from "../../test-support/http-agent.js";
import { multipartBody } from "../../test-support/multipart-body.js";
import { buildResumePdf } from "../../test-support/resume-fixtures.js";
import { createTestApp, testDatabaseKinds } from "../../test-support/test-app.js";
import type { TTestContext } from "../../test-support/test-app.js";
import type { TDesignReviewPage } from "./design-reviews.schema.js";

type TPortalSubmit = {
  submission: { version: number; filename: string };
  part: number;
  assessment: { parts: { position: number; submissions: { version: number }[] }[] };
};

describe.each(testDatabaseKinds())("design reviews on %s", (kind) => {
  let ctx: TTestContext;
  let w: THiringWorld;
  let design: string;

  beforeAll(async () => {
    ctx = await createTestApp(kind);
    w = await buildHiringWorld(ctx.app);
    design = await referenceDesign();
  });
  afterAll(async () => ctx.close());

  // The document is part 2, after a project part: every upload and review goes through the part.
  const send = () =>
    sendArchitectureAssessment(w.recruiterOn.agent, w.anonymous, w.main.applicationId, {
      afterProject: true,
    });
  const page = async (agent = w.interviewerA.agent, of: TDocumentPart) =>
    expectStatus(await agent.get(of.review), 200).json<{
      designReview: TDesignReviewPage;
    }>().designReview;

  async function uploaded() {
    const sent = await send();
    expectStatus(await uploadDocumentTo(w.anonymous, sent, "DESIGN.md", Buffer.from(design)), 201);
    return sent;
  }

  describe("upload", () => {
    it("takes Markdown in the document part, tells the portal which part takes a document, and shows reviewers the sections", async () => {
      const sent = await send();
      const portal = expectStatus(await w.anonymous.get(`/api/portal/${sent.token}`), 200).json<{
        assessment: { parts: { position: number; pack: { submissionKind: string } }[] };
      }>();
      expect(portal.assessment.parts.map((p) => [p.position, p.pack.submissionKind])).toEqual([
        [1, "project-zip"],
        [2, "document"],
      ]);
      const body = expectStatus(
        await uploadDocumentTo(w.anonymous, sent, "My design.md", Buffer.from(design)),
        201,
      ).json<TPortalSubmit>();
      expect(body.submission).toMatchObject({ version: 1, filename: "My design.md" });
      expect(body.part).toBe(2);
      const versions = body.assessment.parts.map((p) => p.submissions.length);
      expect(versions).toEqual([0, 1]);

      const review = await page(w.interviewerA.agent, sent);
      expect(review.document?.version).toBe(1);
      expect(review.document?.html).toContain("<h4>Estimates</h4>");
      const statuses = review.document?.completeness.sections.map((s) => s.status) ?? [];
      expect(statuses).toHaveLength(10);
      expect(statuses.every((status) => status === "present")).toBe(true);
      expect(review.rubric.map((d) => d.id)).toEqual(Object.keys(REFERENCE_QUOTES));
      // Each dimension names its competency in words, not by the catalogue's id.
      expect(review.rubric.map((d) => d.competencyName)).toContain("Scalability and production");
      expect(review.rubric.every((d) => !d.competencyName.includes("-"))).toBe(true);
      expect(review.canReview).toBe(true);
      expect(review.part).toMatchObject({ position: 2, count: 2 });
    });

    it("converts a PDF to text and lists the sections the PDF lacks", async () => {
      const sent = await send();
      const pdf = await buildResumePdf([
        { heading: "Requirements and assumptions" },
        "Senders create shipments in nightly batches; recipients collect within three days.",
        { heading: "Caching" },
        "The tracking page is cached for thirty seconds per parcel and purged on every door event, so a newsletter burst reads from the cache and not from the database.",
      ]);
      const body = expectStatus(
        await uploadDocumentTo(w.anonymous, sent, "design.pdf", pdf, "application/pdf"),
        201,
      ).json<TPortalSubmit>();
      expect(body.submission.filename).toBe("design.txt");
      const review = await page(w.managerOn.agent, sent);
      expect(review.document?.html).toContain("purged on every door event");
      const byId = new Map(review.document?.completeness.sections.map((s) => [s.id, s.status]));
      expect(byId.get("caching")).toBe("present");
      expect(byId.get("security")).toBe("missing");
    });

    it("takes pasted text as Markdown, and renders it safely", async () => {
      const sent = await send();
      const text =
        "# Design\n\n## Caching\n\nCache the tracking page. <script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=alert(1)>";
      expectStatus(await w.anonymous.post(`${sent.portal}/document-text`, { text }), 201);
      const html = (await page(w.managerOn.agent, sent)).document?.html ?? "";
      expect(html).toContain("Cache the tracking page.");
      expect(html).not.toMatch(/<script|javascript:|onerror|<img|<a /i);
    });

    it("refuses an empty file, an empty template, binary bytes and a wrong file type with a clear 4xx", async () => {
      const sent = await send();
      const empty = await uploadDocumentTo(w.anonymous, sent, "DESIGN.md", Buffer.alloc(0));
      expect(empty.statusCode).toBe(400);
      expect(errorOf(empty).message).toMatch(/empty/);
      const template = await uploadDocumentTo(
        w.anonymous,
        sent,
        "DESIGN.md",
        Buffer.from("\n\n<!-- write your requirements here -->\n\n"),
      );
      expect(template.statusCode).toBe(400);
      expect(errorOf(template).message).toMatch(/empty/);
      const pasted = await w.anonymous.post(`${sent.portal}/document-text`, {
        text: "   \n ",
      });
      expect(pasted.statusCode).toBe(400);
      const binary = await uploadDocumentTo(
        w.anonymous,
        sent,
        "DESIGN.md",
        Buffer.from([0xff, 0xfe, 0x00, 0x41, 0xc3, 0x28]),
      );
      expect(binary.statusCode).toBe(400);
      expect(errorOf(binary).message).toMatch(/not readable text/);
      const scan = await uploadDocumentTo(
        w.anonymous,
        sent,
        "design.pdf",
        Buffer.from("%PDF-1.4 this is not really a PDF"),
        "application/pdf",
      );
      expect(scan.statusCode).toBe(400);
      expect(errorOf(scan).message).toMatch(/PDF/);
      const word = await uploadDocumentTo(w.anonymous, sent, "design.docx", Buffer.from("PK"));
      expect(word.statusCode).toBe(415);
      expect(errorOf(word).message).toMatch(/Markdown/);
      // Nothing was stored by any of them.
      const portal = expectStatus(await w.anonymous.get(`/api/portal/${sent.token}`), 200).json<{
        assessment: { parts: { submissions: unknown[] }[] };
      }>();
      expect(portal.assessment.parts.flatMap((p) => p.submissions)).toHaveLength(0);
    });

    it("names the file each part takes when an upload is not one file: a document here, a zip in the project part", async () => {
      const sent = await send();
      const empty = multipartBody([]);
      const noFile = async (portal: string) =>
        w.anonymous.request({
          method: "POST",
          url: `${portal}/submissions`,
          payload: empty.payload,
          headers: empty.headers,
        });
      const documentPart = await noFile(sent.portal);
      expect(documentPart.statusCode).toBe(400);
      expect(errorOf(documentPart).message).toBe(
        "No file was uploaded. Choose your design document (.md, .txt or .pdf).",
      );
      const projectPart = await noFile(sent.portal.replace(/\/parts\/2$/, "/parts/1"));
      expect(projectPart.statusCode).toBe(400);
      expect(errorOf(projectPart).message).toBe("No file was uploaded. Choose your project's zip.");
      const json = await w.anonymous.post(`${sent.portal}/submissions`, { file: "DESIGN.md" });
      expect(json.statusCode).toBe(415);
      expect(errorOf(json).message).toMatch(/design document/);
    });

    it("refuses more than 1 MB of text, uploaded or pasted, with 413", async () => {
      const sent = await send();
      const big = Buffer.from(`# Design\n\n${"word ".repeat(220_000)}`);
      const file = await uploadDocumentTo(w.anonymous, sent, "DESIGN.md", big);
      expect(file.statusCode).toBe(413);
      expect(errorOf(file).message).toMatch(/1 MB/);
      const pasted = await w.anonymous.post(`${sent.portal}/document-text`, {
        text: big.toString(),
      });
      expect(pasted.statusCode).toBe(400);
      expect(errorOf(pasted).message).toMatch(/text/);
    });

    it("refuses pasted text, and a document file, for a project part", async () => {
      const response = expectStatus(
        await w.recruiterOn.agent.post(`/api/applications/${w.main.applicationId}/assessments`, {
          packId: "rest-api",
          deadlineAt: new Date(Date.now() + 72 * 3_600_000).toISOString(),
        }),
        201,
      ).json<{ candidateUrl: string }>();
      const token = response.candidateUrl.split("/assess/")[1] ?? "";
      expectStatus(await w.anonymous.post(`/api/portal/${token}/start`), 200);
      const pasted = await w.anonymous.post(`/api/portal/${token}/parts/1/document-text`, {
        text: "# Hi",
      });
      expect(pasted.statusCode).toBe(409);
      expect(errorOf(pasted).message).toMatch(/Part 1 .*zip/);
      // The project part of a mixed assessment keeps asking for its zip.
      const mixed = await send();
      const file = await uploadDocumentTo(
        w.anonymous,
        { portal: `/api/portal/${mixed.token}/parts/1` },
        "DESIGN.md",
        Buffer.from(design),
      );
      expect(file.statusCode).toBe(400);
      const none = await w.anonymous.post(`/api/portal/${mixed.token}/parts/3/document-text`, {
        text: "# Hi",
      });
      expect(none.statusCode).toBe(404);
    });
  });

  describe("reviews", () => {
    it("checks every quote against the document, whitespace collapsed, and names the ones not found", async () => {
      const sent = await uploaded();
      const body = completeDesignReview(3);
      const invented = body.scores.map((score) =>
        score.dimensionId === "security-operations"
          ? { ...score, quote: "Pickup codes are stored in plain text for speed." }
          : score,
      );
      const draft = expectStatus(
        await w.interviewerA.agent.put(`${sent.review}/draft`, {
          ...body,
          scores: invented.map((s) =>
            s.dimensionId === "data-model-api" ? { ...s, rating: null } : s,
          ),
        }),
        200,
      ).json<{ review: { revision: number } }>().review;
      const refused = await w.interviewerA.agent.post(`${sent.review}/submit`, {
        revision: draft.revision,
      });
      expect(refused.statusCode).toBe(400);
      const error = errorOf(refused) as { message: string; fields?: { field: string }[] };
      expect(error.fields?.map((f) => f.field).sort()).toEqual([
        "scores.data-model-api.rating",
        "scores.security-operations.quote",
      ]);
      expect(error.message).toMatch(/Security and operations/);

      // The quotes of the world's reviews span line breaks and Markdown marks, and pass.
      const fixed = expectStatus(
        await w.interviewerA.agent.put(
          `${sent.review}/draft`,
          completeDesignReview(3, draft.revision),
        ),
        200,
      ).json<{ review: { revision: number } }>().review;
      const submitted = expectStatus(
        await w.interviewerA.agent.post(`${sent.review}/submit`, {
          revision: fixed.revision,
        }),
        200,
      ).json<{ review: { status: string } }>().review;
      expect(submitted.status).toBe("submitted");
      const locked = await w.interviewerA.agent.put(
        `${sent.review}/draft`,
        completeDesignReview(4, fixed.revision + 1),
      );
      expect(locked.statusCode).toBe(409);
    });

    it("a stale autosave changes nothing and says so", async () => {
      const sent = await uploaded();
      const url = `${sent.review}/draft`;
      expectStatus(await w.interviewerB.agent.put(url, completeDesignReview(2, 0)), 200);
      expectStatus(await w.interviewerB.agent.put(url, completeDesignReview(3, 1)), 200);
      const stale = await w.interviewerB.agent.put(url, completeDesignReview(4, 1));
      expect(stale.statusCode).toBe(409);
      const mine = (await page(w.interviewerB.agent, sent)).mine;
      expect(mine?.scores.every((s) => s.rating === 3)).toBe(true);
    });

    it("is independent: B reads no review before submitting, then both; the hiring manager reads all submitted ones", async () => {
      const sent = await uploaded();
      await submitDesignReview(w.interviewerA.agent, sent, 2);
      // B's draft stays private even from the hiring manager.
      expectStatus(
        await w.interviewerB.agent.put(`${sent.review}/draft`, completeDesignReview(4)),
        200,
      );
      const before = await page(w.interviewerB.agent, sent);
      expect(before.reviews).toEqual([]);
      expect(before.withheldCount).toBe(1);
      expect(JSON.stringify(before)).not.toContain(w.interviewerA.userId);

      const lead = await page(w.managerOn.agent, sent);
      expect(lead.reviews.map((r) => r.reviewer.id)).toEqual([w.interviewerA.userId]);
      const admin = await page(w.admin, sent);
      expect(admin.reviews).toHaveLength(1);
      expect(admin.canReview).toBe(false);

      const draft = before.mine;
      expectStatus(
        await w.interviewerB.agent.post(`${sent.review}/submit`, {
          revision: draft?.revision ?? 0,
        }),
        200,
      );
      const after = await page(w.interviewerB.agent, sent);
      expect(after.reviews.map((r) => r.reviewer.id)).toEqual([w.interviewerA.userId]);
      expect(after.reviews[0]?.scores.every((s) => s.rating === 2)).toBe(true);
      expect(after.mine?.status).toBe("submitted");
      expect(after.withheldCount).toBe(0);
      expect((await page(w.managerOn.agent, sent)).reviews).toHaveLength(2);
      // A recruiter reads the document but no reviews, and cannot write one.
      const recruiter = await page(w.recruiterOn.agent, sent);
      expect(recruiter.reviews).toEqual([]);
      expect(recruiter.canReview).toBe(false);
      const refused = await w.recruiterOn.agent.put(
        `${sent.review}/draft`,
        completeDesignReview(3),
      );
      expect(refused.statusCode).toBe(403);

      const evidence = await ctx.services.designReviewsService.designReviewEvidence([
        w.main.applicationId,
      ]);
      const security = evidence.get(w.main.applicationId)?.get("security") ?? [];
      // Earlier tests submitted reviews on the same application; this assessment's are among them.
      expect(
        security.filter((e) => e.reviewerId === w.interviewerB.userId).map((e) => e.rating),
      ).toContain(4);
      expect(security.every((e) => e.dimensionId === "security-operations")).toBe(true);
    });

    it("need to know: another team's hiring manager and an unassigned interviewer get 404", async () => {
      const sent = await uploaded();
      const url = sent.review;
      expect((await w.otherTeam.manager.agent.get(url)).statusCode).toBe(404);
      expect((await w.interviewerOff.agent.get(url)).statusCode).toBe(404);
      const write = await w.otherTeam.manager.agent.put(`${url}/draft`, completeDesignReview(3));
      expect(write.statusCode).toBe(404);
    });

    it("a project part has no design review (404), in a one-pack assessment or beside a document", async () => {
      const response = expectStatus(
        await w.recruiterOn.agent.post(`/api/applications/${w.main.applicationId}/assessments`, {
          packId: "rest-api",
          deadlineAt: new Date(Date.now() + 72 * 3_600_000).toISOString(),
        }),
        201,
      ).json<{ assessment: { id: string } }>();
      const read = await w.managerOn.agent.get(
        `/api/assessments/${response.assessment.id}/parts/1/design-review`,
      );
      expect(read.statusCode).toBe(404);
      const mixed = await send();
      const project = await w.managerOn.agent.get(
        `/api/assessments/${mixed.assessmentId}/parts/1/design-review`,
      );
      expect(project.statusCode).toBe(404);
      expect(errorOf(project).message).toMatch(/graded automatically/);
    });
  });
});
