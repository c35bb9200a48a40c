import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { Webhook } from "standardwebhooks";
import { resolveWebhookTarget, WebhookAddressError } from "./webhook-address.js";

export type TWebhookSendSettings = { allowPrivateAddresses: boolean; timeoutMs: number };

export type TWebhookMessage = {
  /** Stable across retries and redeliveries, so a receiver can drop duplicates. */
  messageId: string;
  url: string;
  /** The current secret first; during rotation's grace period the previous one too. Never logged. */
  secrets: readonly string[];
  body: string;
  sentAt?: Date;
};

export type TWebhookSendResult =
  | { ok: true; httpStatus: number; durationMs: number }
  | { ok: false; httpStatus: number | null; durationMs: number; error: string };

/**
 * Standard Webhooks headers for one message. Each secret adds one `v1,` signature, space
 * separated, so a receiver still holding the previous secret verifies during rotation.
 */
export function signWebhook(
  message: Pick<TWebhookMessage, "messageId" | "secrets" | "body">,
  sentAt: Date,
): Record<string, string> {
  const signatures = message.secrets.map((secret) =>
    new Webhook(secret).sign(message.messageId, sentAt, message.body),
  );
  return {
    "webhook-id": message.messageId,
    "webhook-timestamp": String(Math.floor(sentAt.getTime() / 1000)),
    "webhook-signature": signatures.join(" "),
  };
}

const MAX_ERROR_LENGTH = 500;

/** POSTs one signed message; never throws, so the caller records every outcome in the log. */
export async function sendWebhook(
  message: TWebhookMessage,
  settings: TWebhookSendSettings,
): Promise<TWebhookSendResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  let target;
  try {
    target = await resolveWebhookTarget(message.url, {
      allowPrivateAddresses: settings.allowPrivateAddresses,
      requireHttps: !settings.allowPrivateAddresses,
    });
  } catch (error) {
    const text = error instanceof WebhookAddressError ? error.message : "The URL was refused.";
    return { ok: false, httpStatus: null, durationMs: elapsed(), error: text };
  }
  const headers = {
    ...signWebhook(message, message.sentAt ?? new Date()),
    "content-type": "application/json",
    "content-length": String(Buffer.byteLength(message.body)),
    "user-agent": "Shortlist-Webhooks/1",
  };
  const send = target.url.protocol === "https:" ? httpsRequest : httpRequest;
  return await new Promise<TWebhookSendResult>((resolve) => {
    let settled = false;
    const finish = (result: TWebhookSendResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const req = send(
      target.url,
      {
        method: "POST",
        headers,
        // Connect to the address that was checked, not to a second DNS answer (rebinding); TLS
        // still verifies the certificate for the URL's host name, which the agent takes from the URL.
        lookup: (_host, _options, callback) => {
          callback(null, [{ address: target.address, family: target.family }]);
        },
      },
      (res) => {
        // Only the status matters; drain the body so the socket is released.
        res.resume();
        res.on("end", () => {
          const status = res.statusCode ?? 0;
          finish(
            status >= 200 && status < 300
              ? { ok: true, httpStatus: status, durationMs: elapsed() }
              : {
                  ok: false,
                  httpStatus: status,
                  durationMs: elapsed(),
                  error: `The endpoint answered HTTP ${status}.`,
                },
          );
        });
        res.on("error", () => undefined);
      },
    );
    // One limit for the whole exchange: a server that accepts and then never answers is cut off.
    const timer = setTimeout(() => {
      finish({
        ok: false,
        httpStatus: null,
        durationMs: elapsed(),
        error: `No answer within ${settings.timeoutMs} ms.`,
      });
      req.destroy();
    }, settings.timeoutMs);
    req.on("error", (error) => {
      finish({
        ok: false,
        httpStatus: null,
        durationMs: elapsed(),
        error: `Could not deliver: ${error.message}`.slice(0, MAX_ERROR_LENGTH),
      });
    });
    req.end(message.body);
  });
}
