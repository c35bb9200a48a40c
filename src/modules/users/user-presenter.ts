import type { TUser } from "./users.schema.js";
import type { TUserRow } from "./users.repo.js";

export function presentUser(row: TUserRow): TUser {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    disabled: row.disabledAt !== null,
    createdAt: row.createdAt.toISOString(),
  };
}
