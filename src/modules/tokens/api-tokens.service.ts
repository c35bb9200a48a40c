import { encodeTimeCursor, keysetPage } from "../../shared/keyset-cursor.js";
import type { TTimeKey } from "../../shared/keyset-cursor.js";
import { notFound } from "../../errors.js";
import { generateSecret, hashSecret } from "../../shared/secure-token.js";
import type { TActor, TAuditService } from "../audit/audit.service.js";
import { presentUser } from "../users/user-presenter.js";
import type { TUsersRepo } from "../users/users.repo.js";
import type { TUser } from "../users/users.schema.js";
import type { TApiTokenRow, TApiTokensRepo } from "./api-tokens.repo.js";

export type TTokenPrincipal = { user: TUser; tokenId: string };

const USE_MARK_INTERVAL_MS = 60_000;

function presentToken(row: TApiTokenRow) {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  };
}

export function createApiTokensService(deps: {
  apiTokensRepo: TApiTokensRepo;
  usersRepo: Pick<TUsersRepo, "findByEmail">;
  auditService: Pick<TAuditService, "recordEvent">;
  now?: () => Date;
}) {
  const now = deps.now ?? (() => new Date());
  return {
    async createToken(userId: string, name: string, actor: TActor) {
      const token = generateSecret("slt");
      const row = await deps.apiTokensRepo.insertToken({
        userId,
        name,
        tokenHash: hashSecret(token),
        prefix: token.slice(0, 10),
      });
      await deps.auditService.recordEvent(actor, {
        action: "api_token.created",
        entityType: "api_token",
        entityId: row.id,
        after: presentToken(row),
      });
      return { apiToken: presentToken(row), token };
    },

    /** For `shortlist api-token --email E`: the CLI acts as the system on behalf of that user. */
    async createTokenForEmail(email: string, name: string) {
      const user = await deps.usersRepo.findByEmail(email.trim().toLowerCase());
      if (!user) throw notFound(`A user with the e-mail ${email}`);
      if (user.disabledAt) throw notFound(`An enabled user with the e-mail ${email}`);
      return this.createToken(user.id, name, { userId: null, label: "cli" });
    },

    async listTokens(userId: string, query: { limit: number; after?: TTimeKey | undefined }) {
      const [rows, total] = await Promise.all([
        deps.apiTokensRepo.listTokensOfUser(userId, query),
        deps.apiTokensRepo.countTokensOfUser(userId),
      ]);
      const { page, nextCursor } = keysetPage(rows, query.limit, (row) =>
        encodeTimeCursor({ at: row.createdAt, id: row.id }),
      );
      return { apiTokens: page.map(presentToken), total, nextCursor };
    },

    async revokeToken(userId: string, tokenId: string, actor: TActor): Promise<void> {
      const row = await deps.apiTokensRepo.findTokenOfUser(tokenId, userId);
      if (!row) throw notFound("That API token");
      await deps.apiTokensRepo.revokeToken(row.id, now());
      await deps.auditService.recordEvent(actor, {
        action: "api_token.revoked",
        entityType: "api_token",
        entityId: row.id,
        before: presentToken(row),
      });
    },

    async resolveToken(token: string): Promise<TTokenPrincipal | undefined> {
      const found = await deps.apiTokensRepo.findActiveToken(hashSecret(token));
      if (!found) return undefined;
      const current = now();
      const last = found.token.lastUsedAt?.getTime() ?? 0;
      if (current.getTime() - last > USE_MARK_INTERVAL_MS)
        await deps.apiTokensRepo.markUsed(found.token.id, current);
      return { user: presentUser(found.user), tokenId: found.token.id };
    },
  };
}
export type TApiTokensService = ReturnType<typeof createApiTokensService>;
