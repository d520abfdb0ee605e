/**
 * The authorization table of ARCHITECTURE.md#authorization, one row per tRPC procedure: the input
 * to call it with, and the answer each persona must get. Used by the authorization-matrix test and
 * the bad-input test (server/api/*.int.test.ts).
 */
import { TRPCError } from "@trpc/server";
import { ZodError } from "zod";
import { createCaller } from "@/server/api/root";
import type { Actor } from "@/server/authz/policy";
import { addDays } from "@/server/outcomes";
import { unlockStation } from "@/server/services/kiosk";
import type { TestDatabase } from "./db";
import { sampleBundle } from "./fhir-bundle";
import { callerFor, TEST_PASSWORD } from "./fixtures";
import { createWorld, type World } from "./world";

/** BAD_REQUEST: allowed to call it, and the input decides (e.g. a code nobody could know). */
export type Outcome = "OK" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_FOUND" | "BAD_REQUEST";
export const personas = [
  "anonymous",
  "patientOwn",
  "patientOther",
  "providerAssigned",
  "providerUnassigned",
  "admin",
] as const;
export type Persona = (typeof personas)[number];
/** The records a call points at: the world's patient's ("own"), or the other patient's. */
export type Target = { patientId: string; procedureId: string; entryId: string; blockId: string };
export type Row = {
  input?: (w: World, t: Target) => unknown;
  expect: Record<Persona, Outcome>;
  /**
   * The clinic's kiosk (decision 039): the answer on an unlocked station (its credential, nobody
   * signed in), for the procedures a station may call.
   */
  station?: Outcome;
};

const U = "UNAUTHORIZED";
const F = "FORBIDDEN";
const N = "NOT_FOUND";
const signedIn = (): Row["expect"] => ({
  anonymous: U,
  patientOwn: "OK",
  patientOther: "OK",
  providerAssigned: "OK",
  providerUnassigned: "OK",
  admin: "OK",
});
/** Public procedures (the invitation link works without signing in). */
const everyone = (): Row["expect"] => ({
  anonymous: "OK",
  patientOwn: "OK",
  patientOther: "OK",
  providerAssigned: "OK",
  providerUnassigned: "OK",
  admin: "OK",
});
/** Public, and the input decides: a link nobody could know is refused whoever calls. */
const refusedForAll = (): Row["expect"] => ({
  anonymous: "BAD_REQUEST",
  patientOwn: "BAD_REQUEST",
  patientOther: "BAD_REQUEST",
  providerAssigned: "BAD_REQUEST",
  providerUnassigned: "BAD_REQUEST",
  admin: "BAD_REQUEST",
});
/** A patient's step at the kiosk: only an unlocked station (`station`), whoever is signed in. */
const stationOnly = (): Row["expect"] => ({
  anonymous: U,
  patientOwn: U,
  patientOther: U,
  providerAssigned: U,
  providerUnassigned: U,
  admin: U,
});
const adminOnly = (): Row["expect"] => ({
  anonymous: U,
  patientOwn: F,
  patientOther: F,
  providerAssigned: F,
  providerUnassigned: F,
  admin: "OK",
});
/** Providers and admins, for their own account (the second factor). */
const staffOnly = (allowed: Outcome = "OK"): Row["expect"] => ({
  anonymous: U,
  patientOwn: F,
  patientOther: F,
  providerAssigned: allowed,
  providerUnassigned: allowed,
  admin: allowed,
});
/** The patient's own data; another patient's record is not found. */
const patientOnly = (other: Outcome): Row["expect"] => ({
  anonymous: U,
  patientOwn: "OK",
  patientOther: other,
  providerAssigned: F,
  providerUnassigned: F,
  admin: F,
});
/** Providers on their care team only; a patient outside it is not found. */
const providerOnly = (unassigned: Outcome): Row["expect"] => ({
  anonymous: U,
  patientOwn: F,
  patientOther: F,
  providerAssigned: "OK",
  providerUnassigned: unassigned,
  admin: F,
});
/**
 * Reads of a patient's data: the assigned provider; an admin only through an open support access
 * (decision 036: the persona has none here; support-access.int.test.ts opens one).
 */
const staffRead = (): Row["expect"] => ({
  anonymous: U,
  patientOwn: F,
  patientOther: F,
  providerAssigned: "OK",
  providerUnassigned: N,
  admin: F,
});

const strategies = [{ strategy: "physical_therapy", note: "" }];
const entryFields = {
  painAverage: 5,
  enjoyment: 4,
  activity: 4,
  locations: ["lumbar"],
  qualities: ["aching"],
  siteSoreness: false,
};
const procedureFields = (w: World) => ({
  performedOn: addDays(w.today, -1),
  modality: "cryoablation",
  region: "knee",
  side: "left",
  baselinePain: 7,
  targets: ["genicular:superomedial", "genicular:inferomedial"],
  lesionCount: 2,
  imaging: "ultrasound",
});

const blockFields = (w: World) => ({
  givenOn: addDays(w.today, -1),
  givenTime: "09:30",
  region: "lumbar",
  side: "right",
  targets: ["medial_branch:L4", "medial_branch:L5"],
  anesthetic: "bupivacaine",
  prePain: 7,
});

const policyFields = {
  blockThreshold: 80,
  reliefPct: 50,
  functionPct: 50,
  requiredDays: 182,
  maxGapDays: 35,
  minIntervalDays: 182,
  maxPerYear: 2,
};

/** A well-formed registration answer (to a challenge never given). */
const PASSKEY_RESPONSE = {
  id: "AAAAAAAAAAAAAAAAAAAAAA",
  rawId: "AAAAAAAAAAAAAAAAAAAAAA",
  type: "public-key",
  clientExtensionResults: {},
  response: {
    clientDataJSON: Buffer.from(
      JSON.stringify({ type: "webauthn.create", challenge: "bm90LWEtZ2l2ZW4tY2hhbGxlbmdl" }),
    ).toString("base64url"),
    attestationObject: "o2NmbXRkbm9uZQ",
    transports: ["internal"],
  },
};

export const matrix: Record<string, Row> = {
  "session.me": { expect: signedIn() },
  "session.list": { expect: signedIn() },
  "session.signOutEverywhere": { expect: signedIn() },
  "account.list": { input: () => ({}), expect: adminOnly() },
  "account.get": { input: (w) => ({ id: w.spare.id }), expect: adminOnly() },
  "account.providerOptions": { expect: adminOnly() },
  "account.create": {
    input: () => ({
      role: "patient",
      name: "New Person",
      email: `new-${crypto.randomUUID()}@example.test`,
    }),
    expect: adminOnly(),
  },
  "account.changeEmail": {
    input: (w) => ({ id: w.spare.id, email: `spare-${crypto.randomUUID()}@example.test` }),
    expect: adminOnly(),
  },
  "account.updateIdentity": {
    input: (w) => ({
      id: w.spare.id,
      name: "Spare Patient",
      dateOfBirth: "1970-01-01",
      mrn: "",
      phone: "",
    }),
    expect: adminOnly(),
  },
  "account.deactivate": { input: (w) => ({ id: w.spare.id }), expect: adminOnly() },
  "account.reactivate": { input: (w) => ({ id: w.spare.id }), expect: adminOnly() },
  "account.resetPassword": { input: (w) => ({ id: w.spare.id }), expect: adminOnly() },
  "account.changePassword": {
    input: () => ({ currentPassword: TEST_PASSWORD, newPassword: "Lantern harbor quietly 2931" }),
    expect: signedIn(),
  },
  "audit.list": { input: () => ({}), expect: adminOnly() },
  "audit.actions": { expect: adminOnly() },
  "audit.chain": { expect: adminOnly() },
  "careTeam.assign": {
    input: (w) => ({ patientId: w.spare.id, providerId: w.providerA.id }),
    expect: adminOnly(),
  },
  "careTeam.unassign": {
    input: (w) => ({ patientId: w.patient.id, providerId: w.providerA.id }),
    expect: adminOnly(),
  },
  "caseload.list": { input: () => ({}), expect: providerOnly("OK") },
  "caseload.next": { input: (_, t) => ({ patientId: t.patientId }), expect: providerOnly(N) },
  "caseload.review": { input: (_, t) => ({ patientId: t.patientId }), expect: staffRead() },
  "caseload.acknowledgeFlag": {
    input: (_, t) => ({ procedureId: t.procedureId, code: "WORSE_THAN_BASELINE" }),
    expect: providerOnly(N),
  },
  "decision.record": {
    input: (_, t) => ({ procedureId: t.procedureId, strategies }),
    expect: providerOnly(N),
  },
  "decision.amend": {
    input: (w) => ({ decisionId: w.decisionId, strategies }),
    expect: providerOnly(N),
  },
  "decision.list": { input: (_, t) => ({ patientId: t.patientId }), expect: staffRead() },
  "decision.current": { expect: patientOnly("OK") },
  "decision.mine": { expect: patientOnly("OK") },
  "diary.home": { expect: patientOnly("OK") },
  "diary.procedures": { expect: patientOnly("OK") },
  "diary.formContext": { expect: patientOnly("OK") },
  "diary.add": {
    input: (w) => ({ clientId: crypto.randomUUID(), entryDate: w.today, ...entryFields }),
    expect: patientOnly("OK"),
  },
  "diary.correct": {
    input: (_, t) => ({ id: t.entryId, version: 1, ...entryFields }),
    expect: patientOnly(N),
  },
  // The world's patient is on day 25, between check-ins: allowed, and told none is due.
  "diary.checkIn": {
    input: () => ({
      clientId: crypto.randomUUID(),
      pgic: "much_improved",
      painAverage: 3,
      siteSoreness: false,
    }),
    expect: { ...patientOnly("BAD_REQUEST"), patientOwn: "BAD_REQUEST" },
  },
  "diary.list": { input: () => ({}), expect: patientOnly("OK") },
  "outreach.remindNow": { input: (_, t) => ({ patientId: t.patientId }), expect: providerOnly(N) },
  // The world's patient has no check-in open today: the provider is let in, and told so (the QR
  // code itself: check-in-links.int.test.ts).
  "outreach.checkInQr": {
    input: (_, t) => ({ patientId: t.patientId }),
    expect: { ...providerOnly(N), providerAssigned: "BAD_REQUEST" },
  },
  "outreach.calls": { input: (_, t) => ({ patientId: t.patientId }), expect: providerOnly(N) },
  "outreach.openCall": {
    input: (w, t) => ({ patientId: t.patientId, reason: "Asked for a call", dueOn: w.today }),
    expect: providerOnly(N),
  },
  "outreach.closeCall": {
    input: (w) => ({ taskId: w.callTaskId, outcome: "reached", note: "" }),
    expect: providerOnly(N),
  },
  "diary.get": { input: (_, t) => ({ id: t.entryId }), expect: patientOnly(N) },
  "diary.history": { input: (_, t) => ({ id: t.entryId }), expect: patientOnly(N) },
  "diary.chart": { input: (_, t) => ({ procedureId: t.procedureId }), expect: patientOnly(N) },
  "import.patients": {
    input: (w) => ({
      rows: [
        {
          row: 2,
          name: "Imported Person",
          email: `imp-${crypto.randomUUID()}@example.test`,
          providerEmail: w.providerA.email,
        },
      ],
    }),
    expect: adminOnly(),
  },
  "import.fhirBundle": {
    input: () => ({
      bundle: JSON.stringify(
        sampleBundle({ email: `fhir-${crypto.randomUUID()}@example.test`, today: "2026-01-01" }),
      ),
      checkOnly: false,
    }),
    expect: adminOnly(),
  },
  // Aggregates only: a provider's care team (any provider, possibly empty) or the clinic.
  "outcomes.report": {
    input: () => ({ groupBy: "region" }),
    expect: {
      anonymous: U,
      patientOwn: F,
      patientOther: F,
      providerAssigned: "OK",
      providerUnassigned: "OK",
      admin: "OK",
    },
  },
  "outcomes.members": {
    input: () => ({ groupBy: "region", cell: "not_success", group: "lumbar" }),
    expect: {
      anonymous: U,
      patientOwn: F,
      patientOther: F,
      providerAssigned: "OK",
      providerUnassigned: "OK",
      admin: "OK",
    },
  },
  // One-tap check-in links: public, the link and the date of birth are the key; an unknown link
  // is refused for everyone (the journey: check-in-links.int.test.ts).
  "checkInLink.open": { input: () => ({ token: "no-such-link" }), expect: everyone() },
  "checkInLink.confirm": {
    input: () => ({ token: "no-such-link", dateOfBirth: "1961-04-12" }),
    expect: refusedForAll(),
  },
  "checkInLink.answer": {
    input: () => ({
      token: "no-such-link",
      dateOfBirth: "1961-04-12",
      clientId: crypto.randomUUID(),
      pgic: "much_improved",
      painAverage: 2,
      siteSoreness: false,
    }),
    expect: refusedForAll(),
  },
  // The clinic's kiosk (decision 039): unlocking takes a staff member's sign-in (a wrong password
  // here); a patient's steps need an unlocked station, and a signed-in session is no station.
  "kiosk.status": { expect: everyone(), station: "OK" },
  "kiosk.unlock": {
    input: (w) => ({ email: w.providerA.email, password: "not the password" }),
    expect: refusedForAll(),
    station: "BAD_REQUEST",
  },
  "kiosk.lock": { expect: everyone(), station: "OK" },
  // Nobody by that name and date of birth: refused, and counted against the station.
  "kiosk.identify": {
    input: () => ({ firstName: "Nobody", lastName: "Known", dateOfBirth: "1961-04-12" }),
    expect: stationOnly(),
    station: "BAD_REQUEST",
  },
  "kiosk.release": {
    input: () => ({ token: "no-such-grant" }),
    expect: stationOnly(),
    station: "OK",
  },
  "kiosk.answerCheckIn": {
    input: () => ({
      token: "no-such-grant",
      clientId: crypto.randomUUID(),
      pgic: "much_improved",
      painAverage: 2,
      siteSoreness: false,
    }),
    expect: stationOnly(),
    station: "BAD_REQUEST",
  },
  "kiosk.addEntry": {
    input: () => ({
      token: "no-such-grant",
      clientId: crypto.randomUUID(),
      painAverage: 5,
      enjoyment: 4,
      activity: 4,
      locations: ["lumbar"],
      siteSoreness: false,
    }),
    expect: stationOnly(),
    station: "BAD_REQUEST",
  },
  "invitation.check": { input: () => ({ token: "no-such-link" }), expect: everyone() },
  "invitation.accept": {
    input: (w) => ({ token: w.invitationToken, password: "Lantern harbor quietly 2931" }),
    expect: everyone(),
  },
  "invitation.resend": { input: (w) => ({ id: w.spare.id }), expect: adminOnly() },
  "passwordReset.request": { input: (w) => ({ email: w.spare.email }), expect: everyone() },
  "passwordReset.check": { input: () => ({ token: "no-such-link" }), expect: everyone() },
  "passwordReset.complete": {
    // An unknown link is refused for everyone, signed in or not (the journey: password-reset tests).
    input: () => ({ token: "no-such-link", password: "Lantern harbor quietly 2931" }),
    expect: refusedForAll(),
  },
  "notifications.list": { expect: signedIn() },
  "notifications.unreadCount": { expect: signedIn() },
  "notifications.markAllRead": { expect: signedIn() },
  "notifications.preferences": { expect: signedIn() },
  "notifications.updatePreferences": {
    input: () => ({ reminderHour: 9, dailyDiary: true, highFlagEmail: true }),
    expect: signedIn(),
  },
  "notifications.unsubscribe": {
    input: (w) => w.unsubscribe,
    expect: everyone(),
  },
  // Reminders on a phone and by text (decision 040): the patient's own devices and number.
  "notifications.pushKey": { expect: patientOnly("OK") },
  "notifications.pushDevices": { expect: patientOnly("OK") },
  "notifications.subscribePush": {
    input: () => ({
      endpoint: `https://push.example.test/${crypto.randomUUID()}`,
      p256dh:
        "BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM",
      auth: "tBHItJI5svbpez7KI4CCXg",
      device: "My phone",
    }),
    expect: patientOnly("OK"),
  },
  // Only the owner removes a device: another patient's is not found.
  "notifications.removePushDevice": {
    input: (w, t) => ({ id: t.patientId === w.patient.id ? w.ownDeviceId : w.otherDeviceId }),
    expect: patientOnly(N),
  },
  "notifications.texts": { expect: patientOnly("OK") },
  "notifications.textsOn": {
    input: () => ({ phone: "+44 7700 900123", consent: true }),
    expect: patientOnly("OK"),
  },
  "notifications.textsOff": { expect: patientOnly("OK") },
  // Messages (docs/decisions/020-messages.md): a patient's own thread; a provider's care team;
  // admins never.
  "message.report": {
    input: () => ({ clientId: crypto.randomUUID(), changes: ["pain_returned"], painNow: 6 }),
    expect: patientOnly("OK"),
  },
  "message.send": {
    input: () => ({ clientId: crypto.randomUUID(), body: "Is it normal?" }),
    expect: patientOnly("OK"),
  },
  "message.mine": { expect: patientOnly("OK") },
  "message.inbox": { input: () => ({}), expect: providerOnly("OK") },
  "message.thread": { input: (_, t) => ({ patientId: t.patientId }), expect: providerOnly(N) },
  "message.reply": {
    input: (_, t) => ({ patientId: t.patientId, clientId: crypto.randomUUID(), body: "Call us." }),
    expect: providerOnly(N),
  },
  "message.unreadCount": {
    expect: {
      anonymous: U,
      patientOwn: "OK",
      patientOther: "OK",
      providerAssigned: "OK",
      providerUnassigned: "OK",
      admin: F,
    },
  },
  "outbox.list": { input: () => ({}), expect: adminOnly() },
  "outbox.get": { input: (w) => ({ id: w.outboxId }), expect: adminOnly() },
  "outbox.resend": { input: (w) => ({ id: w.outboxId }), expect: adminOnly() },
  "policy.list": { expect: staffOnly() },
  "policy.create": {
    input: () => ({ ...policyFields, name: `Payer ${crypto.randomUUID()}` }),
    expect: adminOnly(),
  },
  "policy.update": {
    input: (w) => ({ ...policyFields, id: w.policyId, version: 1, name: "Renamed payer rule" }),
    expect: adminOnly(),
  },
  "policy.setForPatient": {
    input: (w, t) => ({ patientId: t.patientId, policyId: w.policyId }),
    expect: providerOnly(N),
  },
  "support.active": { input: (_, t) => ({ patientId: t.patientId }), expect: adminOnly() },
  "support.open": {
    input: (_, t) => ({ patientId: t.patientId, reason: "Patient asked why a check-in is shown" }),
    expect: adminOnly(),
  },
  "block.record": {
    input: (w, t) => ({ patientId: t.patientId, ...blockFields(w) }),
    expect: providerOnly(N),
  },
  "block.remove": { input: (_, t) => ({ id: t.blockId }), expect: providerOnly(N) },
  "blockDiary.open": { expect: patientOnly("OK") },
  "blockDiary.answer": {
    input: (_, t) => ({
      blockId: t.blockId,
      clientId: crypto.randomUUID(),
      answeredAt: new Date().toISOString(),
      pain: 2,
      activityTried: true,
    }),
    // A patient's own block; another patient's answers as a block that does not exist.
    expect: patientOnly(N),
  },
  "block.list": { input: (_, t) => ({ patientId: t.patientId }), expect: staffRead() },
  "procedure.performers": { expect: providerOnly("OK") },
  "procedure.record": {
    input: (w, t) => ({ patientId: t.patientId, ...procedureFields(w) }),
    expect: providerOnly(N),
  },
  "procedure.update": {
    input: (w, t) => ({ id: t.procedureId, version: 1, ...procedureFields(w) }),
    expect: providerOnly(N),
  },
  "procedure.list": { input: (_, t) => ({ patientId: t.patientId }), expect: staffRead() },
  "procedure.get": { input: (_, t) => ({ id: t.procedureId }), expect: staffRead() },
  // Every signed-in user, for their own account (patients may add a second factor, decision 027).
  "mfa.status": { expect: signedIn() },
  "mfa.startEnrolment": { expect: signedIn() },
  // Without an enrolment started, any code is refused: the table shows who gets that far.
  "mfa.confirmEnrolment": {
    input: () => ({ code: "123456" }),
    expect: {
      ...signedIn(),
      patientOwn: "BAD_REQUEST",
      patientOther: "BAD_REQUEST",
      providerAssigned: "BAD_REQUEST",
      providerUnassigned: "BAD_REQUEST",
      admin: "BAD_REQUEST",
    },
  },
  // Passkeys (decision 027): each user's own; the sign-in options before anyone is known.
  "passkey.list": { expect: signedIn() },
  "passkey.registrationOptions": { expect: signedIn() },
  // Without a challenge given, any answer is refused: the table shows who gets that far.
  "passkey.register": {
    input: () => ({ name: "My phone", response: PASSKEY_RESPONSE }),
    expect: {
      ...signedIn(),
      patientOwn: "BAD_REQUEST",
      patientOther: "BAD_REQUEST",
      providerAssigned: "BAD_REQUEST",
      providerUnassigned: "BAD_REQUEST",
      admin: "BAD_REQUEST",
    },
  },
  // Only the owner removes a passkey: anyone else's is not found.
  "passkey.remove": {
    input: (w, t) => ({
      id: t.patientId === w.patient.id ? w.ownPasskeyId : w.otherPasskeyId,
    }),
    expect: {
      anonymous: U,
      patientOwn: "OK",
      patientOther: N,
      providerAssigned: N,
      providerUnassigned: N,
      admin: N,
    },
  },
  "passkey.authenticationOptions": { expect: everyone() },
  "mfa.reset": { input: (w) => ({ id: w.providerA.id }), expect: adminOnly() },
  "settings.get": { expect: adminOnly() },
  "settings.contact": { expect: signedIn() },
  "settings.update": {
    input: () => ({ successCriteria: "lenient", timeZone: null }),
    expect: adminOnly(),
  },
  "settings.completeSetup": {
    input: () => ({
      clinicName: "Lakeside Clinic",
      clinicPhone: "+1 555 0100",
      timeZone: "Europe/Paris",
      publicUrl: "https://portal.example.org",
      requireStaffMfa: false,
    }),
    expect: adminOnly(),
  },
};

export function actorOf(w: World, persona: Persona | "station"): Actor | null {
  switch (persona) {
    case "anonymous":
    case "station":
      return null;
    case "patientOwn":
    case "patientOther":
      return w.patient;
    case "providerAssigned":
      return w.providerA;
    case "providerUnassigned":
      return w.providerB;
    case "admin":
      return w.admin;
  }
}

export const targetOf = (w: World, persona: Persona | "station"): Target =>
  persona === "patientOther"
    ? { patientId: w.otherPatient.id, ...w.other }
    : { patientId: w.patient.id, ...w.own };

/** Calls `path` as the persona, on a fresh world; the outcome is "OK" or the error's code. */
export async function callAs(
  t: TestDatabase,
  path: string,
  persona: Persona | "station",
  row: Row,
) {
  return callInWorld(t, await createWorld(t.db), path, persona, row.input?.bind(row));
}

const stations = new WeakMap<World, string>();

/** The world's kiosk station, unlocked by `providerA` (decision 039): its credential. */
async function stationOf(t: TestDatabase, w: World): Promise<string> {
  const known = stations.get(w);
  if (known) return known;
  const unlocked = await unlockStation(
    t.db,
    { email: w.providerA.email, password: TEST_PASSWORD },
    "192.0.2.44",
  );
  if (unlocked.status !== "unlocked") throw new Error("the station did not unlock");
  stations.set(w, unlocked.token);
  return unlocked.token;
}

/**
 * Calls `path` as the persona in `w` with the input `input(w, target)`; `station`: from the
 * world's unlocked kiosk station, nobody signed in.
 */
export async function callInWorld(
  t: TestDatabase,
  w: World,
  path: string,
  persona: Persona | "station",
  input?: (w: World, target: Target) => unknown,
) {
  const station =
    persona === "station"
      ? { token: await stationOf(t, w), set: () => {}, clear: () => {} }
      : undefined;
  const caller = (station
    ? createCaller({ db: t.db, actor: null, ip: "192.0.2.44", station })
    : callerFor(t.db, actorOf(w, persona))) as unknown as Record<
    string,
    Record<string, (input?: unknown) => Promise<unknown>>
  >;
  const [router = "", procedure = ""] = path.split(".");
  const fn = caller[router]?.[procedure];
  if (!fn) throw new Error(`no procedure ${path}`);
  try {
    await fn(input?.(w, targetOf(w, persona)));
    return { outcome: "OK" as const, world: w };
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    const issues = error.cause instanceof ZodError ? error.cause.issues : undefined;
    return { outcome: error.code, world: w, message: error.message, issues };
  }
}
