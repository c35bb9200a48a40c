import type { TInvite } from "./users.schema.js";
import type { TInviteRow } from "./invites.repo.js";

export function inviteStatus(row: TInviteRow, now: Date): TInvite["status"] {
  if (row.acceptedAt) return "accepted";
  if (row.revokedAt) return "revoked";
  return row.expiresAt.getTime() <= now.getTime() ? "expired" : "pending";
}

export function presentInvite(row: TInviteRow, now: Date): TInvite {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    status: inviteStatus(row, now),
  };
}
