import * as oidc from "openid-client";
import type { TSsoSettings } from "../../config.js";
import type { TDatabase } from "../../db/client.js";
import { AppError } from "../../errors.js";
import { generateSecret } from "../../shared/secure-token.js";
import type { TAuditService } from "../audit/audit.service.js";
import type { TClientMeta } from "../auth/auth.service.js";
import { hashPassword } from "../auth/passwords.js";
import type { TInvitesRepo } from "../users/invites.repo.js";
import { presentUser } from "../users/user-presenter.js";
import type { TUserRow, TUsersRepo } from "../users/users.repo.js";
import type { TIdentitiesRepo } from "./identities.repo.js";

/** What the browser keeps between the redirect to the provider and its return (signed cookie). */
export type TSsoPending = { state: string; nonce: string; verifier: string };

/** Why a sign-in was refused; the login page turns each into a sentence for people. */
export const SSO_FAILURES = [
  "not_invited",
  "email_unverified",
  "account_disabled",
  "expired",
  "provider_error",
] as const;
export type TSsoFailure = (typeof SSO_FAILURES)[number];

export class SsoRefused extends Error {
  constructor(
    readonly reason: TSsoFailure,
    detail: string,
  ) {
    super(detail);
  }
}

const SCOPE = "openid email profile";

/**
 * Single sign-on with one OIDC provider: the authorization code flow with PKCE, state and nonce
 * (openid-client), then the account rules: a known identity signs in; a first sign-in with a
 * verified e-mail links to the account with that address, or accepts its open invite, or makes an
 * interviewer when the domain is allowed; anything else is refused.
 */
export function createSsoService(deps: {
  db: TDatabase;
  settings: TSsoSettings;
  /** Where the provider sends the browser back: PUBLIC_URL + the callback path. */
  redirectUri: string;
  usersRepo: Pick<TUsersRepo, "findByEmail" | "findById" | "insertUser">;
  invitesRepo: Pick<TInvitesRepo, "updateInvite">;
  identitiesRepo: TIdentitiesRepo;
  auditService: Pick<TAuditService, "recordEvent">;
  startSession: (user: TUserRow, meta: TClientMeta) => Promise<string>;
  now?: () => Date;
}) {
  const now = deps.now ?? (() => new Date());
  const { settings } = deps;
  let discovered: Promise<oidc.Configuration> | undefined;

  /** The provider's metadata, fetched once; a failed fetch is tried again on the next sign-in. */
  function configuration(): Promise<oidc.Configuration> {
    discovered ??= oidc
      .discovery(
        new URL(settings.issuer),
        settings.clientId,
        settings.clientSecret,
        undefined,
        // Plain http only for a provider on this machine (config.ts refuses it otherwise).
        // eslint-disable-next-line @typescript-eslint/no-deprecated -- deliberate, loopback only
        settings.issuer.startsWith("http://") ? { execute: [oidc.allowInsecureRequests] } : {},
      )
      .catch((error: unknown) => {
        discovered = undefined;
        throw error;
      });
    return discovered;
  }

  async function accountFor(
    claims: { sub: string; email?: string; emailVerified: boolean; name?: string },
    requestId: string | undefined,
  ): Promise<TUserRow> {
    const issuer = settings.issuer;
    const known = await deps.identitiesRepo.findUserId(issuer, claims.sub);
    if (known) {
      const user = await deps.usersRepo.findById(known);
      if (!user || user.disabledAt)
        throw new SsoRefused("account_disabled", "the linked account is disabled");
      await deps.identitiesRepo.touch(issuer, claims.sub, now());
      return user;
    }
    const email = claims.email?.trim().toLowerCase();
    if (!email || !claims.emailVerified)
      throw new SsoRefused("email_unverified", "the provider did not vouch for an e-mail address");
    return deps.db.transaction(async (tx) => {
      const existing = await deps.usersRepo.findByEmail(email, tx);
      if (existing) {
        if (existing.disabledAt)
          throw new SsoRefused("account_disabled", "the account is disabled");
        await deps.identitiesRepo.link(issuer, claims.sub, existing.id, tx);
        await deps.auditService.recordEvent(
          { userId: existing.id, label: existing.email, requestId },
          {
            action: "user.sso_linked",
            entityType: "user",
            entityId: existing.id,
            after: { issuer },
          },
          tx,
        );
        return existing;
      }
      const invite = await deps.identitiesRepo.findPendingInvite(email, now(), tx);
      const domain = email.split("@").at(-1) ?? "";
      if (!invite && !settings.allowedDomains.includes(domain))
        throw new SsoRefused("not_invited", `no account or invite for ${email}`);
      // The account has no password anyone knows: it signs in through the provider.
      const passwordHash = await hashPassword(generateSecret("unusable"));
      const created = await deps.usersRepo.insertUser(
        {
          email,
          name: invite?.name ?? claims.name?.trim().slice(0, 200) ?? email,
          role: invite?.role ?? "interviewer",
          passwordHash,
        },
        tx,
      );
      if (invite)
        await deps.invitesRepo.updateInvite(
          invite.id,
          { acceptedAt: now(), userId: created.id },
          tx,
        );
      await deps.identitiesRepo.link(issuer, claims.sub, created.id, tx);
      await deps.auditService.recordEvent(
        { userId: created.id, label: created.email, requestId },
        {
          action: invite ? "invite.accepted" : "user.created",
          entityType: "user",
          entityId: created.id,
          after: { ...presentUser(created), via: "sso" },
        },
        tx,
      );
      return created;
    });
  }

  return {
    /** For the login page: whether the button shows, its label, and whether passwords work. */
    describe() {
      return {
        enabled: true,
        displayName: settings.displayName,
        passwordLogin: settings.passwordLogin,
      };
    },

    /** The provider's authorization URL, and what the browser must bring back to finish. */
    async start(): Promise<{ url: string; pending: TSsoPending }> {
      let config: oidc.Configuration;
      try {
        config = await configuration();
      } catch {
        throw new SsoRefused("provider_error", "the provider's metadata could not be read");
      }
      const pending: TSsoPending = {
        state: oidc.randomState(),
        nonce: oidc.randomNonce(),
        verifier: oidc.randomPKCECodeVerifier(),
      };
      const url = oidc.buildAuthorizationUrl(config, {
        redirect_uri: deps.redirectUri,
        scope: SCOPE,
        state: pending.state,
        nonce: pending.nonce,
        code_challenge: await oidc.calculatePKCECodeChallenge(pending.verifier),
        code_challenge_method: "S256",
      });
      return { url: url.href, pending };
    },

    /**
     * The provider sent the browser back: exchange the code (checking state, nonce and the PKCE
     * verifier), read who it is, and start a session for their account.
     */
    async finish(
      callbackUrl: URL,
      pending: TSsoPending | undefined,
      meta: TClientMeta,
      requestId?: string,
    ) {
      if (!pending) throw new SsoRefused("expired", "no sign-in was under way in this browser");
      const config = await configuration().catch(() => {
        throw new SsoRefused("provider_error", "the provider's metadata could not be read");
      });
      let claims: { sub: string; email?: string; emailVerified: boolean; name?: string };
      try {
        const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
          pkceCodeVerifier: pending.verifier,
          expectedState: pending.state,
          expectedNonce: pending.nonce,
          idTokenExpected: true,
        });
        const idToken = tokens.claims();
        if (!idToken) throw new Error("no ID token");
        const info = await oidc.fetchUserInfo(config, tokens.access_token, idToken.sub);
        claims = {
          sub: idToken.sub,
          emailVerified: info.email_verified === true,
          ...(typeof info.email === "string" ? { email: info.email } : {}),
          ...(typeof info.name === "string" ? { name: info.name } : {}),
        };
      } catch (error) {
        // The library's message names the check that failed (state, nonce, issuer…), never a token.
        throw new SsoRefused(
          "provider_error",
          error instanceof Error ? error.message : "the provider's answer was not accepted",
        );
      }
      const user = await accountFor(claims, requestId);
      const sessionToken = await deps.startSession(user, meta);
      await deps.auditService.recordEvent(
        { userId: user.id, label: user.email, requestId },
        {
          action: "auth.login",
          entityType: "user",
          entityId: user.id,
          after: { ip: meta.ip, via: "sso" },
        },
      );
      return { user: presentUser(user), sessionToken };
    },
  };
}
export type TSsoService = ReturnType<typeof createSsoService>;

/** The password rule: with OIDC_PASSWORD_LOGIN=off, an account linked to SSO signs in there. */
export function passwordRefusedForSso(displayName: string) {
  return new AppError(
    "FORBIDDEN",
    `Your account signs in with ${displayName}. Use the "Sign in with ${displayName}" button.`,
  );
}
