import { and, desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  callTasks,
  decisions,
  diagnosticBlocks,
  diaryEntries,
  outbox,
  passkeys,
  pushSubscriptions,
  repeatPolicies,
} from "@/db/schema";
import type { Actor } from "@/server/authz/policy";
import { addDays, examplePolicies } from "@/server/outcomes";
import { inviteAccounts } from "@/server/services/invitations";
import { queueEmail } from "@/server/services/outbox";
import { unsubscribeUrl } from "@/server/services/reminders";
import { clinicToday } from "@/server/services/settings";
import { insertEntries, insertProcedure } from "./clinical";
import { assignPatient, createUser } from "./fixtures";

/** Two patients with a procedure, diary entries and (the first) a decision; their providers. */
export type World = Awaited<ReturnType<typeof createWorld>>;

/**
 * A small clinic: `providerA` follows `patient` (the "own" records), `providerB` follows only
 * `otherPatient`; `spare` is a patient on nobody's care team. The patient's procedure was 25 days
 * ago and their last three days are worse than baseline, so flags are raised.
 */
export async function createWorld(db: Db) {
  const [admin, providerA, providerB, patient, otherPatient, spare] = await Promise.all([
    createUser(db, "admin"),
    createUser(db, "provider"),
    createUser(db, "provider"),
    createUser(db, "patient"),
    createUser(db, "patient"),
    createUser(db, "patient"),
  ]);
  await assignPatient(db, providerA, patient);
  await assignPatient(db, providerB, otherPatient);
  const today = await clinicToday(db);
  const own = await recordPatientData(db, patient, providerA, today);
  const other = await recordPatientData(db, otherPatient, providerB, today);
  const [decision] = await db
    .insert(decisions)
    .values({
      patientId: patient.id,
      procedureId: own.procedureId,
      providerId: providerA.id,
      strategies: [{ strategy: "physical_therapy", note: "" }],
      assessmentSnapshot: {},
    })
    .returning({ id: decisions.id });
  const outboxId = await queueEmail(db, {
    kind: "reminder_daily",
    userId: patient.id,
    to: patient.email,
    email: { subject: "Time for today's diary entry", text: "Hello", html: "<p>Hello</p>" },
  });
  // The spare patient's invitation link, as the email carries it.
  await inviteAccounts(db, admin, [spare], { ip: null });
  const [mail] = await db
    .select({ text: outbox.textBody })
    .from(outbox)
    .where(and(eq(outbox.userId, spare.id), eq(outbox.kind, "invitation")))
    .limit(1);
  // A repeat-ablation policy of this world's own (the migration's two examples are shared).
  const [policy] = await db
    .insert(repeatPolicies)
    .values({
      ...(examplePolicies[1] ?? {}),
      name: `Policy ${crypto.randomUUID()}`,
    } as typeof repeatPolicies.$inferInsert)
    .returning({ id: repeatPolicies.id });
  // An open "Call the patient" task for the own patient.
  const [callTask] = await db
    .insert(callTasks)
    .values({
      patientId: patient.id,
      reason: "Asked for a call",
      dueOn: today,
      createdBy: providerA.id,
    })
    .returning({ id: callTasks.id });
  // A passkey of each patient's (its key is never checked here: only who may remove it).
  const [ownPasskey, otherPasskey] = await db
    .insert(passkeys)
    .values(
      [patient, otherPatient].map((p) => ({
        userId: p.id,
        credentialId: crypto.randomUUID(),
        publicKey: "pQECAyYgASFYIA",
        name: "My phone",
      })),
    )
    .returning({ id: passkeys.id });
  // A push device of each patient's (only who may remove it is checked here).
  const [ownDevice, otherDevice] = await db
    .insert(pushSubscriptions)
    .values(
      [patient, otherPatient].map((p) => ({
        userId: p.id,
        endpoint: `https://push.example.test/${crypto.randomUUID()}`,
        p256dh:
          "BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM",
        auth: "tBHItJI5svbpez7KI4CCXg",
        device: "Phone",
      })),
    )
    .returning({ id: pushSubscriptions.id });
  const invitationToken = mail?.text.match(/\/invite\/([\w-]+)/)?.[1] ?? "";
  return {
    today,
    admin,
    providerA,
    providerB,
    patient,
    otherPatient,
    spare,
    own,
    other,
    decisionId: decision?.id ?? "",
    outboxId,
    policyId: policy?.id ?? "",
    callTaskId: callTask?.id ?? "",
    ownPasskeyId: ownPasskey?.id ?? "",
    otherPasskeyId: otherPasskey?.id ?? "",
    ownDeviceId: ownDevice?.id ?? "",
    otherDeviceId: otherDevice?.id ?? "",
    invitationToken,
    /** The input of the patient's unsubscribe link for the daily reminder. */
    unsubscribe: unsubscribeInput(patient.id, "daily_diary"),
  };
}

async function recordPatientData(db: Db, patient: Actor, provider: Actor, today: string) {
  const procedure = await insertProcedure(db, patient, provider, addDays(today, -25), {
    baselinePain: 6,
  });
  // days 22-24 of 25: the three days before today, worse than baseline
  await insertEntries(
    db,
    procedure,
    [22, 23, 24].map((day) => ({ day, pain: 8 })),
  );
  const [entry] = await db
    .select({ id: diaryEntries.id })
    .from(diaryEntries)
    .where(eq(diaryEntries.procedureId, procedure.id))
    .orderBy(desc(diaryEntries.entryDate))
    .limit(1);
  // A diagnostic block given an hour ago: its diary is open.
  const [block] = await db
    .insert(diagnosticBlocks)
    .values({
      patientId: patient.id,
      givenAt: new Date(Date.now() - 60 * 60_000),
      region: "lumbar",
      side: "left",
      targets: ["medial_branch:L4", "medial_branch:L5"],
      anesthetic: "lidocaine",
      prePain: 7,
      recordedBy: provider.id,
    })
    .returning({ id: diagnosticBlocks.id });
  return { procedureId: procedure.id, entryId: entry?.id ?? "", blockId: block?.id ?? "" };
}

/** The fields of an unsubscribe link, as the reminder email carries it. */
export function unsubscribeInput(
  userId: string,
  kind: "check_in_due" | "diary_lapsed" | "daily_diary",
) {
  const query = new URL(unsubscribeUrl("http://localhost", userId, kind)).searchParams;
  return {
    userId: query.get("u") ?? "",
    kind: query.get("k") ?? "",
    signature: query.get("s") ?? "",
  };
}
