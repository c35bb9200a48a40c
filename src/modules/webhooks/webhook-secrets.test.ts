import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import {
  generateWebhookSecret,
  ROTATION_GRACE_MS,
  rotateSecrets,
  signingSecrets,
} from "./webhook-secrets.js";
import { signWebhook } from "./webhook-sender.js";

describe("webhook secrets", () => {
  it("are whsec_ secrets the library accepts, different each time", () => {
    const secret = generateWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(generateWebhookSecret()).not.toBe(secret);
    const sentAt = new Date();
    const headers = signWebhook({ messageId: "msg_1", secrets: [secret], body: "{}" }, sentAt);
    expect(new Webhook(secret).verify("{}", headers)).toEqual({});
  });

  it("keep the previous secret signing for the grace period after a rotation, then drop it", () => {
    const now = new Date("2026-12-05T12:00:00Z");
    const first = generateWebhookSecret();
    const rotated = rotateSecrets({ secret: first }, now);
    expect(rotated.secret).not.toBe(first);
    expect(rotated.previousSecret).toBe(first);
    expect(signingSecrets(rotated, now)).toEqual([rotated.secret, first]);
    const justBefore = new Date(now.getTime() + ROTATION_GRACE_MS - 1);
    expect(signingSecrets(rotated, justBefore)).toHaveLength(2);
    const after = new Date(now.getTime() + ROTATION_GRACE_MS);
    expect(signingSecrets(rotated, after)).toEqual([rotated.secret]);
    expect(
      signingSecrets({ secret: first, previousSecret: null, previousSecretExpiresAt: null }, now),
    ).toEqual([first]);
  });
});
