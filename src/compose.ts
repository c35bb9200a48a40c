import type { TDatabaseHandle } from "./db/client.js";
import { createAuditRepo } from "./modules/audit/audit.repo.js";
import { createAuditService } from "./modules/audit/audit.service.js";
import { createAuthService } from "./modules/auth/auth.service.js";
import { createSessionsRepo } from "./modules/auth/sessions.repo.js";
import { createApiTokensRepo } from "./modules/tokens/api-tokens.repo.js";
import { createApiTokensService } from "./modules/tokens/api-tokens.service.js";
import { createInviteAcceptanceService } from "./modules/users/invite-acceptance.service.js";
import { createInvitesRepo } from "./modules/users/invites.repo.js";
import { createUsersRepo } from "./modules/users/users.repo.js";
import { createUsersService } from "./modules/users/users.service.js";

export type TComposeOptions = { sessionTtlHours: number; publicUrl: string | undefined };

/** Wires repositories into services. One place, explicit, no container. */
export function composeServices(handle: TDatabaseHandle, options: TComposeOptions) {
  const { db } = handle;
  const usersRepo = createUsersRepo(db);
  const sessionsRepo = createSessionsRepo(db);
  const apiTokensRepo = createApiTokensRepo(db);
  const invitesRepo = createInvitesRepo(db);
  const auditService = createAuditService({ auditRepo: createAuditRepo(db) });
  const authService = createAuthService({
    db,
    usersRepo,
    sessionsRepo,
    auditService,
    sessionTtlHours: options.sessionTtlHours,
  });
  const apiTokensService = createApiTokensService({ apiTokensRepo, usersRepo, auditService });
  const usersService = createUsersService({
    db,
    usersRepo,
    invitesRepo,
    sessionsRepo,
    apiTokensRepo,
    auditService,
    inviteBaseUrl: (origin) => options.publicUrl ?? origin,
  });
  const inviteAcceptanceService = createInviteAcceptanceService({
    db,
    usersRepo,
    invitesRepo,
    auditService,
    startSession: authService.startSession,
  });
  return {
    auditService,
    authService,
    apiTokensService,
    usersService,
    inviteAcceptanceService,
    usersRepo,
  };
}
export type TServices = ReturnType<typeof composeServices>;
