import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { clinicSettings } from "@/db/schema";
import { env } from "@/server/env";
import { todayInZone } from "@/server/time";

export type ClinicSettings = { successCriteria: "strict" | "lenient"; timeZone: string };

/** The clinic's settings (SPEC.md 2.4 criteria, section 6 time zone), with their defaults. */
export async function getClinicSettings(db: DbOrTx): Promise<ClinicSettings> {
  const [row] = await db.select().from(clinicSettings).where(eq(clinicSettings.id, true)).limit(1);
  return {
    successCriteria: row?.successCriteria ?? "strict",
    timeZone: row?.timeZone ?? env.CLINIC_TIME_ZONE,
  };
}

/** Today in the clinic's time zone: the `asOf` of every assessment and the patient's "today". */
export async function clinicToday(db: DbOrTx, now: Date = new Date()): Promise<string> {
  return todayInZone((await getClinicSettings(db)).timeZone, now);
}
