import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";

/** Why a webhook URL was refused; `field` names the request field to blame. */
export class WebhookAddressError extends Error {
  readonly field = "url";
}

// Ranges a webhook must not reach unless WEBHOOK_ALLOW_PRIVATE_ADDRESSES is set: this machine,
// the private network, link-local (cloud metadata at 169.254.169.254) and other non-public space.
const refused = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 3],
] as const) {
  refused.addSubnet(net, prefix, "ipv4");
}
for (const [net, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const) {
  refused.addSubnet(net, prefix, "ipv6");
}

/** True for loopback, private, link-local and other addresses that are not on the public internet. */
export function isNonPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return refused.check(address, "ipv4");
  if (family !== 6) return true;
  // ::ffff:10.0.0.1 reaches 10.0.0.1: judge the IPv4 address it carries.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return refused.check(mapped[1], "ipv4");
  return refused.check(address, "ipv6");
}

export type TResolvedTarget = { url: URL; address: string; family: 4 | 6 };

/**
 * Parses a webhook URL and resolves its host, refusing it when any address is not public
 * (unless allowed). Called at registration and again before every delivery, and the delivery
 * connects to the address checked here, so a DNS answer that changes in between cannot
 * redirect it (DNS rebinding).
 */
export async function resolveWebhookTarget(
  rawUrl: string,
  options: { allowPrivateAddresses: boolean; requireHttps: boolean },
): Promise<TResolvedTarget> {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    throw new WebhookAddressError("The URL is not a valid web address.");
  }
  const httpsOnly = options.requireHttps;
  if (url.protocol !== "https:" && !(url.protocol === "http:" && !httpsOnly)) {
    throw new WebhookAddressError(
      httpsOnly
        ? "The URL must start with https://."
        : "The URL must start with https:// or http://.",
    );
  }
  if (url.username || url.password) {
    throw new WebhookAddressError("The URL must not contain a user name or password.");
  }
  const host = url.hostname.replace(/^\[|\]$/g, "");
  let addresses: { address: string; family: number }[];
  if (isIP(host)) {
    addresses = [{ address: host, family: isIP(host) }];
  } else {
    try {
      addresses = await lookup(host, { all: true, verbatim: true });
    } catch {
      throw new WebhookAddressError(`The host "${host}" could not be found.`);
    }
  }
  const first = addresses[0];
  if (!first) throw new WebhookAddressError(`The host "${host}" could not be found.`);
  if (!options.allowPrivateAddresses) {
    const blocked = addresses.find((a) => isNonPublicAddress(a.address));
    if (blocked) {
      throw new WebhookAddressError(
        `The URL points at ${blocked.address}, a private, loopback or link-local address; webhooks may only reach public addresses.`,
      );
    }
  }
  return { url, address: first.address, family: first.family === 6 ? 6 : 4 };
}
