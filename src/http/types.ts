import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { FastifyBaseLogger, FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { TUserRole } from "../db/schema/index.js";
import type { TUser } from "../modules/users/users.schema.js";

export type TApp = FastifyInstance<
  Server,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/**
 * Every /api route declares who may call it; a route without `access` fails at boot, so a new
 * route cannot be public by accident.
 */
export type TRouteAccess = "public" | "user" | readonly TUserRole[];

export type TPrincipal =
  | { kind: "session"; user: TUser; sessionHash: string }
  | { kind: "token"; user: TUser; tokenId: string };

/** How the authentication plugin turns a cookie or bearer token into a principal. */
export type TPrincipalResolvers = {
  /** `withScope`: the resolver may load the caller's viewer scope in the same statement (reads). */
  resolveSession(
    sessionToken: string,
    options: { withScope: boolean },
  ): Promise<{ user: TUser; sessionHash: string } | undefined>;
  endSession(sessionHash: string): Promise<void>;
  resolveToken(token: string): Promise<{ user: TUser; tokenId: string } | undefined>;
};

declare module "fastify" {
  interface FastifyContextConfig {
    access?: TRouteAccess;
  }
  interface FastifyRequest {
    principal: TPrincipal | null;
  }
  interface FastifyInstance {
    forceSecureCookies: boolean;
    /** Ends one session by its hash (a browser signing in again replaces its old session). */
    endSession: (sessionHash: string) => Promise<void>;
  }
}
