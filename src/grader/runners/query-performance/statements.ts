import { readFile, stat } from "node:fs/promises";
import type pg from "pg";

export interface TStatement {
  query: string;
  calls: number;
}

const countedVerb = /^\s*(SELECT|INSERT|UPDATE|DELETE|WITH)\b/i;
/** Django's psycopg backend sets the time zone this way on connecting: a SET by another name. */
const setConfig = /^\s*SELECT\s+(pg_catalog\.)?set_config\s*\(/i;

/** Statements that read or change data; SET, BEGIN, COMMIT and SAVEPOINT don't count. */
export function countedStatements(statements: TStatement[]): TStatement[] {
  return statements.filter(
    (statement) => countedVerb.test(statement.query) && !setConfig.test(statement.query),
  );
}

export function totalCalls(statements: TStatement[]): number {
  return statements.reduce((sum, statement) => sum + statement.calls, 0);
}

/** Forget every counter (the grader is the only one who may). */
export async function resetStatements(admin: pg.Client): Promise<void> {
  await admin.query("SELECT pg_stat_statements_reset()");
}

/** What `role` ran in `database` since the last reset, as the server normalised it. */
export async function readStatements(
  admin: pg.Client,
  role: string,
  database: string,
): Promise<TStatement[]> {
  const { rows } = await admin.query<{ query: string; calls: string }>(
    `SELECT s.query, s.calls FROM pg_stat_statements s
       JOIN pg_roles r ON r.oid = s.userid JOIN pg_database d ON d.oid = s.dbid
      WHERE r.rolname = $1 AND d.datname = $2 ORDER BY s.calls DESC, s.query`,
    [role, database],
  );
  return countedStatements(rows.map((row) => ({ query: row.query, calls: Number(row.calls) })));
}

/** "SELECT … FROM catalog_tag … WHERE book_id = $1": a statement shortened for a sentence. */
export function shortStatement(query: string, max = 160): string {
  const flat = query.replaceAll(/\s+/g, " ").trim();
  const selectList = /^SELECT (.+?) FROM /i.exec(flat);
  const shorter =
    selectList?.[1] !== undefined && selectList[1].length > 30
      ? flat.replace(selectList[1], "…")
      : flat;
  return shorter.length > max ? `${shorter.slice(0, max - 1)}…` : shorter;
}

export interface TPlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  Plans?: TPlanNode[];
}

export interface TLoggedPlan {
  query: string;
  plan: TPlanNode;
}

/** The log's size now, so later reads see only what came after. */
export async function logOffset(logFile: string): Promise<number> {
  return stat(logFile).then(
    (info) => info.size,
    () => 0,
  );
}

/** auto_explain's plans for `role` in `database`, from the jsonlog written after `offset`. */
export async function readPlans(
  logFile: string,
  offset: number,
  role: string,
  database: string,
): Promise<TLoggedPlan[]> {
  const text = (await readFile(logFile).catch(() => Buffer.alloc(0)))
    .subarray(offset)
    .toString("utf8");
  const plans: TLoggedPlan[] = [];
  for (const line of text.split("\n")) {
    if (line.trim() === "") continue;
    let entry: { user?: string; dbname?: string; message?: string };
    try {
      entry = JSON.parse(line) as typeof entry;
    } catch {
      continue;
    }
    if (entry.user !== role || entry.dbname !== database) continue;
    const message = entry.message ?? "";
    const start = message.indexOf("{");
    if (!message.startsWith("duration:") || start < 0) continue;
    try {
      const explained = JSON.parse(message.slice(start)) as {
        "Query Text"?: string;
        Plan?: TPlanNode;
      };
      if (explained.Plan !== undefined)
        plans.push({ query: explained["Query Text"] ?? "", plan: explained.Plan });
    } catch {
      // a plan cut by the log's line limit: skipped
    }
  }
  return plans;
}

const indexNodes = new Set(["Index Scan", "Index Only Scan", "Bitmap Index Scan"]);

export function usesIndex(node: TPlanNode, indexes: Set<string>): boolean {
  if (indexNodes.has(node["Node Type"]) && indexes.has(node["Index Name"] ?? "")) return true;
  return (node.Plans ?? []).some((child) => usesIndex(child, indexes));
}

/** "Limit → Sort → Seq Scan on catalog_book": the plan's top nodes, first child each level. */
export function topNodes(node: TPlanNode, depth = 5): string {
  const parts: string[] = [];
  let current: TPlanNode | undefined = node;
  while (current !== undefined && parts.length < depth) {
    const on = current["Index Name"] !== undefined ? ` using ${current["Index Name"]}` : "";
    const relation =
      current["Relation Name"] !== undefined ? ` on ${current["Relation Name"]}` : "";
    parts.push(`${current["Node Type"]}${relation}${on}`);
    current =
      current.Plans?.find((child) => child["Relation Name"] !== undefined || child.Plans) ??
      current.Plans?.[0];
  }
  return parts.join(" → ");
}
