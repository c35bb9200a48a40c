import type { TExecutor } from "../../db/client.js";
import { stringify } from "csv-stringify/sync";
import { TOTAL_CAP } from "../../shared/keyset-cursor.js";
import type { TAuditRepo } from "./audit.repo.js";
import { describeChanges } from "./audit-changes.js";
import { AUDIT_EXPORT_LIMIT, type TAuditFilter, type TListAuditQuery } from "./audit.schema.js";

/** Who did something: a signed-in user, or the system (CLI, first-run setup). */
export type TActor = { userId: string | null; label: string; requestId?: string | undefined };

export type TAuditInput = {
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
};

// Fields that must never land in the audit trail even if a caller passes a whole row.
const SECRET_KEYS = new Set(["passwordHash", "password", "tokenHash", "token", "idHash"]);

function scrub(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (Array.isArray(value)) return value.map(scrub);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([key]) => !SECRET_KEYS.has(key))
        .map(([key, v]) => [key, scrub(v)]),
    );
  }
  return value;
}

export function createAuditService(deps: {
  auditRepo: Pick<TAuditRepo, "insertEvent" | "listEvents" | "countEvents">;
}) {
  return {
    /** Call inside the transaction of the change it records, so both land or neither does. */
    async recordEvent(actor: TActor, input: TAuditInput, executor?: TExecutor): Promise<void> {
      await deps.auditRepo.insertEvent(
        {
          actorUserId: actor.userId,
          actorLabel: actor.label,
          action: input.action,
          entityType: input.entityType,
          entityId: input.entityId ?? null,
          before: scrub(input.before),
          after: scrub(input.after),
          requestId: actor.requestId ?? null,
        },
        executor,
      );
    },
    async listEvents(query: TListAuditQuery) {
      const [rows, matching] = await Promise.all([
        deps.auditRepo.listEvents({
          ...repoFilter(query),
          ...(query.before === undefined ? {} : { beforeId: query.before }),
          limit: query.limit + 1,
        }),
        deps.auditRepo.countEvents(repoFilter(query)),
      ]);
      const page = rows.slice(0, query.limit);
      return {
        events: page.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() })),
        total: Math.min(matching, TOTAL_CAP),
        totalCapped: matching > TOTAL_CAP,
        nextBefore: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null,
      };
    },

    /** The filtered trail as CSV, newest first, one row per event with its change in words. */
    async exportCsv(filter: TAuditFilter): Promise<{ csv: string; rows: number; capped: boolean }> {
      const rows = await deps.auditRepo.listEvents({
        ...repoFilter(filter),
        limit: AUDIT_EXPORT_LIMIT + 1,
      });
      const shown = rows.slice(0, AUDIT_EXPORT_LIMIT);
      const csv = stringify(
        shown.map((row) => [
          row.createdAt.toISOString(),
          row.actorLabel,
          row.action,
          row.entityType,
          row.entityId ?? "",
          describeChanges(row.before, row.after),
          row.requestId ?? "",
        ]),
        {
          header: true,
          columns: ["when", "who", "action", "object type", "object id", "change", "request id"],
        },
      );
      return { csv, rows: shown.length, capped: rows.length > AUDIT_EXPORT_LIMIT };
    },
  };
}
export type TAuditService = ReturnType<typeof createAuditService>;

const DAY_MS = 24 * 60 * 60 * 1000;

function repoFilter(filter: TAuditFilter) {
  return {
    ...(filter.action === undefined ? {} : { action: filter.action }),
    ...(filter.entityType === undefined ? {} : { entityType: filter.entityType }),
    ...(filter.entityId === undefined ? {} : { entityId: filter.entityId }),
    ...(filter.actorUserId === undefined ? {} : { actorUserId: filter.actorUserId }),
    ...(filter.from === undefined ? {} : { from: new Date(`${filter.from}T00:00:00Z`) }),
    // "to" is inclusive of its day.
    ...(filter.to === undefined
      ? {}
      : { to: new Date(new Date(`${filter.to}T00:00:00Z`).getTime() + DAY_MS) }),
  };
}
