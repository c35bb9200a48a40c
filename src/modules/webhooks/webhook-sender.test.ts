import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { afterEach, describe, expect, it } from "vitest";
import {
  isNonPublicAddress,
  resolveWebhookTarget,
  WebhookAddressError,
} from "./webhook-address.js";
import { sendWebhook } from "./webhook-sender.js";

const SECRET = `whsec_${Buffer.from("a-test-secret-of-32-bytes-long!!").toString("base64")}`;
const OLD_SECRET = `whsec_${Buffer.from("the-previous-secret-32-bytes-ok!").toString("base64")}`;
const loopbackAllowed = { allowPrivateAddresses: true, timeoutMs: 2000 };

type TReceived = { headers: IncomingMessage["headers"]; body: string };

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(
    servers.splice(0).map(
      (server) =>
        new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }),
    ),
  );
});

/** A real receiver on 127.0.0.1 that answers with `status`, or never answers when null. */
async function startReceiver(status: number | null) {
  const received: TReceived[] = [];
  const server = createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (body += chunk));
    req.on("end", () => {
      received.push({ headers: req.headers, body });
      if (status !== null) res.writeHead(status).end();
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hook`, received };
}

function onlyDelivery(received: TReceived[]): TReceived {
  expect(received).toHaveLength(1);
  const [delivery] = received;
  if (!delivery) throw new Error("the receiver got nothing");
  return delivery;
}

function headersOf(r: TReceived): Record<string, string> {
  return Object.fromEntries(
    ["webhook-id", "webhook-timestamp", "webhook-signature"].map((h) => [h, String(r.headers[h])]),
  );
}

describe("sendWebhook", () => {
  it("delivers a body the receiver verifies with Webhook.verify", async () => {
    const receiver = await startReceiver(204);
    const body = JSON.stringify({ type: "candidate.created", data: { candidateId: "c1" } });
    const result = await sendWebhook(
      { messageId: "msg_1", url: receiver.url, secrets: [SECRET], body },
      loopbackAllowed,
    );
    expect(result).toMatchObject({ ok: true, httpStatus: 204 });
    const delivery = onlyDelivery(receiver.received);
    expect(delivery.headers["webhook-id"]).toBe("msg_1");
    expect(new Webhook(SECRET).verify(delivery.body, headersOf(delivery))).toEqual(
      JSON.parse(body),
    );
    expect(() => new Webhook(OLD_SECRET).verify(delivery.body, headersOf(delivery))).toThrow();
  });

  it("signs with both secrets during rotation, so either one verifies", async () => {
    const receiver = await startReceiver(200);
    const body = JSON.stringify({ type: "decision.recorded" });
    await sendWebhook(
      { messageId: "msg_2", url: receiver.url, secrets: [SECRET, OLD_SECRET], body },
      loopbackAllowed,
    );
    const delivery = onlyDelivery(receiver.received);
    expect(delivery.headers["webhook-signature"]).toMatch(/^v1,\S+ v1,\S+$/);
    expect(new Webhook(SECRET).verify(delivery.body, headersOf(delivery))).toBeTruthy();
    expect(new Webhook(OLD_SECRET).verify(delivery.body, headersOf(delivery))).toBeTruthy();
  });

  it("reports an endpoint's 500 as a failure with the status", async () => {
    const receiver = await startReceiver(500);
    const result = await sendWebhook(
      { messageId: "msg_3", url: receiver.url, secrets: [SECRET], body: "{}" },
      loopbackAllowed,
    );
    expect(result).toMatchObject({ ok: false, httpStatus: 500 });
    expect(!result.ok && result.error).toContain("HTTP 500");
  });

  it("gives up on an endpoint that never answers at the time limit", async () => {
    const receiver = await startReceiver(null);
    const result = await sendWebhook(
      { messageId: "msg_4", url: receiver.url, secrets: [SECRET], body: "{}" },
      { allowPrivateAddresses: true, timeoutMs: 300 },
    );
    expect(result).toMatchObject({ ok: false, httpStatus: null });
    expect(!result.ok && result.error).toBe("No answer within 300 ms.");
    expect(result.durationMs).toBeGreaterThanOrEqual(250);
    expect(result.durationMs).toBeLessThan(2000);
  });

  it("refuses a loopback address at delivery time unless allowed, without sending", async () => {
    const receiver = await startReceiver(200);
    const result = await sendWebhook(
      {
        messageId: "msg_5",
        url: receiver.url.replace("http:", "https:"),
        secrets: [SECRET],
        body: "{}",
      },
      { allowPrivateAddresses: false, timeoutMs: 2000 },
    );
    expect(result).toMatchObject({ ok: false, httpStatus: null });
    expect(!result.ok && result.error).toMatch(/127\.0\.0\.1, a private, loopback or link-local/);
    expect(receiver.received).toHaveLength(0);
  });

  it("never puts a secret in its result", async () => {
    const result = await sendWebhook(
      { messageId: "msg_6", url: "http://127.0.0.1:1/none", secrets: [SECRET], body: "{}" },
      loopbackAllowed,
    );
    expect(JSON.stringify(result)).not.toContain(SECRET.slice(6));
  });
});

describe("resolveWebhookTarget", () => {
  const strict = { allowPrivateAddresses: false, requireHttps: true };

  it.each([
    "https://127.0.0.1/hook",
    "https://localhost/hook",
    "https://10.1.2.3/",
    "https://192.168.0.10/",
    "https://172.20.0.1/",
    "https://169.254.169.254/latest/meta-data",
    "https://[::1]/",
    "https://[fe80::1]/",
    "https://[fd00::1]/",
    "https://[::ffff:127.0.0.1]/",
    "https://0.0.0.0/",
  ])("refuses %s, naming the url field", async (url) => {
    const refusal = resolveWebhookTarget(url, strict);
    await expect(refusal).rejects.toBeInstanceOf(WebhookAddressError);
    await expect(refusal).rejects.toHaveProperty("field", "url");
    await expect(refusal).rejects.toThrow(/private, loopback or link-local/);
  });

  it("refuses a URL that is not one, or not https, with a message for people", async () => {
    await expect(resolveWebhookTarget("not a url", strict)).rejects.toThrow(
      "The URL is not a valid web address.",
    );
    await expect(resolveWebhookTarget("http://93.184.215.14/", strict)).rejects.toThrow(
      "The URL must start with https://.",
    );
    await expect(resolveWebhookTarget("ftp://93.184.215.14/", strict)).rejects.toThrow(
      /must start with https/,
    );
    await expect(resolveWebhookTarget("https://u:p@93.184.215.14/", strict)).rejects.toThrow(
      /user name or password/,
    );
  });

  it("accepts a public address, and loopback when allowed", async () => {
    await expect(resolveWebhookTarget("https://93.184.215.14/h", strict)).resolves.toMatchObject({
      address: "93.184.215.14",
      family: 4,
    });
    await expect(
      resolveWebhookTarget("http://127.0.0.1:8080/h", {
        allowPrivateAddresses: true,
        requireHttps: false,
      }),
    ).resolves.toMatchObject({ address: "127.0.0.1" });
  });

  it("classifies addresses", () => {
    expect(isNonPublicAddress("8.8.8.8")).toBe(false);
    expect(isNonPublicAddress("2606:4700::1111")).toBe(false);
    expect(isNonPublicAddress("127.5.5.5")).toBe(true);
    expect(isNonPublicAddress("::ffff:192.168.1.1")).toBe(true);
    expect(isNonPublicAddress("not-an-ip")).toBe(true);
  });
});
