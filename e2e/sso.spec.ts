import { expect, test } from "@playwright/test";
import { startOidcTestProvider } from "../src/test-support/oidc-test-provider.js";
import { expectNoSeriousViolations } from "./support/axe.js";
import { setUpAdmin } from "./support/team.js";

/**
 * Single sign-on end to end: this spec runs a real OIDC provider (oidc-provider) on the loopback
 * port playwright.config.ts gives it, and its server is configured for it (SSO_SPECS). A person
 * on the allowed domain clicks "Sign in with Acme SSO", signs in at the provider's pages and
 * lands on their dashboard as a new interviewer; one outside the domain and without an invite is
 * sent back to the login page with a sentence saying why.
 */
const port = Number(process.env.E2E_SSO_PORT_SSO);
let provider: Awaited<ReturnType<typeof startOidcTestProvider>>;

test.beforeAll(async ({ baseURL }) => {
  provider = await startOidcTestProvider({
    port,
    redirectUri: `${baseURL ?? ""}/api/auth/sso/callback`,
    clientId: "shortlist-e2e",
    clientSecret: "an-e2e-client-secret-for-loopback-only",
  });
  provider.addAccount("rui", {
    email: "rui@acme.example",
    email_verified: true,
    name: "Rui Costa",
  });
  provider.addAccount("eve", { email: "eve@elsewhere.example", email_verified: true, name: "Eve" });
});
test.afterAll(async () => provider.close());

async function signInAtProvider(page: import("@playwright/test").Page, login: string) {
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("any password");
  await page.getByRole("button", { name: "Sign-in" }).click();
  // The provider asks to share the profile with Shortlist once.
  const consent = page.getByRole("button", { name: "Continue" });
  if (await consent.isVisible({ timeout: 5_000 }).catch(() => false)) await consent.click();
}

test("a colleague on the allowed domain signs in through the provider and lands on the dashboard", async ({
  browser,
}) => {
  await setUpAdmin(browser);
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto("/login");
  const button = page.getByRole("link", { name: "Sign in with Acme SSO" });
  await expect(button).toBeVisible();
  await expectNoSeriousViolations(page);
  await button.click();
  await expect(page).toHaveURL(new RegExp(`^http://127\\.0\\.0\\.1:${port}/`));
  await signInAtProvider(page, "rui");
  await expect(page.getByRole("heading", { level: 1, name: "Welcome, Rui" })).toBeVisible();
  const session = (await (await context.request.get("/api/auth/session")).json()) as {
    user: { email: string; role: string };
  };
  expect(session.user).toMatchObject({ email: "rui@acme.example", role: "interviewer" });
  await page.screenshot({ path: "test-results/sso/dashboard-390.png" });

  // Someone with no account, no invite and another domain is told why on the login page.
  const other = await (await browser.newContext()).newPage();
  await other.goto("/login");
  await other.getByRole("link", { name: "Sign in with Acme SSO" }).click();
  await signInAtProvider(other, "eve");
  await expect(other).toHaveURL(/\/login\?sso_error=not_invited/);
  await expect(
    other.getByText(/there is no Shortlist account or invite for that address/),
  ).toBeVisible();
  await expectNoSeriousViolations(other);
  await other.screenshot({ path: "test-results/sso/refused-1280.png" });
});
