import { randomUUID } from "node:crypto";
import { databasePriority } from "../db/pglite-thread.js";
import zlib from "node:zlib";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import compress from "@fastify/compress";
import cookie from "@fastify/cookie";
import helmet from "@fastify/helmet";
import multipart from "@fastify/multipart";
import rateLimit from "@fastify/rate-limit";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, { LogController } from "fastify";
import type { FastifyServerOptions } from "fastify";
import { jsonSchemaTransform, serializerCompiler } from "fastify-type-provider-zod";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { registerAuthentication } from "./authentication.js";
import { handleClientError, handleError, handleFrameworkError } from "./error-handler.js";
import { registerHealthRoutes } from "./health.routes.js";
import { registerRequestLog } from "./request-log.js";
import { API_BROTLI_QUALITY, API_COMPRESS_THRESHOLD } from "./shared-response.js";
import { registerSpa } from "./spa.js";
import { validatorCompiler } from "./validation.js";
import type { TApp, TPrincipalResolvers } from "./types.js";

/**
 * The framework side of the server: plugins, security headers, error shape, authentication and the
 * SPA. It knows no domain; the composition root (`src/routes.ts`) hands in the principal lookups and
 * the function that registers every domain's routes.
 */
export type THttpAppOptions = {
  principals: TPrincipalResolvers;
  registerRoutes: (app: TApp) => void;
  cookieSecret: string;
  bodyLimitBytes: number;
  trustProxy: boolean;
  logger: FastifyServerOptions["logger"];
  version: string;
  databaseKind: "pglite" | "postgres";
  /** From PUBLIC_URL=https://…: cookies are Secure even when TLS ends at a proxy. */
  secureCookies?: boolean;
  /** Built SPA; absent in API-only tests. */
  webDistDir?: string | undefined;
};

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

export const DEFAULT_WEB_DIST = fileURLToPath(new URL("../../web/dist/", import.meta.url));

export async function buildHttpApp(options: THttpAppOptions): Promise<TApp> {
  const app = Fastify({
    logger: options.logger,
    bodyLimit: options.bodyLimitBytes,
    trustProxy: options.trustProxy,
    // Plugins only register routes and read files; avvio's 10 s default was exceeded by
    // @fastify/swagger-ui on a machine at load 15, failing a start that would have succeeded.
    pluginTimeout: 60_000,
    // Our own one-line-per-request log (request-log.ts) replaces Fastify's two lines.
    logController: new LogController({ disableRequestLogging: true }),
    // 414/431 and other errors before routing answer in our error shape, not Fastify's.
    frameworkErrors: (error, request, reply) => {
      void handleFrameworkError(error, request, reply);
    },
    clientErrorHandler: handleClientError,
    // A caller-supplied id is kept when it looks like one, so a proxy's id follows the request.
    genReqId: (req) => {
      const incoming = req.headers["x-request-id"];
      return typeof incoming === "string" && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
  }).withTypeProvider<ZodTypeProvider>();

  // The embedded database serves the oldest request's statements first (db/pglite-thread.ts).
  app.addHook("onRequest", (_request, _reply, done) => {
    databasePriority.run({ since: performance.now() }, done);
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  registerRequestLog(app);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    // Only meaningful over TLS; browsers ignore it on plain http.
    strictTransportSecurity: { maxAge: 15_552_000, includeSubDomains: true },
  });
  await app.register(cookie, { secret: options.cookieSecret });
  // API responses compressed on the fly; brotli at quality 4 costs about what gzip does per byte.
  // Pages served from a read cache are compressed once instead (shared-response.ts).
  await app.register(compress, {
    encodings: ["br", "gzip"],
    threshold: API_COMPRESS_THRESHOLD,
    brotliOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: API_BROTLI_QUALITY } },
  });
  await app.register(rateLimit, { global: false });
  // File uploads (résumés, intake batches, submissions). Registered once, here; each route reads its
  // parts with tighter per-request limits. These are only the outer bounds.
  await app.register(multipart, {
    limits: {
      fileSize: 100 * 1024 * 1024,
      files: 200,
      fields: 20,
      parts: 250,
      fieldSize: 64 * 1024,
    },
  });
  await app.register(swagger, {
    openapi: {
      info: {
        title: "Shortlist API",
        version: options.version,
        description: "Structured hiring for Django teams.",
      },
      components: {
        securitySchemes: {
          bearerToken: {
            type: "http",
            scheme: "bearer",
            description: "A personal API token (`slt_…`)",
          },
          sessionCookie: { type: "apiKey", in: "cookie", name: "sl_session" },
        },
      },
      security: [{ bearerToken: [] }, { sessionCookie: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs", staticCSP: true });

  registerAuthentication(app, {
    ...options.principals,
    forceSecureCookies: options.secureCookies ?? false,
  });
  registerHealthRoutes(app, { version: options.version, databaseKind: options.databaseKind });
  options.registerRoutes(app);

  app.get("/api/openapi.json", { config: { access: "public" }, schema: { hide: true } }, () =>
    app.swagger(),
  );

  const webDist = options.webDistDir;
  await registerSpa(app, webDist !== undefined && existsSync(webDist) ? webDist : undefined);
  return app;
}
