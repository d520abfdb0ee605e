/**
 * The portal's jobs: thin adapters from the queue to services. Schedules are in UTC and every
 * handler works out the clinic's local day and hour itself, so a change of the clinic's time zone
 * needs no restart.
 */
import nodemailer from "nodemailer";
import type { Db } from "@/db/client";
import { env } from "@/server/env";
import { log } from "@/server/log";
import { warmCaseloads } from "@/server/services/caseload";
import { deliverDueMail, type MailTransport } from "@/server/services/outbox";
import type { JobDefinition } from "./queue";

export function mailTransport(url: string): MailTransport {
  return nodemailer.createTransport(url);
}

export function portalJobs(db: Db, transport: MailTransport | null): JobDefinition[] {
  return [
    {
      name: "mail.deliver",
      cron: "* * * * *",
      // Without SMTP_URL the emails stay in the outbox for admins to read.
      handler: async () => (transport ? deliverDueMail(db, transport) : null),
    },
    {
      name: "caseload.warm",
      // Every hour: the first run after the clinic's midnight does the work, the others find
      // nothing stale. Also sent at once after a change of the success criteria.
      cron: "2 * * * *",
      handler: async () => {
        const result = await warmCaseloads(db);
        log.info(result, "caseload warmed");
        return result;
      },
    },
  ];
}

/** The transport configured by SMTP_URL, or null (emails stay in the outbox). */
export const configuredTransport = () => (env.SMTP_URL ? mailTransport(env.SMTP_URL) : null);
