import { randomBytes } from "node:crypto";

/** How long the previous secret keeps signing after a rotation, so receivers can switch over. */
export const ROTATION_GRACE_MS = 24 * 60 * 60 * 1000;

/** A new Standard Webhooks secret: `whsec_` and 32 random bytes in base64. */
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64")}`;
}

export type TEndpointSecrets = {
  secret: string;
  previousSecret: string | null;
  /** When the previous secret stops signing; null when there is none. */
  previousSecretExpiresAt: Date | null;
};

/** The secrets a delivery is signed with now: the current one, and the previous one in its grace period. */
export function signingSecrets(endpoint: TEndpointSecrets, now: Date): string[] {
  const { secret, previousSecret, previousSecretExpiresAt } = endpoint;
  if (previousSecret && previousSecretExpiresAt && previousSecretExpiresAt > now) {
    return [secret, previousSecret];
  }
  return [secret];
}

/** The secrets after a rotation at `now`: a new current one, the old one kept for the grace period. */
export function rotateSecrets(
  endpoint: Pick<TEndpointSecrets, "secret">,
  now: Date,
): TEndpointSecrets {
  return {
    secret: generateWebhookSecret(),
    previousSecret: endpoint.secret,
    previousSecretExpiresAt: new Date(now.getTime() + ROTATION_GRACE_MS),
  };
}
