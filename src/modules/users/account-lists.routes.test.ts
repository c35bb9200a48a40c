import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/raw-query.js";
import { createTestApp, testDatabaseKinds } from "../../test-support/test-app.js";
import type { TTestContext } from "../../test-support/test-app.js";
import { setupAdmin } from "../../test-support/http-agent.js";
import type { HttpAgent } from "../../test-support/http-agent.js";

type TPage = { total: number; nextCursor: string | null } & Record<string, unknown>;

// Rows that share a name or a millisecond, or differ by microseconds inside one: what a keyset
// cursor must neither skip nor repeat.
const MEMBERS = 23;
const INVITES = 27;
const SESSIONS = 19;
const TOKENS = 21;
const ROLES = 17;

/** The team, invites, sessions and tokens: every list pages to its end, each row once. */
describe.each(testDatabaseKinds())("the account lists page honestly on %s", (kind) => {
  let ctx: TTestContext;
  let admin: HttpAgent;
  let adminId = "";
  beforeAll(async () => {
    ctx = await createTestApp(kind);
    admin = await setupAdmin(ctx.app);
    const db = ctx.handle.db;
    [{ id: adminId = "" } = { id: "" }] = await queryRows<{ id: string }>(
      db,
      sql`select id from users`,
    );
    // Members: several share a name, so the id breaks the tie.
    await db.execute(sql`
      insert into users (email, name, role, password_hash)
      select 'member' || i || '@example.com', 'Member ' || (i % 7), 'interviewer', 'x'
        from generate_series(1, ${MEMBERS - 1}) i`);
    // Invites: three to a millisecond, microseconds apart; every fifth one already accepted.
    await db.execute(sql`
      insert into invites (email, name, role, token_hash, created_at, expires_at, accepted_at)
      select 'invitee' || i || '@example.com', 'Invitee ' || i, 'interviewer', 'hash-' || i,
             timestamptz '2026-11-20 10:00:00' + (i / 3) * interval '1 millisecond'
               + (i % 3) * interval '100 microseconds',
             now() + interval '7 days',
             case when i % 5 = 0 then now() end
        from generate_series(1, ${INVITES}) i`);
    // The admin's other browsers and tokens, in pairs to a millisecond.
    await db.execute(sql`
      insert into sessions (id_hash, user_id, created_at, expires_at, user_agent)
      select 'session-' || i, ${adminId}::uuid,
             timestamptz '2026-11-20 10:00:00' + (i / 2) * interval '1 millisecond'
               + (i % 2) * interval '300 microseconds',
             now() + interval '1 day', 'Browser ' || i
        from generate_series(1, ${SESSIONS - 1}) i`);
    await db.execute(sql`
      insert into api_tokens (user_id, name, token_hash, prefix, created_at, revoked_at)
      select ${adminId}::uuid, 'token ' || i, 'token-hash-' || i, 'slt_' || i,
             timestamptz '2026-11-20 10:00:00' + (i / 2) * interval '1 millisecond'
               + (i % 2) * interval '300 microseconds',
             case when i > ${TOKENS} then now() end
        from generate_series(1, ${TOKENS + 4}) i`);
    // Roles, pairs to a millisecond; every third one closed; one disabled member to leave out.
    await db.execute(sql`
      insert into roles (title, level, status, scope, stack_tags, competency_weights, created_at)
      select 'Role ' || i || case when i % 4 = 0 then ' Payments' else '' end, 'senior',
             case when i % 3 = 0 then 'closed' else 'open' end, 'scope', '[]', '{}',
             timestamptz '2026-11-20 10:00:00' + (i / 2) * interval '1 millisecond'
               + (i % 2) * interval '300 microseconds'
        from generate_series(1, ${ROLES}) i`);
    await db.execute(sql`
      insert into users (email, name, role, password_hash, disabled_at)
      values ('gone@example.com', 'Member gone', 'interviewer', 'x', now())`);
  }, 60_000);
  afterAll(() => ctx.close());

  async function allPages(path: string, key: string, limit: number, extra = "") {
    const pages: TPage[] = [];
    let after: string | null = null;
    do {
      const res = await admin.get(
        `${path}?limit=${limit}${extra}${after ? `&after=${after}` : ""}`,
      );
      expect(res.statusCode, res.body).toBe(200);
      pages.push(res.json<TPage>());
      after = pages.at(-1)?.nextCursor ?? null;
    } while (after && pages.length < 50);
    const rows = pages.flatMap((p) => p[key] as { id: string }[]);
    return { pages, rows, ids: rows.map((r) => r.id) };
  }

  it.each([
    // The whole team, the disabled member included.
    { path: "/api/users", key: "users", total: MEMBERS + 1 },
    { path: "/api/invites", key: "invites", total: INVITES },
    { path: "/api/me/sessions", key: "sessions", total: SESSIONS },
    { path: "/api/me/api-tokens", key: "apiTokens", total: TOKENS },
    { path: "/api/roles", key: "roles", total: ROLES },
    // Enabled people for a hiring team: the team without its disabled member.
    { path: "/api/people", key: "people", total: MEMBERS },
  ])(
    "$path: pages of 4 add up to the total, each row once, as one big page has them",
    async (list) => {
      const { pages, ids } = await allPages(list.path, list.key, 4);
      expect(pages.every((p) => p.total === list.total)).toBe(true);
      expect(pages).toHaveLength(Math.ceil(list.total / 4));
      expect(new Set(ids).size).toBe(list.total);
      expect(pages.at(-1)?.nextCursor).toBeNull();
      const whole = await admin.get(`${list.path}?limit=100`);
      expect(whole.json<TPage>()[list.key]).toHaveLength(list.total);
      expect((whole.json<TPage>()[list.key] as { id: string }[]).map((r) => r.id)).toEqual(ids);
    },
  );

  it("orders the team by name and invites, sessions and tokens newest first", async () => {
    const users = (await allPages("/api/users", "users", 5)).rows as unknown as { name: string }[];
    const names = users.map((u) => u.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const invites = (await allPages("/api/invites", "invites", 5)).rows as unknown as {
      createdAt: string;
    }[];
    const stamps = invites.map((i) => i.createdAt);
    expect(stamps).toEqual([...stamps].sort().reverse());
  });

  it("lists only the invites that can still be accepted when asked for pending ones", async () => {
    const { pages, rows } = await allPages("/api/invites", "invites", 4, "&status=pending");
    const pending = INVITES - Math.floor(INVITES / 5);
    expect(pages[0]?.total).toBe(pending);
    expect(rows).toHaveLength(pending);
    expect(rows.every((r) => (r as unknown as { status: string }).status === "pending")).toBe(true);
  });

  it("filters roles by status and title, and people by name or e-mail, with matching totals", async () => {
    const open = await allPages("/api/roles", "roles", 4, "&status=open");
    const openCount = ROLES - Math.floor(ROLES / 3);
    expect(open.pages[0]?.total).toBe(openCount);
    expect(open.rows).toHaveLength(openCount);
    expect(open.rows.every((r) => (r as unknown as { status: string }).status === "open")).toBe(
      true,
    );
    const payments = await allPages("/api/roles", "roles", 2, "&q=payMENTS");
    expect(payments.pages[0]?.total).toBe(Math.floor(ROLES / 4));
    expect(payments.rows).toHaveLength(Math.floor(ROLES / 4));
    // "%" is a character to look for, not a wildcard.
    expect((await admin.get("/api/roles?q=%25")).json<TPage>().total).toBe(0);
    const people = await allPages("/api/people", "people", 2, "&q=member%203");
    const named = people.rows.map((r) => (r as unknown as { name: string }).name);
    expect(named.length).toBeGreaterThan(0);
    expect(named.every((n) => n === "Member 3")).toBe(true);
    expect(people.pages[0]?.total).toBe(named.length);
    const byMail = (await admin.get("/api/people?q=member12%40")).json<TPage>();
    expect(byMail.total).toBe(1);
    expect((await admin.get("/api/people?q=gone")).json<TPage>().total).toBe(0);
  });

  it("says how many roles the analytics picker has, and lists the chosen one", async () => {
    const scope = (await admin.get("/api/analytics/process")).json<{
      scope: { roles: { id: string; open: boolean }[]; rolesTotal: number };
    }>().scope;
    expect(scope.rolesTotal).toBe(ROLES);
    expect(scope.roles).toHaveLength(ROLES);
    // Open roles first.
    const firstClosed = scope.roles.findIndex((r) => !r.open);
    expect(scope.roles.slice(firstClosed).every((r) => !r.open)).toBe(true);
  });

  it("refuses a cursor it did not hand out and a page size out of range, saying which", async () => {
    const bad = await admin.get("/api/users?after=not-a-cursor");
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("is not a cursor from this list");
    const wrongKind = await admin.get(
      `/api/invites?after=${(await admin.get("/api/users?limit=1")).json<TPage>().nextCursor}`,
    );
    expect(wrongKind.statusCode).toBe(400);
    expect((await admin.get("/api/me/sessions?limit=0")).statusCode).toBe(400);
    expect((await admin.get("/api/me/api-tokens?limit=101")).statusCode).toBe(400);
    expect((await admin.get("/api/roles?after=nope")).statusCode).toBe(400);
    expect((await admin.get(`/api/people?q=${"x".repeat(201)}`)).statusCode).toBe(400);
  });
});
