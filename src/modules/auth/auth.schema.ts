import { z } from "zod";
import { ZEmail, ZPassword, ZPersonName } from "../../shared/schema-primitives.js";
import { ZUser } from "../users/users.schema.js";

export const ZLoginRequest = z.strictObject({
  email: ZEmail,
  // Not ZPassword: a login must not reveal the password policy or reject old passwords early.
  password: z.string().min(1, "is required").max(200, "must be at most 200 characters"),
});
export type TLoginRequest = z.infer<typeof ZLoginRequest>;

export const ZSetupRequest = z.strictObject({
  email: ZEmail,
  name: ZPersonName,
  password: ZPassword,
});
export type TSetupRequest = z.infer<typeof ZSetupRequest>;

export const ZSessionResponse = z.object({
  user: ZUser.nullable(),
  setupNeeded: z.boolean(),
  /** Echo in the X-CSRF-Token header on every state-changing request. */
  csrfToken: z.string(),
});

export const ZUserResponse = z.object({ user: ZUser });
