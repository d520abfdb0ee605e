import { count } from "drizzle-orm";
import type { Db } from "./client";
import { careTeam, clinicSettings, users } from "./schema";
import { seedClinical } from "./seed-clinical";
import { seedHistory } from "./seed-history";

export const DEMO_PASSWORD = "demo-password";

/** The demo clinic: what its patients see to reach it (the standard "when to call now" signs). */
export const DEMO_CLINIC = {
  clinicName: "Riverside Pain Clinic",
  clinicPhone: "+1 555 0142",
  replyTime: "within one working day",
} as const;

export const DEMO_ACCOUNTS = {
  admin: { email: "admin@example.com", name: "Alex Admin", role: "admin" },
  provider: { email: "provider@example.com", name: "Dr. Priya Provider", role: "provider" },
  patient: { email: "patient@example.com", name: "Pat Patient", role: "patient" },
} as const;

export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(users);
  return (row?.n ?? 0) === 0;
}

export type SeedOptions = {
  hashPassword: (password: string) => Promise<string>;
  /** The clinic's today, YYYY-MM-DD: demo diaries are dated relative to it. */
  today: string;
};

/**
 * The demo accounts of README.md#start, the demo clinic's name and phone, the demo provider's care
 * team, and the demo clinical data
 * (procedures, diaries, more demo patients: db/seed-clinical.ts), and two years of clinic history
 * for the outcomes pages (db/seed-history.ts), in one transaction.
 */
export async function seedDemo(db: Db, options: SeedOptions): Promise<void> {
  const passwordHash = await options.hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    const inserted = await tx
      .insert(users)
      .values(Object.values(DEMO_ACCOUNTS).map((a) => ({ ...a, passwordHash })))
      .returning({ id: users.id, role: users.role });
    const provider = inserted.find((u) => u.role === "provider");
    const patient = inserted.find((u) => u.role === "patient");
    if (!provider || !patient) throw new Error("demo seed: accounts missing");
    await tx.insert(careTeam).values({ providerId: provider.id, patientId: patient.id });
    // Migrations made the settings' one row already. The demo clinic comes set up: its name and
    // phone, the second factor optional for staff (docs/decisions/033-first-run-setup.md).
    const clinic = { ...DEMO_CLINIC, requireStaffMfa: false, setupCompletedAt: new Date() };
    await tx
      .insert(clinicSettings)
      .values({ id: true, ...clinic })
      .onConflictDoUpdate({ target: clinicSettings.id, set: clinic });
    await seedClinical(tx, {
      today: options.today,
      providerId: provider.id,
      patientId: patient.id,
      passwordHash,
    });
    await seedHistory(tx, { today: options.today, demoProviderId: provider.id, passwordHash });
  });
}
