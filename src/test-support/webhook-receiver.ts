import { createServer } from "node:http";
import type { IncomingHttpHeaders, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";

export type TReceived = { headers: IncomingHttpHeaders; body: string; at: number };
export type TWebhookEnvelope = { type: string; timestamp: string; data: Record<string, unknown> };

/**
 * A real HTTP server on loopback that receives webhook deliveries, as a customer's endpoint
 * would. `respond` decides each answer (200 unless told otherwise); it may also never answer.
 */
export async function startWebhookReceiver(
  respond: (received: TReceived, response: ServerResponse, index: number) => void = (_r, res) =>
    res.end("ok"),
  port = 0,
) {
  const received: TReceived[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const entry = {
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
        at: Date.now(),
      };
      received.push(entry);
      respond(entry, res, received.length - 1);
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const bound = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${bound}/hooks`,
    received,
    /** Verifies a delivery with the Standard Webhooks library itself; throws if it does not verify. */
    verify(entry: TReceived, secret: string): TWebhookEnvelope {
      const headers = {
        "webhook-id": String(entry.headers["webhook-id"]),
        "webhook-timestamp": String(entry.headers["webhook-timestamp"]),
        "webhook-signature": String(entry.headers["webhook-signature"]),
      };
      return new Webhook(secret).verify(entry.body, headers) as TWebhookEnvelope;
    },
    /** Waits until a delivery matching `test` arrives. */
    async waitFor(test: (envelope: TWebhookEnvelope) => boolean, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = received.find((r) => test(JSON.parse(r.body) as TWebhookEnvelope));
        if (found) return found;
        if (Date.now() > deadline) throw new Error("no matching webhook delivery arrived");
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
