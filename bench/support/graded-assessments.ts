/**
 * Graded practical assessments for the scale data: one rest-api assessment per application at or
 * past the practical stage, with a report whose groups map onto competencies through the pack, so
 * the shortlist's counting-grading statement has real work. Shared by the shortlist bench and its
 * profile.
 */
import { randomBytes } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { TDatabase } from "../../src/db/client.js";
import {
  applications,
  assessmentParts,
  assessments,
  assessmentSubmissions,
  gradings,
  roleStages,
  storedFiles,
} from "../../src/db/schema/index.js";
import type { TScaleData } from "./scale-data.js";

/** One graded rest-api assessment per application at or past the practical stage. */
export async function addGradedAssessments(db: TDatabase, data: TScaleData) {
  const stages = await db.select().from(roleStages).where(eq(roleStages.roleId, data.roleId));
  const practical = stages.find((s) => s.kind === "practical-assessment");
  if (!practical) return 0;
  const later = stages.filter((s) => s.position >= practical.position).map((s) => s.id);
  const reached = await db
    .select({ id: applications.id })
    .from(applications)
    .where(and(eq(applications.roleId, data.roleId), inArray(applications.currentStageId, later)));
  const [file] = await db
    .insert(storedFiles)
    .values({
      filename: "solution.zip",
      mediaType: "application/zip",
      sizeBytes: 4,
      sha256: "0".repeat(64),
      content: Buffer.from("PK\u0005\u0006"),
    })
    .returning({ id: storedFiles.id });
  if (!file) throw new Error("no file");
  const groups = (seed: number) =>
    [
      ["auth", "security", 15],
      ["crud", "api-design-drf", 20],
      ["validation", "api-design-drf", 15],
      ["isolation", "security", 20],
      ["pagination", "orm-data-modelling", 10],
      ["filtering", "orm-data-modelling", 10],
      ["hygiene", "testing", 10],
    ].map(([id, competency, weight], i) => ({
      id,
      name: id,
      passed: (seed + i * 3) % 6,
      blocked: 0,
      total: 5,
      weight,
      competency,
      checks: [],
    }));
  for (let start = 0; start < reached.length; start += 500) {
    const slice = reached.slice(start, start + 500);
    const rows = await db
      .insert(assessments)
      .values(
        slice.map((a) => ({
          applicationId: a.id,
          timeLimitMinutes: 120,
          deadlineAt: new Date(),
          tokenHash: randomBytes(16).toString("hex"),
        })),
      )
      .returning({ id: assessments.id });
    const parts = await db
      .insert(assessmentParts)
      .values(
        rows.map((r) => ({
          assessmentId: r.id,
          position: 1,
          packId: "rest-api",
          timeLimitMinutes: 120,
        })),
      )
      .returning({ id: assessmentParts.id, assessmentId: assessmentParts.assessmentId });
    const submissions = await db
      .insert(assessmentSubmissions)
      .values(
        parts.map((p) => ({
          assessmentId: p.assessmentId,
          partId: p.id,
          version: 1,
          fileId: file.id,
        })),
      )
      .returning({ id: assessmentSubmissions.id });
    await db.insert(gradings).values(
      submissions.map((s, i) => {
        const g = groups(start + i).map((x) => ({ ...x, passed: Math.min(x.passed, x.total) }));
        return {
          submissionId: s.id,
          status: "graded" as const,
          score: 60,
          finishedAt: new Date(),
          report: {
            packId: "rest-api",
            packVersion: 2,
            status: "graded",
            score: 60,
            groups: g,
            integrity: { verdict: (start + i) % 40 === 0 ? "suspicious" : "clean", findings: [] },
            timings: {},
          },
        };
      }),
    );
  }
  await db.execute(sql`analyze`);
  return reached.length;
}
