import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  completeDesignReview,
  REFERENCE_QUOTES,
  referenceDesign,
  sendArchitectureAssessment,
  submitDesignReview,
  uploadDocumentTo,
} from "../../test-support/design-review-world.js";
import { buildHiringWorld, expectStatus } from "../../test-support/hiring-world.js";
import type { THiringWorld } from "../../test-support/hiring-world.js";
import { errorOf } from "../../test-support/http-agent.js";
import { buildResumePdf } from "../../test-support/resume-fixtures.js";
import { createTestApp, testDatabaseKinds } from "../../test-support/test-app.js";
import type { TTestContext } from "../../test-support/test-app.js";
import type { TDesignReviewPage } from "./design-reviews.schema.js";

type TPortalSubmit = {
  submission: { version: number; filename: string };
  assessment: { pack: { kind: string }; submissions: { version: number }[] };
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

  const send = () =>
    sendArchitectureAssessment(w.recruiterOn.agent, w.anonymous, w.main.applicationId);
  const page = async (agent = w.interviewerA.agent, assessmentId: string) =>
    expectStatus(await agent.get(`/api/assessments/${assessmentId}/design-review`), 200).json<{
      designReview: TDesignReviewPage;
    }>().designReview;

  async function uploaded() {
    const sent = await send();
    expectStatus(
      await uploadDocumentTo(w.anonymous, sent.token, "DESIGN.md", Buffer.from(design)),
      201,
    );
    return sent;
  }

  describe("upload", () => {
    it("takes Markdown, tells the portal it is a document pack, and shows reviewers the sections", async () => {
      const sent = await send();
      const portal = expectStatus(await w.anonymous.get(`/api/portal/${sent.token}`), 200).json<{
        assessment: { pack: { kind: string } };
      }>();
      expect(portal.assessment.pack.kind).toBe("design-document");
      const body = expectStatus(
        await uploadDocumentTo(w.anonymous, sent.token, "My design.md", Buffer.from(design)),
        201,
      ).json<TPortalSubmit>();
      expect(body.submission).toMatchObject({ version: 1, filename: "My design.md" });

      const review = await page(w.interviewerA.agent, sent.assessmentId);
      expect(review.document?.version).toBe(1);
      expect(review.document?.html).toContain("<h4>Estimates</h4>");
      const statuses = review.document?.completeness.sections.map((s) => s.status) ?? [];
      expect(statuses).toHaveLength(10);
      expect(statuses.every((status) => status === "present")).toBe(true);
      expect(review.rubric.map((d) => d.id)).toEqual(Object.keys(REFERENCE_QUOTES));
      expect(review.canReview).toBe(true);
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
        await uploadDocumentTo(w.anonymous, sent.token, "design.pdf", pdf, "application/pdf"),
        201,
      ).json<TPortalSubmit>();
      expect(body.submission.filename).toBe("design.txt");
      const review = await page(w.managerOn.agent, sent.assessmentId);
      expect(review.document?.html).toContain("purged on every door event");
      const byId = new Map(review.document?.completeness.sections.map((s) => [s.id, s.status]));
      expect(byId.get("caching")).toBe("present");
      expect(byId.get("security")).toBe("missing");
    });

    it("takes pasted text as Markdown, and renders it safely", async () => {
      const sent = await send();
      const text =
        "# Design\n\n## Caching\n\nCache the tracking page. <script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=alert(1)>";
      expectStatus(
        await w.anonymous.post(`/api/portal/${sent.token}/document-text`, { text }),
        201,
      );
      const html = (await page(w.managerOn.agent, sent.assessmentId)).document?.html ?? "";
      expect(html).toContain("Cache the tracking page.");
      expect(html).not.toMatch(/<script|javascript:|onerror|<img|<a /i);
    });

    it("refuses an empty file, an empty template, binary bytes and a wrong file type with a clear 4xx", async () => {
      const sent = await send();
      const empty = await uploadDocumentTo(w.anonymous, sent.token, "DESIGN.md", Buffer.alloc(0));
      expect(empty.statusCode).toBe(400);
      expect(errorOf(empty).message).toMatch(/empty/);
      const template = await uploadDocumentTo(
        w.anonymous,
        sent.token,
        "DESIGN.md",
        Buffer.from("\n\n<!-- write your requirements here -->\n\n"),
      );
      expect(template.statusCode).toBe(400);
      expect(errorOf(template).message).toMatch(/empty/);
      const pasted = await w.anonymous.post(`/api/portal/${sent.token}/document-text`, {
        text: "   \n ",
      });
      expect(pasted.statusCode).toBe(400);
      const binary = await uploadDocumentTo(
        w.anonymous,
        sent.token,
        "DESIGN.md",
        Buffer.from([0xff, 0xfe, 0x00, 0x41, 0xc3, 0x28]),
      );
      expect(binary.statusCode).toBe(400);
      expect(errorOf(binary).message).toMatch(/not readable text/);
      const scan = await uploadDocumentTo(
        w.anonymous,
        sent.token,
        "design.pdf",
        Buffer.from("%PDF-1.4 this is not really a PDF"),
        "application/pdf",
      );
      expect(scan.statusCode).toBe(400);
      expect(errorOf(scan).message).toMatch(/PDF/);
      const word = await uploadDocumentTo(
        w.anonymous,
        sent.token,
        "design.docx",
        Buffer.from("PK"),
      );
      expect(word.statusCode).toBe(415);
      expect(errorOf(word).message).toMatch(/Markdown/);
      // Nothing was stored by any of them.
      const portal = expectStatus(await w.anonymous.get(`/api/portal/${sent.token}`), 200).json<{
        assessment: { submissions: unknown[] };
      }>();
      expect(portal.assessment.submissions).toHaveLength(0);
    });

    it("refuses more than 1 MB of text, uploaded or pasted, with 413", async () => {
      const sent = await send();
      const big = Buffer.from(`# Design\n\n${"word ".repeat(220_000)}`);
      const file = await uploadDocumentTo(w.anonymous, sent.token, "DESIGN.md", big);
      expect(file.statusCode).toBe(413);
      expect(errorOf(file).message).toMatch(/1 MB/);
      const pasted = await w.anonymous.post(`/api/portal/${sent.token}/document-text`, {
        text: big.toString(),
      });
      expect(pasted.statusCode).toBe(400);
      expect(errorOf(pasted).message).toMatch(/text/);
    });

    it("refuses pasted text for a project pack", async () => {
      const response = expectStatus(
        await w.recruiterOn.agent.post(`/api/applications/${w.main.applicationId}/assessments`, {
          packId: "rest-api",
          deadlineAt: new Date(Date.now() + 72 * 3_600_000).toISOString(),
        }),
        201,
      ).json<{ candidateUrl: string }>();
      const token = response.candidateUrl.split("/assess/")[1] ?? "";
      expectStatus(await w.anonymous.post(`/api/portal/${token}/start`), 200);
      const pasted = await w.anonymous.post(`/api/portal/${token}/document-text`, { text: "# Hi" });
      expect(pasted.statusCode).toBe(409);
      expect(errorOf(pasted).message).toMatch(/zip/);
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
        await w.interviewerA.agent.put(
          `/api/assessments/${sent.assessmentId}/design-review/draft`,
          {
            ...body,
            scores: invented.map((s) =>
              s.dimensionId === "data-model-api" ? { ...s, rating: null } : s,
            ),
          },
        ),
        200,
      ).json<{ review: { revision: number } }>().review;
      const refused = await w.interviewerA.agent.post(
        `/api/assessments/${sent.assessmentId}/design-review/submit`,
        { revision: draft.revision },
      );
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
          `/api/assessments/${sent.assessmentId}/design-review/draft`,
          completeDesignReview(3, draft.revision),
        ),
        200,
      ).json<{ review: { revision: number } }>().review;
      const submitted = expectStatus(
        await w.interviewerA.agent.post(
          `/api/assessments/${sent.assessmentId}/design-review/submit`,
          {
            revision: fixed.revision,
          },
        ),
        200,
      ).json<{ review: { status: string } }>().review;
      expect(submitted.status).toBe("submitted");
      const locked = await w.interviewerA.agent.put(
        `/api/assessments/${sent.assessmentId}/design-review/draft`,
        completeDesignReview(4, fixed.revision + 1),
      );
      expect(locked.statusCode).toBe(409);
    });

    it("a stale autosave changes nothing and says so", async () => {
      const sent = await uploaded();
      const url = `/api/assessments/${sent.assessmentId}/design-review/draft`;
      expectStatus(await w.interviewerB.agent.put(url, completeDesignReview(2, 0)), 200);
      expectStatus(await w.interviewerB.agent.put(url, completeDesignReview(3, 1)), 200);
      const stale = await w.interviewerB.agent.put(url, completeDesignReview(4, 1));
      expect(stale.statusCode).toBe(409);
      const mine = (await page(w.interviewerB.agent, sent.assessmentId)).mine;
      expect(mine?.scores.every((s) => s.rating === 3)).toBe(true);
    });

    it("is independent: B reads no review before submitting, then both; the hiring manager reads all submitted ones", async () => {
      const sent = await uploaded();
      await submitDesignReview(w.interviewerA.agent, sent.assessmentId, 2);
      // B's draft stays private even from the hiring manager.
      expectStatus(
        await w.interviewerB.agent.put(
          `/api/assessments/${sent.assessmentId}/design-review/draft`,
          completeDesignReview(4),
        ),
        200,
      );
      const before = await page(w.interviewerB.agent, sent.assessmentId);
      expect(before.reviews).toEqual([]);
      expect(before.withheldCount).toBe(1);
      expect(JSON.stringify(before)).not.toContain(w.interviewerA.userId);

      const lead = await page(w.managerOn.agent, sent.assessmentId);
      expect(lead.reviews.map((r) => r.reviewer.id)).toEqual([w.interviewerA.userId]);
      const admin = await page(w.admin, sent.assessmentId);
      expect(admin.reviews).toHaveLength(1);
      expect(admin.canReview).toBe(false);

      const draft = before.mine;
      expectStatus(
        await w.interviewerB.agent.post(
          `/api/assessments/${sent.assessmentId}/design-review/submit`,
          {
            revision: draft?.revision ?? 0,
          },
        ),
        200,
      );
      const after = await page(w.interviewerB.agent, sent.assessmentId);
      expect(after.reviews.map((r) => r.reviewer.id)).toEqual([w.interviewerA.userId]);
      expect(after.reviews[0]?.scores.every((s) => s.rating === 2)).toBe(true);
      expect(after.mine?.status).toBe("submitted");
      expect(after.withheldCount).toBe(0);
      expect((await page(w.managerOn.agent, sent.assessmentId)).reviews).toHaveLength(2);
      // A recruiter reads the document but no reviews, and cannot write one.
      const recruiter = await page(w.recruiterOn.agent, sent.assessmentId);
      expect(recruiter.reviews).toEqual([]);
      expect(recruiter.canReview).toBe(false);
      const refused = await w.recruiterOn.agent.put(
        `/api/assessments/${sent.assessmentId}/design-review/draft`,
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
      const url = `/api/assessments/${sent.assessmentId}/design-review`;
      expect((await w.otherTeam.manager.agent.get(url)).statusCode).toBe(404);
      expect((await w.interviewerOff.agent.get(url)).statusCode).toBe(404);
      const write = await w.otherTeam.manager.agent.put(`${url}/draft`, completeDesignReview(3));
      expect(write.statusCode).toBe(404);
    });

    it("a project pack's assessment has no design review (404)", async () => {
      const response = expectStatus(
        await w.recruiterOn.agent.post(`/api/applications/${w.main.applicationId}/assessments`, {
          packId: "rest-api",
          deadlineAt: new Date(Date.now() + 72 * 3_600_000).toISOString(),
        }),
        201,
      ).json<{ assessment: { id: string } }>();
      const read = await w.managerOn.agent.get(
        `/api/assessments/${response.assessment.id}/design-review`,
      );
      expect(read.statusCode).toBe(404);
    });
  });
});
