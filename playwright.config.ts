import { defineConfig } from "@playwright/test";

const BASE_PORT = Number(process.env.E2E_PORT ?? 3987);
// Each spec starts from an empty Shortlist (first-run setup included), so each gets its own server
// on its own throwaway data dir rather than inheriting another spec's organisation.
const SPECS = [
  "foundation",
  "hiring",
  "screening",
  "assessment",
  "two-pack",
  "slow-query",
  "privacy",
  "design-review",
  "grading-report",
  "similarity",
  "shortlist",
  "board",
  "fairness",
  "analytics",
  "editing",
  "accessibility",
  "mail",
  "webhooks",
  "calendar",
  "notifications",
  "sso",
] as const;
// Specs that start from the demo organisation (seed-demo) instead of an empty Shortlist.
const DEMO_SPECS = new Set<string>([
  "shortlist",
  "fairness",
  "analytics",
  "accessibility",
  "notifications",
]);
// Specs whose server sends mail to a real SMTP server the spec itself starts, on smtpPortOf(index).
const SMTP_SPECS = new Set<string>(["mail", "calendar"]);
// Specs whose server runs SHORTLIST_TEST_CLOCK: the spec moves time forward through the admin API.
const TEST_CLOCK_SPECS = new Set<string>(["calendar"]);
// Specs whose server delivers webhooks to a receiver the spec starts on webhookPortOf(index); their
// server may reach loopback addresses, which every other server refuses.
const WEBHOOK_SPECS = new Set<string>(["webhooks"]);
// Specs whose server signs in through an OIDC provider the spec starts on ssoPortOf(index).
const SSO_SPECS = new Set<string>(["sso"]);
const portOf = (index: number) => BASE_PORT + index;
/** The loopback port of a spec's webhook receiver; the spec reads it from E2E_WEBHOOK_PORT_<SPEC>. */
const webhookPortOf = (index: number) => BASE_PORT + 1100 + index;
/** The loopback SMTP port a spec's server sends to; the spec reads it from E2E_SMTP_PORT_<SPEC>. */
const smtpPortOf = (index: number) => BASE_PORT + 1000 + index;
/** The loopback port of a spec's OIDC provider; the spec reads it from E2E_SSO_PORT_<SPEC>. */
const ssoPortOf = (index: number) => BASE_PORT + 1200 + index;
// E2E_ONLY=hiring,shortlist starts only those specs' servers (ports and sandbox slots unchanged),
// so working on one spec does not wait for eleven servers.
const only = new Set((process.env.E2E_ONLY ?? "").split(",").filter(Boolean));
// E2E_BASE_URL=http://host:port runs the selected specs against a server that is already running
// (e.g. one started by `npm start` on a fresh clone) instead of starting their own.
const external = process.env.E2E_BASE_URL;
// The config is loaded in the runner and in each worker, so a spec reads its SMTP port from here.
SPECS.forEach((spec, index) => {
  if (SMTP_SPECS.has(spec))
    process.env[`E2E_SMTP_PORT_${spec.toUpperCase()}`] = String(smtpPortOf(index));
  if (WEBHOOK_SPECS.has(spec))
    process.env[`E2E_WEBHOOK_PORT_${spec.toUpperCase()}`] = String(webhookPortOf(index));
  if (SSO_SPECS.has(spec))
    process.env[`E2E_SSO_PORT_${spec.toUpperCase()}`] = String(ssoPortOf(index));
});
const selected = SPECS.map((spec, index) => ({ spec, index })).filter(
  ({ spec }) => only.size === 0 || only.has(spec),
);

export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  fullyParallel: false,
  workers: 1,
  outputDir: "test-results/playwright",
  reporter: [
    ["list"],
    [
      "json",
      { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ?? "test-results/playwright.json" },
    ],
  ],
  projects: selected.map(({ spec, index }) => ({
    name: spec,
    testMatch: `${spec}.spec.ts`,
    use: { baseURL: external ?? `http://127.0.0.1:${portOf(index)}` },
  })),
  use: {
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      // Debian's Chromium; Playwright never downloads a browser here.
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: (external ? [] : selected).map(({ spec, index }) => ({
    command: `node scripts/e2e-server.mjs`,
    url: `http://127.0.0.1:${portOf(index)}/api/health`,
    reuseExistingServer: false,
    // Seeding the demo first takes minutes on a busy machine.
    timeout: DEMO_SPECS.has(spec) ? 300_000 : 120_000,
    // Disjoint sandbox uid ranges, in case two servers grade at the same moment.
    env: {
      PORT: String(portOf(index)),
      SHORTLIST_GRADER_SLOT_BASE: String(Number(process.env.E2E_SLOT_OFFSET ?? 0) + index * 16),
      ...(DEMO_SPECS.has(spec) ? { E2E_SEED_DEMO: "1" } : {}),
      ...(SMTP_SPECS.has(spec) ? { SMTP_URL: `smtp://127.0.0.1:${smtpPortOf(index)}` } : {}),
      ...(TEST_CLOCK_SPECS.has(spec) ? { SHORTLIST_TEST_CLOCK: "true" } : {}),
      ...(WEBHOOK_SPECS.has(spec)
        ? { WEBHOOK_ALLOW_PRIVATE_ADDRESSES: "true", WEBHOOK_TIMEOUT_MS: "5000" }
        : {}),
      // The spec's provider knows this client (e2e/sso.spec.ts); it is only on loopback.
      ...(SSO_SPECS.has(spec)
        ? {
            OIDC_ISSUER: `http://127.0.0.1:${ssoPortOf(index)}`,
            OIDC_CLIENT_ID: "shortlist-e2e",
            OIDC_CLIENT_SECRET: "an-e2e-client-secret-for-loopback-only",
            OIDC_ALLOWED_DOMAINS: "acme.example",
            OIDC_DISPLAY_NAME: "Acme SSO",
            OIDC_PASSWORD_LOGIN: "off",
          }
        : {}),
    },
    stdout: "ignore" as const,
    stderr: "pipe" as const,
  })),
});
