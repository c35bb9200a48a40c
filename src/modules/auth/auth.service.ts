import type { TDatabase } from "../../db/client.js";
import type { TUserRole } from "../../db/schema/index.js";
import { AppError } from "../../errors.js";
import { generateSecret, hashSecret } from "../../shared/secure-token.js";
import type { TViewerScope } from "../access/viewer-scope.js";
import { scopeFromLists } from "../access/viewer-scope.repo.js";
import type { TActor, TAuditService } from "../audit/audit.service.js";
import type { TUsersRepo, TUserRow } from "../users/users.repo.js";
import { presentUser } from "../users/user-presenter.js";
import type { TUser } from "../users/users.schema.js";
import type { TLoginRequest, TSetupRequest } from "./auth.schema.js";
import { burnPasswordCheck, hashPassword, verifyPassword } from "./passwords.js";
import type { TSessionsRepo } from "./sessions.repo.js";

export type TClientMeta = { userAgent: string | null; ip: string | null };
export type TSessionPrincipal = {
  user: TUser;
  sessionHash: string;
  scope?: TViewerScope;
  /** Read with the session (reads only): db/data-version.ts `dataVersionExpression`. */
  dataVersion?: readonly (string | number)[] | null;
};

// Writing last_seen_at on every request would turn every read into a write.
const TOUCH_INTERVAL_MS = 60_000;

export function createAuthService(deps: {
  db: TDatabase;
  usersRepo: Pick<TUsersRepo, "countUsers" | "findByEmail" | "insertUser" | "lockFirstRunSetup">;
  sessionsRepo: TSessionsRepo;
  auditService: Pick<TAuditService, "recordEvent">;
  sessionTtlHours: number;
  /** Single sign-on's rule for passwords: an error when this account must use the provider. */
  passwordRefusal?: (userId: string) => Promise<AppError | undefined>;
  now?: () => Date;
}) {
  const now = deps.now ?? (() => new Date());

  async function startSession(user: TUserRow, meta: TClientMeta): Promise<string> {
    const token = generateSecret("sls");
    await deps.sessionsRepo.insertSession({
      idHash: hashSecret(token),
      userId: user.id,
      expiresAt: new Date(now().getTime() + deps.sessionTtlHours * 3_600_000),
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
      ip: meta.ip,
    });
    return token;
  }

  return {
    startSession,

    async isSetupNeeded(): Promise<boolean> {
      return (await deps.usersRepo.countUsers()) === 0;
    },

    /** Creates the first admin, only while no user exists; concurrent attempts are serialised. */
    async setupFirstAdmin(input: TSetupRequest, meta: TClientMeta, requestId?: string) {
      const passwordHash = await hashPassword(input.password);
      const user = await deps.db.transaction(async (tx) => {
        await deps.usersRepo.lockFirstRunSetup(tx);
        if ((await deps.usersRepo.countUsers(tx)) > 0) {
          throw new AppError("ALREADY_SET_UP", "Shortlist is already set up. Sign in instead.");
        }
        const created = await deps.usersRepo.insertUser(
          { email: input.email, name: input.name, role: "admin", passwordHash },
          tx,
        );
        const actor: TActor = { userId: created.id, label: created.email, requestId };
        await deps.auditService.recordEvent(
          actor,
          {
            action: "setup.completed",
            entityType: "user",
            entityId: created.id,
            after: presentUser(created),
          },
          tx,
        );
        return created;
      });
      return { user: presentUser(user), sessionToken: await startSession(user, meta) };
    },

    /** An account made from the command line (create-admin, seed-demo), audited as the CLI. */
    async createAccount(input: TSetupRequest & { role: TUserRole }) {
      const passwordHash = await hashPassword(input.password);
      return deps.db.transaction(async (tx) => {
        if (await deps.usersRepo.findByEmail(input.email, tx)) {
          throw new AppError("CONFLICT", `${input.email} already has an account.`, {
            fields: [{ field: "email", message: "already has an account" }],
          });
        }
        const created = await deps.usersRepo.insertUser(
          { email: input.email, name: input.name, role: input.role, passwordHash },
          tx,
        );
        await deps.auditService.recordEvent(
          { userId: null, label: "cli" },
          {
            action: "user.created",
            entityType: "user",
            entityId: created.id,
            after: presentUser(created),
          },
          tx,
        );
        return presentUser(created);
      });
    },

    async login(input: TLoginRequest, meta: TClientMeta, requestId?: string) {
      const user = await deps.usersRepo.findByEmail(input.email);
      if (!user) {
        await burnPasswordCheck(input.password);
        throw invalidCredentials();
      }
      const ok = await verifyPassword(user.passwordHash, input.password);
      // A disabled account gets the same answer as a wrong password: no account probing.
      if (!ok || user.disabledAt !== null) throw invalidCredentials();
      // Only after the password is right: the refusal tells nothing to someone guessing.
      const refusal = await deps.passwordRefusal?.(user.id);
      if (refusal) throw refusal;
      const sessionToken = await startSession(user, meta);
      await deps.auditService.recordEvent(
        { userId: user.id, label: user.email, requestId },
        { action: "auth.login", entityType: "user", entityId: user.id, after: { ip: meta.ip } },
      );
      return { user: presentUser(user), sessionToken };
    },

    async logout(principal: TSessionPrincipal, requestId?: string): Promise<void> {
      await deps.sessionsRepo.deleteSession(principal.sessionHash);
      await deps.auditService.recordEvent(
        { userId: principal.user.id, label: principal.user.email, requestId },
        { action: "auth.logout", entityType: "user", entityId: principal.user.id },
      );
    },

    /** The session a browser held before signing in again; nothing to audit, nobody is told. */
    async endSession(sessionHash: string): Promise<void> {
      await deps.sessionsRepo.deleteSession(sessionHash);
    },

    /**
     * The signed-in user of a session cookie; with `withScope`, also what the user may see, read
     * in the same statement (a read request then costs one statement before its own work).
     */
    async resolveSession(
      sessionToken: string,
      options: { withScope?: boolean } = {},
    ): Promise<TSessionPrincipal | undefined> {
      const sessionHash = hashSecret(sessionToken);
      const current = now();
      const found = await deps.sessionsRepo.findActiveSession(sessionHash, current, options);
      if (!found) return undefined;
      if (current.getTime() - found.session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
        await deps.sessionsRepo.touchSession(sessionHash, current);
      }
      const user = presentUser(found.user);
      return {
        user,
        sessionHash,
        scope: found.scope ? scopeFromLists(user, found.scope) : undefined,
        dataVersion: found.dataVersion,
      };
    },
  };
}
export type TAuthService = ReturnType<typeof createAuthService>;

function invalidCredentials() {
  return new AppError("INVALID_CREDENTIALS", "The e-mail address or password is not correct.");
}
