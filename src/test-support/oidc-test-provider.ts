import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";

export type TTestAccount = { email: string; email_verified: boolean; name: string };

/**
 * A real OpenID provider (oidc-provider) on 127.0.0.1 for tests: one confidential client that
 * must use PKCE, accounts the test adds, and the library's development login and consent pages,
 * which `signInAtProvider` fills in as a person would.
 */
export async function startOidcTestProvider(options: {
  redirectUri: string;
  port?: number;
  clientId?: string;
  clientSecret?: string;
}) {
  const accounts = new Map<string, TTestAccount>();
  const route: { handler?: (req: never, res: never) => void } = {};
  const server = createServer((req, res) =>
    route.handler ? route.handler(req as never, res as never) : res.end(),
  );
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = options.clientId ?? "shortlist-test";
  const clientSecret = options.clientSecret ?? "a-test-client-secret-that-is-long-enough";
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [options.redirectUri],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    pkce: { required: () => true },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ["oidc-test-provider-cookie-key"] },
    findAccount: (_ctx, id) => {
      const account = accounts.get(id);
      if (!account) return undefined;
      return { accountId: id, claims: () => ({ sub: id, ...account }) };
    },
  });
  const callback = provider.callback();
  route.handler = (req, res) => void callback(req, res);
  return {
    issuer,
    clientId,
    clientSecret,
    /** Adds a person who can sign in at the provider with `login` (any password). */
    addAccount(login: string, account: TTestAccount) {
      accounts.set(login, account);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Follows the provider's pages from the authorization URL as a browser would: signs in as
 * `login`, consents, and returns the URL the provider sends the browser back to (the callback).
 */
export async function signInAtProvider(
  authorizationUrl: string,
  login: string,
  callbackPrefix: string,
): Promise<URL> {
  const jar = new Map<string, string>();
  let url = new URL(authorizationUrl);
  let body: string | undefined;
  for (let hop = 0; hop < 20; hop++) {
    const response = await fetch(url, {
      method: body === undefined ? "GET" : "POST",
      redirect: "manual",
      headers: {
        cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; "),
        ...(body === undefined ? {} : { "content-type": "application/x-www-form-urlencoded" }),
      },
      ...(body === undefined ? {} : { body }),
    });
    body = undefined;
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ""] = cookie.split(";");
      const at = pair.indexOf("=");
      jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
    const location = response.headers.get("location");
    if (location) {
      const next = new URL(location, url);
      if (next.href.startsWith(callbackPrefix)) return next;
      url = next;
      continue;
    }
    const html = await response.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    if (!action) throw new Error(`the provider answered ${response.status} without a form`);
    url = new URL(action.replace(/&amp;/g, "&"), url);
    body = html.includes('name="login"')
      ? new URLSearchParams({ prompt: "login", login, password: "any" }).toString()
      : new URLSearchParams({ prompt: "consent" }).toString();
  }
  throw new Error("the provider did not send the browser back");
}
