import { simpleParser } from "mailparser";
import nodemailer from "nodemailer";
import { SMTPServer } from "smtp-server";
import type { MailTransport } from "@/server/services/outbox";

export type ReceivedMail = { to: string; subject: string; text: string; html: string };

/**
 * A mail server in the test process (smtp-server on 127.0.0.1, a free port). `failNext(n)` makes
 * it refuse the next n messages with a 451 temporary error.
 */
export async function startTestSmtp(port = 0) {
  const received: ReceivedMail[] = [];
  let failures = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          if (failures > 0) {
            failures--;
            const error = new Error("Mailbox busy, try later") as Error & { responseCode: number };
            error.responseCode = 451;
            return callback(error);
          }
          received.push({
            to: Array.isArray(mail.to) ? (mail.to[0]?.text ?? "") : (mail.to?.text ?? ""),
            subject: mail.subject ?? "",
            text: mail.text ?? "",
            html: typeof mail.html === "string" ? mail.html : "",
          });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const address = server.server.address();
  const actualPort = typeof address === "object" && address ? address.port : port;
  return {
    received,
    port: actualPort,
    url: `smtp://127.0.0.1:${actualPort}`,
    failNext(n: number) {
      failures = n;
    },
    transport(): MailTransport {
      return nodemailer.createTransport({
        host: "127.0.0.1",
        port: actualPort,
        secure: false,
        ignoreTLS: true,
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
