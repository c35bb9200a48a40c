import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import type { SMTPServerOptions } from "smtp-server";
import { simpleParser } from "mailparser";

export type TReceivedMail = {
  from: string;
  to: string[];
  raw: string;
  decoded: string;
  subject: string;
  /** Every text/calendar part, as a calendar client reads it: its METHOD and the iCalendar text. */
  calendars: { method: string; ics: string }[];
};

/** Undoes quoted-printable so a test can look for a link in the body as sent. */
function decodeQuotedPrintable(raw: string): string {
  return raw
    .replace(/=\r?\n/g, "")
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * A real SMTP server on loopback (the `smtp-server` package). `behaviour` picks how it answers:
 * accept everything, refuse every recipient, or accept the connection and never greet.
 */
export async function startTestSmtpServer(
  behaviour: "accept" | "refuse" | "hang" = "accept",
  /** 0 picks a free port; the browser suite passes the fixed port its server was told. */
  port = 0,
): Promise<{ url: string; received: TReceivedMail[]; close: () => Promise<void> }> {
  const received: TReceivedMail[] = [];
  const options: SMTPServerOptions = {
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    // A hanging test connection must not hold the suite's teardown for the default 30 s.
    closeTimeout: 200,
    onConnect(_session, callback) {
      // Never answering leaves the client waiting for the greeting: its timeout must end it.
      if (behaviour !== "hang") callback();
    },
    onRcptTo(_address, _session, callback) {
      if (behaviour === "refuse") {
        const error = Object.assign(new Error("Mailbox unavailable"), { responseCode: 550 });
        callback(error);
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        void simpleParser(raw).then(
          (parsed) => {
            const calendars = parsed.attachments
              .filter((a) => a.contentType === "text/calendar")
              .map((a) => {
                const ics = a.content.toString("utf8");
                return { method: /^METHOD:(\w+)/m.exec(ics)?.[1] ?? "", ics };
              });
            received.push({
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
              to: session.envelope.rcptTo.map((r) => r.address),
              raw,
              decoded: decodeQuotedPrintable(raw),
              subject: parsed.subject ?? "",
              calendars,
            });
            callback();
          },
          (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
        );
      });
    },
  };
  const server = new SMTPServer(options);
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const bound = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${bound}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
