import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { notificationPreferences, sentMarks, users } from "@/db/schema";
import { digestEmail, highFlagEmail } from "@/server/mail/templates";
import { hourInZone } from "@/server/outcomes/reminders";
import { todayInZone } from "@/server/time";
import { caseloadRows } from "./caseload";
import { highFlagKey, notify } from "./notifications";
import { queueEmail, wakeMailDelivery } from "./outbox";
import { getClinicSettings } from "./settings";

/** The clinic-local hour from which the day's digest is sent. */
export const DIGEST_HOUR = 7;

/**
 * The caseload round (hourly, after a diary write, after a change of criteria): for every active
 * provider, the caseload is assessed, which refreshes the assessment cache (so that the first
 * request after the clinic's midnight is as fast as the rest); each high flag not yet
 * acknowledged is notified once in the bell (and by email to those who opted in); after
 * DIGEST_HOUR, the day's digest (counts only) goes once to each provider who wants it.
 */
export async function caseloadRound(db: Db, now: Date = new Date()) {
  const settings = await getClinicSettings(db);
  const today = todayInZone(settings.timeZone, now);
  const digestDue = hourInZone(settings.timeZone, now) >= DIGEST_HOUR;
  const clinic = { name: settings.clinicName, phone: settings.clinicPhone };
  const providers = await db
    .select({
      id: users.id,
      email: users.email,
      highFlagEmail: notificationPreferences.highFlagEmail,
      dailyDigest: notificationPreferences.dailyDigest,
    })
    .from(users)
    .leftJoin(notificationPreferences, eq(notificationPreferences.userId, users.id))
    .where(and(eq(users.role, "provider"), eq(users.active, true)))
    .orderBy(asc(users.id));
  let flagged = 0;
  let emails = 0;
  // One provider at a time: a patient on two care teams is assessed once (the second reads it).
  for (const provider of providers) {
    const { all } = await caseloadRows(db, provider, now);
    const items = all.flatMap((row) =>
      row.procedure
        ? row.flags
            .filter((f) => f.severity === "high" && !f.acknowledged)
            .map((f) => ({
              userId: provider.id,
              kind: "high_flag",
              key: highFlagKey(row.procedure?.id ?? "", f.code),
              title: `High-priority flag for ${row.name}`,
              href: `/provider/patients/${row.patientId}`,
            }))
        : [],
    );
    const needsReview = all.filter((r) => r.state === "needs_review").length;
    emails += await db.transaction(async (tx) => {
      let queued = 0;
      const fresh = await notify(tx, items);
      flagged += fresh.length;
      if (fresh.length > 0 && provider.highFlagEmail) {
        await queueEmail(tx, {
          kind: "staff_high_flag",
          userId: provider.id,
          to: provider.email,
          email: highFlagEmail({ url: `${settings.publicUrl}/provider`, clinic }),
        });
        queued++;
      }
      if (digestDue && (provider.dailyDigest ?? true) && needsReview > 0) {
        const [mark] = await tx
          .insert(sentMarks)
          .values({ key: `digest:${provider.id}:${today}` })
          .onConflictDoNothing()
          .returning({ key: sentMarks.key });
        if (mark) {
          await queueEmail(tx, {
            kind: "staff_digest",
            userId: provider.id,
            to: provider.email,
            email: digestEmail({ needsReview, url: `${settings.publicUrl}/provider`, clinic }),
          });
          queued++;
        }
      }
      return queued;
    });
  }
  if (emails > 0) await wakeMailDelivery();
  return { asOf: today, providers: providers.length, flagged, emails };
}
