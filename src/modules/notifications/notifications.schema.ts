import { z } from "zod";
import { NOTIFICATION_KINDS } from "../../db/schema/index.js";
import { ZTimeCursor } from "../../shared/keyset-cursor.js";
import { ZIsoDateTime, ZUuid } from "../../shared/schema-primitives.js";

export const ZNotificationKind = z.enum(NOTIFICATION_KINDS, {
  error: `must be one of ${NOTIFICATION_KINDS.join(", ")}`,
});

export const ZNotification = z.object({
  id: ZUuid,
  kind: ZNotificationKind,
  /** A sentence for people, composed when the list is read. */
  title: z.string(),
  /** For a mention: the start of the note. */
  excerpt: z.string().nullable(),
  /** The page in the app it is about. */
  link: z.string(),
  applicationId: ZUuid,
  roleTitle: z.string(),
  createdAt: ZIsoDateTime,
  read: z.boolean(),
});

export const ZNotificationsQuery = z.strictObject({
  cursor: ZTimeCursor.optional(),
});

export const ZNotificationsResponse = z.object({
  notifications: z.array(ZNotification),
  nextCursor: z.string().nullable(),
  unread: z.int(),
});

export const ZUnreadResponse = z.object({ unread: z.int() });

export const ZMarkReadRequest = z.union(
  [
    z.strictObject({ ids: z.array(ZUuid).min(1, "name at least one notification").max(100) }),
    z.strictObject({ all: z.literal(true) }),
  ],
  { error: 'send either "ids" (up to 100) or "all": true' },
);

export const ZMarkReadResponse = z.object({ marked: z.int(), unread: z.int() });

const ZDeliveryChoice = z.strictObject({
  kind: ZNotificationKind,
  inApp: z.boolean(),
  email: z.boolean(),
});

export const ZNotificationSettingsRequest = z.strictObject({
  settings: z.array(ZDeliveryChoice).min(1).max(NOTIFICATION_KINDS.length),
});

export const ZNotificationSettingsResponse = z.object({
  settings: z.array(ZDeliveryChoice.extend({ label: z.string(), description: z.string() }).strip()),
});
