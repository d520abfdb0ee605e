import "server-only";
import { eq } from "drizzle-orm";
import { cache } from "react";
import type { Db, DbOrTx } from "@/db/client";
import { clinicSettings } from "@/db/schema";
import type { Actor } from "@/server/authz/policy";
import { appUrl, env } from "@/server/env";
import { wakeJob } from "@/server/jobs/wake";
import { Anesthetic, defaultAgentMinHours } from "@/server/outcomes/pathway-vocab";
import { todayInZone } from "@/server/time";
import { recordAudit } from "./audit";

export type ClinicSettings = {
  successCriteria: "strict" | "lenient";
  timeZone: string;
  /** Shown to patients on their pages and in emails' footers; null when not set. */
  clinicName: string | null;
  clinicPhone: string | null;
  /** "When to call now" (shared/clinic-help.ts); null: the standard list. */
  warningSigns: string[] | null;
  /** When the care team answers messages ("within one working day"); null: not said. */
  replyTime: string | null;
  requireStaffMfa: boolean;
  /** Where links in emails point: the stored public address, else APP_URL. No trailing slash. */
  publicUrl: string;
  /** False until an admin completed the first-run setup (docs/decisions/033-first-run-setup.md). */
  setupDone: boolean;
  /** Hours of relief consistent with each anesthetic of a diagnostic block (defaults filled in). */
  anestheticHours: Record<Anesthetic, number>;
};

/** The stored anesthetic hours over the defaults (docs/clinical-rules.md#diagnostic-blocks). */
export function anestheticHoursOf(stored: Record<string, number> | null | undefined) {
  const hours = { ...defaultAgentMinHours };
  for (const a of Anesthetic.options) {
    const h = stored?.[a];
    if (typeof h === "number" && h > 0) hours[a] = h;
  }
  return hours;
}

/**
 * The clinic's settings (docs/clinical-rules.md#categories criteria, section 6 time zone), with
 * their defaults. Read once per page render (React `cache`, per database handle): the layout, the
 * footer, the notifications and the page's own reads share one query. Outside a render (tRPC over
 * HTTP, jobs, tests) every call reads.
 */
export const getClinicSettings = cache(readClinicSettings);

/** The clinic's settings as stored now (getClinicSettings without the per-render cache). */
async function readClinicSettings(db: DbOrTx): Promise<ClinicSettings> {
  const [row] = await db.select().from(clinicSettings).where(eq(clinicSettings.id, true)).limit(1);
  return {
    successCriteria: row?.successCriteria ?? "strict",
    timeZone: row?.timeZone ?? env.CLINIC_TIME_ZONE,
    clinicName: row?.clinicName ?? null,
    clinicPhone: row?.clinicPhone ?? null,
    warningSigns: row?.warningSigns ?? null,
    replyTime: row?.replyTime ?? null,
    requireStaffMfa: row?.requireStaffMfa ?? false,
    publicUrl: row?.publicUrl ?? appUrl(),
    setupDone: Boolean(row?.setupCompletedAt),
    anestheticHours: anestheticHoursOf(row?.anestheticHours),
  };
}

/** Today in the clinic's time zone: the `asOf` of every assessment and the patient's "today". */
export async function clinicToday(db: DbOrTx, now: Date = new Date()): Promise<string> {
  return todayInZone((await getClinicSettings(db)).timeZone, now);
}

/** The settings as an admin edits them: the stored zone (null = the default) and the default. */
export async function getClinicSettingsForAdmin(db: DbOrTx) {
  const [row] = await db.select().from(clinicSettings).where(eq(clinicSettings.id, true)).limit(1);
  return {
    successCriteria: row?.successCriteria ?? "strict",
    timeZone: row?.timeZone ?? null,
    defaultTimeZone: env.CLINIC_TIME_ZONE,
    clinicName: row?.clinicName ?? null,
    clinicPhone: row?.clinicPhone ?? null,
    warningSigns: row?.warningSigns ?? null,
    replyTime: row?.replyTime ?? null,
    requireStaffMfa: row?.requireStaffMfa ?? false,
    /** The stored public address (null: APP_URL, `defaultPublicUrl`). */
    publicUrl: row?.publicUrl ?? null,
    defaultPublicUrl: appUrl(),
    setupCompletedAt: row?.setupCompletedAt ?? null,
    anestheticHours: anestheticHoursOf(row?.anestheticHours),
    updatedAt: row?.updatedAt ?? null,
  };
}

export type ClinicSettingsInput = {
  /** undefined: unchanged. */
  successCriteria?: ClinicSettings["successCriteria"];
  /** IANA zone, or null for the CLINIC_TIME_ZONE default. */
  timeZone: string | null;
  /** null: not set; undefined: unchanged. */
  clinicName?: string | null;
  clinicPhone?: string | null;
  /** null: the standard list; undefined: unchanged. */
  warningSigns?: string[] | null;
  replyTime?: string | null;
  /** undefined: unchanged. */
  requireStaffMfa?: boolean;
  /** Where links in emails point; null: APP_URL; undefined: unchanged. */
  publicUrl?: string | null;
  /** Hours of relief consistent with each anesthetic; undefined: unchanged. */
  anestheticHours?: Record<Anesthetic, number>;
};

/** What the first-run setup asks, every answer required (docs/decisions/033-first-run-setup.md). */
export type ClinicSetupInput = {
  clinicName: string;
  clinicPhone: string;
  timeZone: string;
  publicUrl: string;
  requireStaffMfa: boolean;
};

export async function updateClinicSettings(
  db: Db,
  actor: Actor,
  input: ClinicSettingsInput,
  ip: string | null,
) {
  return saveClinicSettings(db, actor, input, ip, "settings.update");
}

/**
 * The first-run setup: the clinic's name, phone, time zone, public address and the staff
 * second-factor choice, all at once; from then on /admin opens on the admin's home.
 */
export async function completeClinicSetup(
  db: Db,
  actor: Actor,
  input: ClinicSetupInput,
  ip: string | null,
) {
  return saveClinicSettings(db, actor, input, ip, "settings.setup");
}

async function saveClinicSettings(
  db: Db,
  actor: Actor,
  input: ClinicSettingsInput,
  ip: string | null,
  action: "settings.update" | "settings.setup",
) {
  const before = await readClinicSettings(db);
  await db.transaction(async (tx) => {
    const now = new Date();
    const values = {
      ...input,
      ...(action === "settings.setup" ? { setupCompletedAt: now } : {}),
      updatedAt: now,
      updatedBy: actor.id,
    };
    await tx
      .insert(clinicSettings)
      .values({ id: true, ...values })
      .onConflictDoUpdate({ target: clinicSettings.id, set: values });
    await recordAudit(tx, {
      actor,
      action,
      outcome: "success",
      targetType: "clinic_settings",
      ip,
      details: {
        successCriteria: input.successCriteria,
        timeZone: input.timeZone,
        clinicName: input.clinicName,
        clinicPhone: input.clinicPhone,
        warningSigns: input.warningSigns,
        replyTime: input.replyTime,
        requireStaffMfa: input.requireStaffMfa,
        publicUrl: input.publicUrl,
        anestheticHours: input.anestheticHours,
      },
    });
  });
  // Assessments under the new criteria or zone are prepared now, not by the next caseload request.
  const after = await readClinicSettings(db);
  if (after.successCriteria !== before.successCriteria || after.timeZone !== before.timeZone)
    await wakeJob("caseload.refresh");
  return getClinicSettingsForAdmin(db);
}
