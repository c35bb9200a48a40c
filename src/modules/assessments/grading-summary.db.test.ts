import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/raw-query.js";
import { createTestApp, testDatabaseKinds } from "../../test-support/test-app.js";
import type { TTestContext } from "../../test-support/test-app.js";

/**
 * `gradings.summary` is what the shortlist reads of a report (migration 0015): kept by the
 * database from the report on every write. The function must never fail on a report the grader
 * could write, or the report itself could not be stored.
 */
describe.each(testDatabaseKinds())("grading summary (%s)", (kind) => {
  let ctx: TTestContext;
  const summaryOf = async (report: unknown) => {
    const [row] = await queryRows<{ s: unknown }>(
      ctx.handle.db,
      sql`select grading_summary(${report === null ? null : JSON.stringify(report)}::jsonb) as s`,
    );
    return row?.s;
  };

  beforeAll(async () => {
    ctx = await createTestApp(kind);
  }, 120_000);
  afterAll(async () => ctx.close());

  it("keeps the status, the verdict and each group's counts, and drops everything else", async () => {
    const report = {
      status: "graded",
      score: 72,
      integrity: { verdict: "suspicious", findings: [{ path: "/sandbox/x.py" }] },
      groups: [
        { id: "auth", passed: 3, total: 5, weight: 15, checks: [{ name: "401 without token" }] },
        { id: "crud", passed: 0, total: 4, weight: 20.5, name: "CRUD" },
      ],
      logs: "x".repeat(10_000),
    };
    expect(await summaryOf(report)).toEqual({
      status: "graded",
      verdict: "suspicious",
      groups: [
        { id: "auth", passed: 3, total: 5, weight: 15 },
        { id: "crud", passed: 0, total: 4, weight: 20.5 },
      ],
    });
  });

  it("writes whatever a report holds without failing: no report, no groups, odd values", async () => {
    expect(await summaryOf(null)).toBeNull();
    expect(await summaryOf({ status: "failed", error: "timeout" })).toEqual({
      status: "failed",
      verdict: null,
      groups: [],
    });
    expect(await summaryOf({ status: "graded", groups: { not: "a list" } })).toEqual({
      status: "graded",
      verdict: null,
      groups: [],
    });
    expect(
      await summaryOf({ status: "graded", groups: [{ id: "a", passed: "2.5", total: null }] }),
    ).toEqual({
      status: "graded",
      verdict: null,
      groups: [{ id: "a", passed: "2.5", total: null, weight: null }],
    });
  });

  it("is stored, generated from the report (PostgreSQL 18 would make it virtual otherwise)", async () => {
    const [column] = await queryRows<{ generated: string; expression: string }>(
      ctx.handle.db,
      sql`select a.attgenerated as generated, pg_get_expr(d.adbin, d.adrelid) as expression
        from pg_attribute a join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
        where a.attrelid = 'gradings'::regclass and a.attname = 'summary'`,
    );
    expect(column).toEqual({ generated: "s", expression: "grading_summary(report)" });
  });
});
