import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorOf } from "../../test-support/http-agent.js";
import {
  buildHiringWorld,
  completeScorecard,
  expectStatus,
} from "../../test-support/hiring-world.js";
import type { THiringWorld } from "../../test-support/hiring-world.js";
import { createTestApp, testDatabaseKinds } from "../../test-support/test-app.js";
import type { TTestContext } from "../../test-support/test-app.js";
import { startWebhookReceiver } from "../../test-support/webhook-receiver.js";
import type { TReceived } from "../../test-support/webhook-receiver.js";
import { AppError } from "../../errors.js";
import { createWebhooksRepo } from "./webhooks.repo.js";
import { createWebhooksService, DEFAULT_WEBHOOK_SETTINGS } from "./webhooks.service.js";

type TEndpoint = { id: string; url: string; events: string[]; delivered: number; failed: number };
type TDelivery = {
  id: string;
  event: string;
  status: string;
  attempts: number;
  lastHttpStatus: number | null;
  lastError: string | null;
  payload: Record<string, unknown>;
};
type TKit = Parameters<typeof completeScorecard>[0];
const EVERY_EVENT = [
  "application.stage_changed",
  "scorecard.submitted",
  "assessment.graded",
  "decision.recorded",
  "candidate.created",
];

describe.each(testDatabaseKinds())("webhooks on %s", (kind) => {
  let ctx: TTestContext;
  let w: THiringWorld;
  // A healthy receiver; a flaky one (the first answer of each delivery is a 500); a hanging one.
  let healthy: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let flaky: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let hanging: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let healthyEndpoint: TEndpoint;
  let secret: string;

  beforeAll(async () => {
    const seen = new Set<string>();
    [healthy, flaky, hanging] = await Promise.all([
      startWebhookReceiver(),
      startWebhookReceiver((received, res) => {
        const id = String(received.headers["webhook-id"]);
        res.statusCode = seen.has(id) ? 204 : 500;
        seen.add(id);
        res.end();
      }),
      startWebhookReceiver(() => undefined),
    ]);
    ctx = await createTestApp(kind, {
      withWorker: true,
      // Loopback receivers: allowed here, refused by default (the last test).
      webhooks: { allowPrivateAddresses: true, timeoutMs: 800 },
    });
    w = await buildHiringWorld(ctx.app);
    const created = expectStatus(
      await w.admin.post("/api/webhooks", {
        url: healthy.url,
        description: "Our ATS sync",
        events: EVERY_EVENT,
      }),
      201,
    ).json<{ endpoint: TEndpoint; secret: string }>();
    healthyEndpoint = created.endpoint;
    secret = created.secret;
  });
  afterAll(async () => {
    await ctx.close();
    await Promise.all([healthy.close(), flaky.close(), hanging.close()]);
  });

  const deliveriesOf = async (endpointId: string) =>
    expectStatus(await w.admin.get(`/api/webhooks/${endpointId}/deliveries?limit=100`), 200).json<{
      deliveries: TDelivery[];
      total: number;
    }>();
  const envelope = (r: TReceived) =>
    JSON.parse(r.body) as { type: string; data: Record<string, unknown> };

  it("gives the signing secret once, at creation, and never lists it", async () => {
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/=]{40,}$/);
    const listed = expectStatus(await w.admin.get("/api/webhooks"), 200);
    expect(listed.body).not.toContain("whsec_");
    expect(listed.json<{ endpoints: TEndpoint[] }>().endpoints).toContainEqual(
      expect.objectContaining({ id: healthyEndpoint.id, url: healthy.url, events: EVERY_EVENT }),
    );
  });

  it("signs each event so the receiver verifies it with the Standard Webhooks library", async () => {
    // candidate.created, from the team's form.
    const candidate = expectStatus(
      await w.recruiterOn.agent.post("/api/candidates", {
        name: "Webhook Person",
        email: "webhook.person@example.org",
      }),
      201,
    ).json<{ candidate: { id: string } }>().candidate;
    const created = await healthy.waitFor(
      (e) => e.type === "candidate.created" && e.data.candidateId === candidate.id,
    );
    const verified = healthy.verify(created, secret);
    expect(verified.data).toEqual({
      candidateId: candidate.id,
      source: "team_form",
      createdBy: w.recruiterOn.userId,
      possibleDuplicateOf: null,
    });
    // Contact details never leave in an event.
    expect(created.body).not.toContain("webhook.person@example.org");
    // A tampered body does not verify.
    expect(() =>
      healthy.verify({ ...created, body: created.body.replace("team", "xeam") }, secret),
    ).toThrow();

    // application.stage_changed, on a move.
    const app = await w.newApplication("resume-screen");
    const toStage = w.stage("technical-screen");
    expectStatus(
      await w.recruiterOn.agent.post(`/api/applications/${app.applicationId}/move`, {
        toStageId: toStage.id,
        confirm: true,
        reason: "Moving on for the webhook test.",
      }),
      200,
    );
    const moved = healthy.verify(
      await healthy.waitFor(
        (e) =>
          e.type === "application.stage_changed" &&
          e.data.applicationId === app.applicationId &&
          e.data.toStageId === toStage.id,
      ),
      secret,
    );
    expect(moved.data).toMatchObject({
      candidateId: app.candidateId,
      roleId: w.role.id,
      fromStageId: w.stage("resume-screen").id,
      status: "active",
    });

    // scorecard.submitted: who scored which interview, not what they wrote.
    const kit = expectStatus(
      await w.interviewerA.agent.get(`/api/interviews/${w.interviewA}/kit`),
      200,
    ).json<TKit>();
    const saved = expectStatus(
      await w.interviewerA.agent.put(`/api/interviews/${w.interviewA}/scorecard/draft`, {
        revision: 0,
        ...completeScorecard(kit, 3, "yes"),
      }),
      200,
    ).json<{ scorecard: { revision: number } }>().scorecard;
    expectStatus(
      await w.interviewerA.agent.post(`/api/interviews/${w.interviewA}/scorecard/submit`, {
        revision: saved.revision,
      }),
      200,
    );
    const submitted = await healthy.waitFor(
      (e) => e.type === "scorecard.submitted" && e.data.interviewId === w.interviewA,
    );
    expect(healthy.verify(submitted, secret).data).toMatchObject({
      applicationId: w.main.applicationId,
      interviewerId: w.interviewerA.userId,
    });
    expect(submitted.body).not.toContain("Solid fundamentals");

    // decision.recorded, and the move it makes.
    expectStatus(
      await w.managerOn.agent.post(`/api/applications/${w.main.applicationId}/decisions`, {
        decision: "advance",
        rationale: "Strong screen; the second interviewer confirmed in the debrief.",
        confirm: true,
        reason: "The second scorecard is on its way.",
      }),
      201,
    );
    const decided = await healthy.waitFor(
      (e) => e.type === "decision.recorded" && e.data.applicationId === w.main.applicationId,
    );
    expect(healthy.verify(decided, secret).data).toMatchObject({
      decision: "advance",
      decidedBy: w.managerOn.userId,
    });

    // Every delivery is in the log as delivered, with the receiver's status.
    const log = await deliveriesOf(healthyEndpoint.id);
    expect(log.deliveries.length).toBeGreaterThanOrEqual(4);
    const ids = new Set(healthy.received.map((r) => String(r.headers["webhook-id"])));
    for (const d of log.deliveries.filter((x) => x.status === "delivered")) {
      expect(d.lastHttpStatus).toBe(200);
      expect(ids.has(`msg_${d.id}`)).toBe(true);
    }
    const listed = expectStatus(await w.admin.get("/api/webhooks"), 200)
      .json<{ endpoints: TEndpoint[] }>()
      .endpoints.find((e) => e.id === healthyEndpoint.id);
    const counts = {
      delivered: log.deliveries.filter((d) => d.status === "delivered").length,
      failed: 0,
    };
    expect(listed).toMatchObject(counts);
    // An edit answers with the same counts, not zeros.
    const edited = expectStatus(
      await w.admin.patch(`/api/webhooks/${healthyEndpoint.id}`, { description: "renamed" }),
      200,
    ).json<{ endpoint: TEndpoint }>().endpoint;
    expect(edited).toMatchObject(counts);
  });

  it("retries a delivery the receiver refused, keeping the message id, until it is accepted", async () => {
    const endpoint = expectStatus(
      await w.admin.post("/api/webhooks", { url: flaky.url, events: ["candidate.created"] }),
      201,
    ).json<{ endpoint: TEndpoint; secret: string }>();
    expectStatus(
      await w.recruiterOn.agent.post("/api/candidates", {
        name: "Retry Person",
        email: "retry.person@example.org",
      }),
      201,
    );
    const deadline = Date.now() + 20_000;
    let delivery: TDelivery | undefined;
    while (Date.now() < deadline) {
      delivery = (await deliveriesOf(endpoint.endpoint.id)).deliveries[0];
      if (delivery?.status === "delivered") break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(delivery).toMatchObject({ status: "delivered", attempts: 2, lastHttpStatus: 204 });
    expect(flaky.received.map((r) => r.headers["webhook-id"])).toEqual([
      `msg_${delivery?.id}`,
      `msg_${delivery?.id}`,
    ]);
    for (const r of flaky.received) flaky.verify(r, endpoint.secret);
  });

  it("cuts off a receiver that never answers, without holding up the request that caused the event", async () => {
    const endpoint = expectStatus(
      await w.admin.post("/api/webhooks", { url: hanging.url, events: ["candidate.created"] }),
      201,
    ).json<{ endpoint: TEndpoint }>().endpoint;
    const started = performance.now();
    expectStatus(
      await w.recruiterOn.agent.post("/api/candidates", {
        name: "Hang Person",
        email: "hang.person@example.org",
      }),
      201,
    );
    // The form's request does not wait for the receiver's 800 ms limit.
    expect(performance.now() - started).toBeLessThan(800);
    const deadline = Date.now() + 20_000;
    let delivery: TDelivery | undefined;
    while (Date.now() < deadline) {
      delivery = (await deliveriesOf(endpoint.id)).deliveries[0];
      if (delivery?.lastError) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(delivery?.lastError).toBe("No answer within 800 ms.");
    expect(delivery?.lastHttpStatus).toBeNull();
    expect(hanging.received.length).toBeGreaterThanOrEqual(1);
    // Deleting the endpoint stops the retries: its deliveries go with it.
    expectStatus(await w.admin.delete(`/api/webhooks/${endpoint.id}`), 200);
    expectStatus(await w.admin.get(`/api/webhooks/${endpoint.id}/deliveries`), 404);
  });

  it("redelivers with the same message id, and signs with both secrets while a rotation settles", async () => {
    const before = healthy.received.length;
    const delivered = (await deliveriesOf(healthyEndpoint.id)).deliveries.find(
      (d) => d.status === "delivered",
    );
    if (!delivered) throw new Error("no delivered delivery");
    const rotated = expectStatus(
      await w.admin.post(`/api/webhooks/${healthyEndpoint.id}/rotate-secret`, {}),
      200,
    ).json<{
      endpoint: { previousSecretExpiresAt: string | null; delivered: number };
      secret: string;
    }>();
    expect(rotated.secret).not.toBe(secret);
    // The answer counts what the endpoint has delivered so far, like the list does.
    expect(rotated.endpoint.delivered).toBeGreaterThan(0);
    expect(rotated.endpoint.previousSecretExpiresAt).not.toBeNull();
    expectStatus(await w.admin.post(`/api/webhook-deliveries/${delivered.id}/redeliver`, {}), 200);
    const deadline = Date.now() + 20_000;
    while (healthy.received.length === before && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    const again = healthy.received[before];
    if (!again) throw new Error("the redelivery did not arrive");
    expect(again.headers["webhook-id"]).toBe(`msg_${delivered.id}`);
    // A receiver still on the old secret and one already on the new both verify it.
    expect(envelope(again).type).toBe(delivered.event);
    healthy.verify(again, secret);
    healthy.verify(again, rotated.secret);
    expect(String(again.headers["webhook-signature"]).split(" ")).toHaveLength(2);
  });

  it("refuses bad registrations with a message naming the field", async () => {
    const bad = await w.admin.post("/api/webhooks", { url: "not a url", events: ["nope"] });
    expect(bad.statusCode).toBe(400);
    const fields = errorOf(bad).fields?.map((f) => f.field) ?? [];
    expect(fields).toContain("events.0");
    const noEvents = await w.admin.post("/api/webhooks", { url: healthy.url, events: [] });
    expect(noEvents.statusCode).toBe(400);
    expect(errorOf(noEvents).fields?.[0]).toMatchObject({
      field: "events",
      message: "choose at least one event",
    });
    const ftp = await w.admin.post("/api/webhooks", {
      url: "ftp://example.org/hook",
      events: ["candidate.created"],
    });
    expect(ftp.statusCode).toBe(400);
    expect(errorOf(ftp).fields?.[0]?.field).toBe("url");
    // Only admins: a recruiter is refused, and learns nothing about the endpoints.
    const refused = await w.recruiterOn.agent.get("/api/webhooks");
    expect(refused.statusCode).toBe(403);
    expect(refused.body).not.toContain(healthy.url);
  });

  it("refuses loopback, private and link-local URLs unless the configuration allows them", async () => {
    const strict = createWebhooksService({
      db: ctx.handle.db,
      webhooksRepo: createWebhooksRepo(ctx.handle.db),
      jobQueue: ctx.services.jobQueue,
      auditService: ctx.services.auditService,
      settings: DEFAULT_WEBHOOK_SETTINGS,
    });
    const actor = { userId: null, label: "test" };
    for (const [url, pattern] of [
      ["https://127.0.0.1/hook", /127\.0\.0\.1, a private, loopback or link-local address/],
      ["https://169.254.169.254/latest", /169\.254\.169\.254/],
      ["https://10.1.2.3/hook", /10\.1\.2\.3/],
      [healthy.url, /must start with https:\/\//],
    ] as const) {
      const error = await strict
        .createEndpoint({ url, description: "", events: ["candidate.created"] }, actor)
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe("VALIDATION_FAILED");
      expect((error as AppError).message).toMatch(pattern);
    }
  });
});
