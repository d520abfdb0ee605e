/**
 * The portal's jobs: thin adapters from the queue to services. Schedules are in UTC and every
 * handler works out the clinic's local day and hour itself, so a change of the clinic's time zone
 * needs no restart.
 */
import nodemailer from "nodemailer";
import type { Db } from "@/db/client";
import { env } from "@/server/env";
import { log } from "@/server/log";
import { sendBlockPrompts } from "@/server/services/block-diary";
import {
  deliverDue,
  type MailTransport,
  mailDelivery,
  type Senders,
} from "@/server/services/outbox";
import { refreshOutcomeCache } from "@/server/services/outcomes";
import { pushDelivery } from "@/server/services/push";
import { sendDueReminders } from "@/server/services/reminders";
import { purgeEndedSessions } from "@/server/services/sessions";
import { caseloadRound } from "@/server/services/staff-notifications";
import { textDelivery } from "@/server/services/texts";
import { twilioSender } from "@/server/texts/twilio";
import type { JobDefinition } from "./queue";

export function mailTransport(url: string): MailTransport {
  return nodemailer.createTransport(url);
}

/**
 * How the outbox's messages go: email with SMTP_URL, text with SMS_PROVIDER, push always (the
 * VAPID keys are made at first use). A channel without a sender keeps its rows in the outbox for
 * admins to read.
 */
export function configuredSenders(db: Db): Senders {
  const texts =
    env.SMS_PROVIDER === "twilio" && env.TWILIO_ACCOUNT_SID && env.TWILIO_AUTH_TOKEN && env.SMS_FROM
      ? twilioSender({
          accountSid: env.TWILIO_ACCOUNT_SID,
          authToken: env.TWILIO_AUTH_TOKEN,
          from: env.SMS_FROM,
        })
      : null;
  return {
    ...(env.SMTP_URL ? { email: mailDelivery(db, mailTransport(env.SMTP_URL)) } : {}),
    push: pushDelivery(db),
    ...(texts ? { text: textDelivery(texts) } : {}),
  };
}

export function portalJobs(db: Db, senders: Senders): JobDefinition[] {
  return [
    {
      name: "mail.deliver",
      cron: "* * * * *",
      // Emails, pushes and texts (the outbox); without a sender a channel's rows stay there.
      handler: async () => deliverDue(db, senders),
    },
    {
      name: "reminders.send",
      // Each patient's hour comes in the clinic's zone; a quarter-hour sweep also covers zones
      // with half-hour offsets.
      cron: "*/15 * * * *",
      handler: async () => {
        const result = await sendDueReminders(db);
        log.info(result, "reminders");
        return result;
      },
    },
    {
      name: "blocks.prompt",
      // A block diary asks at set minutes after the injection: checked every minute.
      cron: "* * * * *",
      handler: async () => {
        const result = await sendBlockPrompts(db);
        if (result.notified + result.emailed > 0) log.info(result, "block prompts");
        return result;
      },
    },
    {
      name: "caseload.refresh",
      // Every hour (the first run after the clinic's midnight warms the cache for the day), and
      // woken after diary writes and a change of criteria: high-flag notifications, digests.
      cron: "2 * * * *",
      wakeThrottleSeconds: 60,
      handler: async () => {
        const result = await caseloadRound(db);
        log.info(result, "caseload round");
        return result;
      },
    },
    {
      name: "sessions.purge",
      // Daily: the rows of expired and ended sessions (docs/decisions/023-secrets-at-rest.md).
      cron: "17 3 * * *",
      handler: async () => {
        const purged = await purgeEndedSessions(db);
        log.info({ purged }, "sessions purge");
        return { purged };
      },
    },
    {
      name: "outcomes.refresh",
      // Every hour: the first run after the clinic's midnight assesses every procedure for the
      // outcomes pages (decision 018), the others only the procedures written to since.
      cron: "7 * * * *",
      handler: async () => {
        const result = await refreshOutcomeCache(db);
        log.info(result, "outcomes refresh");
        return result;
      },
    },
  ];
}
