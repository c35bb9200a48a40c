import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "./config.js";

describe("configuration", () => {
  it("has working defaults for the embedded database", () => {
    const config = parseConfig({});
    expect(config).toMatchObject({
      port: 3000,
      isEmbeddedDatabase: true,
      secureCookies: false,
      bodyLimitBytes: 1024 * 1024,
    });
    expect(config.dataDir).toMatch(/\/data$/);
  });

  it("stops with a message naming the variable", () => {
    expect(() => parseConfig({ PORT: "eighty" })).toThrow(ConfigError);
    expect(() => parseConfig({ PORT: "eighty" })).toThrow(/PORT: .*\(got "eighty"\)/);
    expect(() => parseConfig({ LOG_LEVEL: "loud" })).toThrow(/LOG_LEVEL/);
  });

  it("requires SESSION_SECRET with DATABASE_URL, and never echoes a secret or the URL", () => {
    expect(() => parseConfig({ DATABASE_URL: "postgres://u:pw@db/x" })).toThrow(
      /SESSION_SECRET: required when DATABASE_URL is set/,
    );
    let message = "";
    try {
      parseConfig({ DATABASE_URL: "mysql://u:hunter2@db/x", SESSION_SECRET: "too-short-hunter3" });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/DATABASE_URL/);
    expect(message).toMatch(/SESSION_SECRET/);
    expect(message).not.toMatch(/hunter2|hunter3/);
  });

  it("marks cookies Secure when the public URL is https", () => {
    expect(parseConfig({ PUBLIC_URL: "https://hire.example.com/" })).toMatchObject({
      secureCookies: true,
      publicUrl: "https://hire.example.com",
    });
  });

  it("requires PUBLIC_URL outside localhost, and on localhost builds links from the configured port", () => {
    expect(() => parseConfig({ HOST: "0.0.0.0" })).toThrow(/PUBLIC_URL: required when HOST/);
    expect(parseConfig({ HOST: "0.0.0.0", PUBLIC_URL: "https://hire.example.com" }).publicUrl).toBe(
      "https://hire.example.com",
    );
    // The configured address, as configured: a link must reach the cookie the server sets.
    expect(parseConfig({ PORT: "4123" }).publicUrl).toBe("http://127.0.0.1:4123");
    expect(parseConfig({ HOST: "localhost", PORT: "4123" }).publicUrl).toBe(
      "http://localhost:4123",
    );
    expect(parseConfig({ HOST: "::1", PORT: "4123" }).publicUrl).toBe("http://[::1]:4123");
  });

  it("runs the test clock only when asked, and only on a loopback HOST", () => {
    expect(parseConfig({}).testClock).toBe(false);
    expect(parseConfig({ SHORTLIST_TEST_CLOCK: "true" }).testClock).toBe(true);
    expect(() =>
      parseConfig({
        SHORTLIST_TEST_CLOCK: "true",
        HOST: "0.0.0.0",
        PUBLIC_URL: "https://hiring.example.com",
      }),
    ).toThrow(/SHORTLIST_TEST_CLOCK: allowed only when HOST is loopback/);
  });

  it("refuses private webhook addresses by default and limits a delivery to 10 s", () => {
    expect(parseConfig({}).webhooks).toEqual({ allowPrivateAddresses: false, timeoutMs: 10_000 });
    expect(
      parseConfig({ WEBHOOK_ALLOW_PRIVATE_ADDRESSES: "true", WEBHOOK_TIMEOUT_MS: "500" }).webhooks,
    ).toEqual({ allowPrivateAddresses: true, timeoutMs: 500 });
    expect(() => parseConfig({ WEBHOOK_ALLOW_PRIVATE_ADDRESSES: "yes" })).toThrow(
      /WEBHOOK_ALLOW_PRIVATE_ADDRESSES/,
    );
  });

  it("turns single sign-on on only with issuer, client id and secret together, and never echoes the secret", () => {
    expect(parseConfig({}).sso).toBeUndefined();
    const sso = parseConfig({
      OIDC_ISSUER: "https://login.example.com/",
      OIDC_CLIENT_ID: "shortlist",
      OIDC_CLIENT_SECRET: "s3cret-value",
      OIDC_ALLOWED_DOMAINS: " Example.com, @example.org ",
      OIDC_PASSWORD_LOGIN: "off",
    }).sso;
    expect(sso).toEqual({
      issuer: "https://login.example.com/",
      clientId: "shortlist",
      clientSecret: "s3cret-value",
      allowedDomains: ["example.com", "example.org"],
      displayName: "single sign-on",
      passwordLogin: false,
    });
    expect(() =>
      parseConfig({ OIDC_ISSUER: "https://login.example.com", OIDC_CLIENT_ID: "shortlist" }),
    ).toThrow(/OIDC_CLIENT_SECRET: required for single sign-on/);
    expect(() =>
      parseConfig({
        OIDC_ISSUER: "http://login.example.com",
        OIDC_CLIENT_ID: "a",
        OIDC_CLIENT_SECRET: "b",
      }),
    ).toThrow(/OIDC_ISSUER: must be https:\/\//);
    expect(
      parseConfig({
        OIDC_ISSUER: "http://127.0.0.1:9000",
        OIDC_CLIENT_ID: "a",
        OIDC_CLIENT_SECRET: "b",
      }).sso?.issuer,
    ).toBe("http://127.0.0.1:9000");
    expect(() => parseConfig({ OIDC_ALLOWED_DOMAINS: "not a domain" })).toThrow(
      /OIDC_ALLOWED_DOMAINS: must be a comma-separated list/,
    );
    let message = "";
    try {
      parseConfig({ OIDC_CLIENT_SECRET: "" });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain("OIDC_CLIENT_SECRET");
    expect(message).not.toContain('(got "');
  });
});
