import nodemailer from "nodemailer";

export type TMailSettings = {
  /** SMTP_URL; without it mail stays in the outbox for admins to read. */
  smtpUrl: string | undefined;
  from: string;
  /** Connection, greeting and socket inactivity limit of one delivery. */
  sendTimeoutMs: number;
};

export type TCalendarPart = { method: "REQUEST" | "CANCEL"; ics: string };
export type TOutgoingMail = {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Sent as the text/calendar alternative calendar clients act on, and as invite.ics. */
  calendar?: TCalendarPart | undefined;
};
export type TMailTransport = { send: (mail: TOutgoingMail) => Promise<void> };

/** nodemailer over SMTP, or undefined when no SMTP server is configured. */
export function createSmtpTransport(settings: TMailSettings): TMailTransport | undefined {
  if (!settings.smtpUrl) return undefined;
  const transporter = nodemailer.createTransport({
    url: settings.smtpUrl,
    connectionTimeout: settings.sendTimeoutMs,
    greetingTimeout: settings.sendTimeoutMs,
    socketTimeout: settings.sendTimeoutMs,
    // No pooled connection: a server that went away is found on the next message, not mid-batch.
    pool: false,
    logger: false,
  });
  return {
    async send({ calendar, ...mail }) {
      await transporter.sendMail({
        from: settings.from,
        ...mail,
        ...(calendar
          ? {
              icalEvent: {
                method: calendar.method,
                filename: calendar.method === "CANCEL" ? "cancel.ics" : "invite.ics",
                content: calendar.ics,
              },
            }
          : {}),
      });
    },
  };
}
