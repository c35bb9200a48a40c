import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { z } from "zod";

const ZPort = z.coerce.number().int().min(1).max(65535);

// Every variable the process reads; README's configuration table mirrors this list.
const ZEnv = z.object({
  PORT: ZPort.default(3000),
  HOST: z.string().min(1).max(255).default("127.0.0.1"),
  SHORTLIST_DATA_DIR: z.string().min(1).max(4096).default("./data"),
  DATABASE_URL: z
    .string()
    .max(4096)
    .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
    .optional(),
  SESSION_SECRET: z.string().min(32, "must be at least 32 characters").max(512).optional(),
  PUBLIC_URL: z
    .url({ protocol: /^https?$/ })
    .max(2048)
    .optional(),
  TRUST_PROXY: z
    .enum(["true", "false", "1", "0"])
    .default("false")
    .transform((v) => v === "true" || v === "1"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(24 * 14),
  SHORTLIST_WEB_DIST: z.string().min(1).max(4096).optional(),
  SHORTLIST_WORKER: z.enum(["in-process", "off"]).default("in-process"),
  // Sandbox uids are 61000+slot; worker processes on one machine need disjoint slot ranges.
  SHORTLIST_GRADER_SLOT_BASE: z.coerce.number().int().min(0).max(900).default(0),
  METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").max(512).optional(),
  // smtp(s)://user:password@host:port; without it mail stays in the outbox for admins to read.
  SMTP_URL: z
    .url({ protocol: /^smtps?$/, error: "must be an smtp:// or smtps:// URL" })
    .max(2048)
    .optional(),
  MAIL_FROM: z.string().min(3).max(320).default("Shortlist <shortlist@localhost>"),
  SMTP_TIMEOUT_MS: z.coerce.number().int().min(1000).max(120_000).default(15_000),
  // Off by default: a webhook URL must not reach this machine or the private network (SSRF).
  WEBHOOK_ALLOW_PRIVATE_ADDRESSES: z
    .enum(["true", "false", "1", "0"])
    .default("false")
    .transform((v) => v === "true" || v === "1"),
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  // For end-to-end tests and demos on a loopback server: an admin may move the clock forward.
  SHORTLIST_TEST_CLOCK: z
    .enum(["true", "false", "1", "0"])
    .default("false")
    .transform((v) => v === "true" || v === "1"),
  // Single sign-on (OIDC): all three of issuer, client id and secret, or none.
  OIDC_ISSUER: z
    .url({ protocol: /^https?$/, error: "must be the issuer's https:// URL" })
    .max(2048)
    .optional(),
  OIDC_CLIENT_ID: z.string().min(1).max(512).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).max(1024).optional(),
  // Comma-separated e-mail domains whose people may create an (interviewer) account by signing in.
  OIDC_ALLOWED_DOMAINS: z
    .string()
    .max(4096)
    .default("")
    .transform((v) =>
      v
        .split(",")
        .map((d) => d.trim().toLowerCase().replace(/^@/, ""))
        .filter(Boolean),
    )
    .refine((domains) => domains.every((d) => /^[a-z0-9.-]+\.[a-z]{2,}$/.test(d)), {
      error: "must be a comma-separated list of e-mail domains, e.g. example.com,example.org",
    }),
  OIDC_DISPLAY_NAME: z.string().min(1).max(60).default("single sign-on"),
  // off: people who have signed in with SSO can no longer sign in with a password.
  OIDC_PASSWORD_LOGIN: z.enum(["on", "off"]).default("on"),
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(64 * 1024 * 1024)
    .default(1024 * 1024),
});

export type TConfig = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** Present only when configured; embedded mode reads or creates it in the data dir at boot. */
  sessionSecret: string | undefined;
  /** The base of every link Shortlist sends: PUBLIC_URL, or on localhost the configured address. */
  publicUrl: string;
  trustProxy: boolean;
  logLevel: z.infer<typeof ZEnv>["LOG_LEVEL"];
  sessionTtlHours: number;
  bodyLimitBytes: number;
  /** GET /metrics needs it as a bearer token; without it metrics are served to localhost only. */
  metricsToken: string | undefined;
  /** `serve` runs background jobs itself unless separate `shortlist worker` processes do. */
  runWorkerInProcess: boolean;
  /** The built web app; development may point at another build. */
  webDistDir: string | undefined;
  /** First sandbox uid slot of this process's gradings. */
  graderSlotBase: number;
  /** SMTP_URL (holds the SMTP password: never log it), MAIL_FROM and the send timeout. */
  mail: { smtpUrl: string | undefined; from: string; sendTimeoutMs: number };
  /** Whether webhook URLs may resolve to private, loopback or link-local addresses; the time limit of one delivery. */
  webhooks: { allowPrivateAddresses: boolean; timeoutMs: number };
  /** SHORTLIST_TEST_CLOCK: a clock admins may move forward (POST /api/admin/test-clock); loopback only. */
  testClock: boolean;
  /** OIDC single sign-on, when OIDC_ISSUER is set (the secret: never log it). */
  sso: TSsoSettings | undefined;
  /** Derived: cookies get `Secure` when the public URL is https. */
  secureCookies: boolean;
  isEmbeddedDatabase: boolean;
};

export type TSsoSettings = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Lower-case e-mail domains whose people get an interviewer account on first sign-in. */
  allowedDomains: string[];
  /** The button says "Sign in with <displayName>". */
  displayName: string;
  /** false: an account linked to SSO cannot sign in with its password. */
  passwordLogin: boolean;
};

export class ConfigError extends Error {}

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "::1"]);

function isLoopbackUrl(url: string): boolean {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, "");
  return LOOPBACK_HOSTS.has(host);
}

function localUrl(host: string, port: number): string {
  return `http://${host === "::1" ? "[::1]" : host}:${port}`;
}

export function parseConfig(env: NodeJS.ProcessEnv): TConfig {
  const result = ZEnv.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => {
      const variable = issue.path.join(".");
      const value =
        variable.includes("SECRET") ||
        variable.includes("TOKEN") ||
        variable === "DATABASE_URL" ||
        variable === "SMTP_URL"
          ? ""
          : ` (got "${env[variable] ?? ""}")`;
      return `  ${variable}: ${issue.message}${value}`;
    });
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const e = result.data;
  if (e.DATABASE_URL && !e.SESSION_SECRET) {
    throw new ConfigError(
      "Invalid configuration:\n  SESSION_SECRET: required when DATABASE_URL is set (at least 32 characters; e.g. `openssl rand -hex 32`)",
    );
  }
  const loopback = LOOPBACK_HOSTS.has(e.HOST);
  if (!e.PUBLIC_URL && !loopback) {
    throw new ConfigError(
      `Invalid configuration:\n  PUBLIC_URL: required when HOST is not localhost (HOST is "${e.HOST}"); ` +
        "invite and assessment links are built from it, e.g. PUBLIC_URL=https://hiring.example.com",
    );
  }
  if (e.SHORTLIST_TEST_CLOCK && !loopback) {
    throw new ConfigError(
      `Invalid configuration:\n  SHORTLIST_TEST_CLOCK: allowed only when HOST is loopback (HOST is "${e.HOST}"); ` +
        "it lets an admin move the server's clock, which only tests and demos should do",
    );
  }
  const oidcSet = [e.OIDC_ISSUER, e.OIDC_CLIENT_ID, e.OIDC_CLIENT_SECRET].filter(Boolean).length;
  if (oidcSet > 0 && oidcSet < 3) {
    const missing = (["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"] as const).filter(
      (name) => !e[name],
    );
    throw new ConfigError(
      `Invalid configuration:\n  ${missing.join(", ")}: required for single sign-on (set OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET together)`,
    );
  }
  if (e.OIDC_ISSUER?.startsWith("http://") && !isLoopbackUrl(e.OIDC_ISSUER)) {
    throw new ConfigError(
      "Invalid configuration:\n  OIDC_ISSUER: must be https:// (plain http is allowed only for a provider on this machine)",
    );
  }
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: resolve(e.SHORTLIST_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    sessionSecret: e.SESSION_SECRET,
    // Never the request's Host header: a forged Host would otherwise poison the links we send.
    publicUrl: e.PUBLIC_URL?.replace(/\/+$/, "") ?? localUrl(e.HOST, e.PORT),
    trustProxy: e.TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    metricsToken: e.METRICS_TOKEN,
    runWorkerInProcess: e.SHORTLIST_WORKER === "in-process",
    webDistDir: e.SHORTLIST_WEB_DIST === undefined ? undefined : resolve(e.SHORTLIST_WEB_DIST),
    graderSlotBase: e.SHORTLIST_GRADER_SLOT_BASE,
    mail: { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM, sendTimeoutMs: e.SMTP_TIMEOUT_MS },
    webhooks: {
      allowPrivateAddresses: e.WEBHOOK_ALLOW_PRIVATE_ADDRESSES,
      timeoutMs: e.WEBHOOK_TIMEOUT_MS,
    },
    testClock: e.SHORTLIST_TEST_CLOCK,
    sso:
      e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET
        ? {
            issuer: e.OIDC_ISSUER,
            clientId: e.OIDC_CLIENT_ID,
            clientSecret: e.OIDC_CLIENT_SECRET,
            allowedDomains: e.OIDC_ALLOWED_DOMAINS,
            displayName: e.OIDC_DISPLAY_NAME,
            passwordLogin: e.OIDC_PASSWORD_LOGIN === "on",
          }
        : undefined,
    secureCookies: e.PUBLIC_URL?.startsWith("https://") ?? false,
    isEmbeddedDatabase: !e.DATABASE_URL,
  };
}

export function readPackageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
    version: string;
  };
  return pkg.version;
}
