import type { TExecutor } from "../../db/client.js";
import type { TAuditRepo } from "./audit.repo.js";

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
  auditRepo: Pick<TAuditRepo, "insertEvent" | "listEvents">;
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
    async listEvents(query: {
      before?: number | undefined;
      limit: number;
      action?: string | undefined;
      entityType?: string | undefined;
      actorUserId?: string | undefined;
    }) {
      const rows = await deps.auditRepo.listEvents({
        ...(query.before === undefined ? {} : { beforeId: query.before }),
        ...(query.action === undefined ? {} : { action: query.action }),
        ...(query.entityType === undefined ? {} : { entityType: query.entityType }),
        ...(query.actorUserId === undefined ? {} : { actorUserId: query.actorUserId }),
        limit: query.limit + 1,
      });
      const page = rows.slice(0, query.limit);
      return {
        events: page.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() })),
        nextBefore: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null,
      };
    },
  };
}
export type TAuditService = ReturnType<typeof createAuditService>;
