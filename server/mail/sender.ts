import { DEFAULT_SENDER_NAME } from "@/server/env";

/**
 * The sender of the clinic's emails: MAIL_FROM, whose default name ("Patient portal") gives way to
 * the clinic's name once it is set, so an inbox shows the clinic and never the treatment.
 */
export function senderOf(mailFrom: string, clinicName: string | null): string {
  const match = mailFrom.match(/^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/);
  if (!match || !clinicName || match[1] !== DEFAULT_SENDER_NAME) return mailFrom;
  const name = clinicName
    .replace(/["\\<>]/g, "")
    .replace(/\s+/g, " ")
    .trim();
  return name ? `"${name}" <${match[2]}>` : mailFrom;
}
