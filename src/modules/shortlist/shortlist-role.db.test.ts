import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateScaleData } from "../../../bench/support/scale-data.js";
import type { TScaleData } from "../../../bench/support/scale-data.js";
import { queryRows } from "../../db/raw-query.js";
import { createTestApp, testDatabaseKinds } from "../../test-support/test-app.js";
import type { TTestContext } from "../../test-support/test-app.js";
import { createShortlistRepo } from "./shortlist.repo.js";

type TPlain = {
  id: string;
  candidate_id: string;
  name: string;
  status: string;
  current_stage_id: string;
  entered: string[] | null;
  outcome: string | null;
  screened_at: Date | string | null;
};

/**
 * loadRole sends a role's applications as text lines with a bit per stage entered. Checked here
 * against the plain reading of the same tables, with names that would break a line or a field.
 */
describe.each(testDatabaseKinds())("the shortlist's role loader (%s)", (kind) => {
  let ctx: TTestContext;
  let data: TScaleData;
  const rows = <T>(q: ReturnType<typeof sql>) => queryRows<T>(ctx.handle.db, q);

  beforeAll(async () => {
    ctx = await createTestApp(kind);
    data = await generateScaleData(ctx.handle.db, {
      applications: 30,
      interviews: 40,
      scorecards: 80,
      pendingScorecards: 5,
      interviewers: 4,
      emailTag: `role-${kind}`,
    });
    const names = ["Tab\there", 'Line\nbreak "quoted" \\ back', "Zoë Ångström 山田"];
    const firsts = await rows<{ candidate_id: string; id: string }>(
      sql`select candidate_id, id from applications where role_id = ${data.roleId}::uuid
        order by created_at, id limit 3`,
    );
    for (const [i, a] of firsts.entries()) {
      await ctx.handle.db.execute(
        sql`update candidates set name = ${names[i] ?? ""} where id = ${a.candidate_id}::uuid`,
      );
      // Two screens, the later one counts.
      for (const [outcome, at] of [
        ["hold", "2026-01-02T03:04:05.678Z"],
        ["pass", "2026-02-03T04:05:06.789Z"],
      ] as const)
        await ctx.handle.db.execute(sql`insert into resume_screens
          (application_id, checklist, proposal, items, outcome, blind, screened_at)
          values (${a.id}::uuid, '[]', '{}', '[]', ${outcome}, false, ${at}::timestamptz)`);
    }
  }, 180_000);
  afterAll(async () => ctx.close());

  it("gives every application as the tables hold it", async () => {
    const role = await createShortlistRepo(ctx.handle.db).loadRole(data.roleId);
    const plain = await rows<TPlain>(sql`select a.id, a.candidate_id, c.name, a.status,
        a.current_stage_id,
        (select array_agg(distinct e.to_stage_id::text) from application_stage_events e
          where e.application_id = a.id and e.to_stage_id is not null) as entered,
        (select rs.outcome from resume_screens rs where rs.application_id = a.id
          order by rs.screened_at desc limit 1) as outcome,
        (select rs.screened_at from resume_screens rs where rs.application_id = a.id
          order by rs.screened_at desc limit 1) as screened_at
      from applications a join candidates c on c.id = a.candidate_id
      where a.role_id = ${data.roleId}::uuid order by a.created_at, a.id`);
    expect(role?.applications).toHaveLength(30);
    expect(plain.some((p) => (p.entered?.length ?? 0) > 1)).toBe(true);
    expect(role?.applications).toEqual(
      plain.map((p) => ({
        id: p.id,
        candidateId: p.candidate_id,
        candidateName: p.name,
        status: p.status,
        stageId: p.current_stage_id,
        screenOutcome: p.outcome,
        screenedAt: p.screened_at ? new Date(p.screened_at).toISOString() : null,
        // In the plan's order, as the bits are.
        visitedStageIds: (role?.stages ?? [])
          .map((s) => s.id)
          .filter((id) => (p.entered ?? []).includes(id)),
      })),
    );
    expect(role?.applications.slice(0, 3).map((a) => a.candidateName)).toEqual([
      "Tab\there",
      'Line\nbreak "quoted" \\ back',
      "Zoë Ångström 山田",
    ]);
    expect(role?.applications[0]).toMatchObject({
      screenOutcome: "pass",
      screenedAt: "2026-02-03T04:05:06.789Z",
    });
  });
});
