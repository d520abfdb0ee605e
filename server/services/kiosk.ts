// The clinic's check-in station (SPEC 12 "In the clinic", docs/decisions/039-kiosk.md): a staff
// member unlocks a tablet at /kiosk with their sign-in; a patient then identifies with their name
// and date of birth (and the last 4 of their MRN when two match), and does their due check-in or
// today's diary entry. The station holds no staff session: its credential is a token signed with
// the server's secret (in an httpOnly cookie for /kiosk only), valid 12 hours, ended by "Lock
// station" (kiosk.lock in the audit trail) or when the staff member's password changes or their
// account is deactivated. What a
// patient may do is granted by a single-use check_in_links row (sent_by `kiosk`, 10 minutes)
// whose token only the station's page holds, in memory, and that works on that station only; the
// page ends it when it returns to its start.
import "server-only";
import { createHmac, randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import { and, eq, gte, isNull, sql } from "drizzle-orm";
import { type Db, type DbOrTx, rowsOf } from "@/db/client";
import { auditEvents, checkInLinks, signInThrottle, users } from "@/db/schema";
import type { Actor } from "@/server/authz/policy";
import { resolveAuthSecret } from "@/server/env";
import { AppError, badRequest } from "@/server/errors";
import { checkInName, type Location, type Pgic } from "@/server/outcomes";
import { mrnLastFour, nameMatches } from "@/shared/person-name";
import { recordAudit } from "./audit";
import { checkCredentials, recordFailure } from "./auth";
import { addEntry, answerCheckIn, openCheckIn, openEntryDay } from "./diary";
import { hashToken } from "./invitations";
import { acceptSignInCode } from "./mfa";
import { getClinicSettings } from "./settings";

/** How long an unlocked station works: a working day. */
export const STATION_HOURS = 12;
/** How long a patient's grant (one check-in or today's entry) lasts after they identified. */
export const GRANT_MINUTES = 10;
/** Wrong identities a station accepts within the window before it asks for the front desk. */
export const WRONG_IDENTITIES_ALLOWED = 5;
export const WRONG_IDENTITY_WINDOW_MINUTES = 10;
/** A grant of today's diary entry (no check-in): the check_in_links row's `check_in_day`. */
const ENTRY_DAY = 0;

export const STATION_LOCKED_MESSAGE = "This station is locked. Ask the front desk to unlock it.";
export const FRONT_DESK_MESSAGE =
  "We could not find you with those details. Please ask the front desk.";
const NOT_FOUND_MESSAGE =
  "We could not find you with that name and date of birth. Check them and try again.";
const GRANT_ENDED_MESSAGE = "This has timed out on the station. Please start again.";

/** An unlocked station, as its credential says (checked against the database on every call). */
export type Station = { id: string; staffId: string; issuedAt: Date; expiresAt: Date };

// ---- The station's credential ----

/** The key that signs station credentials, derived from the server's secret (never the secret). */
const stationKey = () =>
  createHmac("sha256", resolveAuthSecret()).update("kiosk-station:v1").digest();

const sign = (payload: string) =>
  createHmac("sha256", stationKey()).update(payload).digest("base64url");

/** `<payload>.<signature>`; the payload: station id, staff id, session version, issued, expires. */
function stationToken(station: Station, sessionVersion: number): string {
  const payload = Buffer.from(
    JSON.stringify({
      s: station.id,
      u: station.staffId,
      v: sessionVersion,
      i: Math.floor(station.issuedAt.getTime() / 1000),
      e: Math.floor(station.expiresAt.getTime() / 1000),
    }),
  ).toString("base64url");
  return `${payload}.${sign(payload)}`;
}

type Claims = { s: string; u: string; v: number; i: number; e: number };

function readToken(token: string): Claims | null {
  const [payload, signature, extra] = token.split(".");
  if (!payload || !signature || extra !== undefined || token.length > 1000) return null;
  const expected = Buffer.from(sign(payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Claims;
    const uuid = /^[0-9a-f-]{36}$/;
    if (!uuid.test(claims.s) || !uuid.test(claims.u)) return null;
    if (![claims.v, claims.i, claims.e].every(Number.isInteger)) return null;
    return claims;
  } catch {
    return null;
  }
}

/**
 * The station a credential unlocks now, or null: a wrong signature, past its 12 hours, locked
 * (kiosk.lock recorded for it), or its staff member deactivated, no longer staff, or their
 * password changed or reset (their session version moved on).
 */
export async function verifyStation(
  db: DbOrTx,
  token: string | null | undefined,
  now: Date = new Date(),
): Promise<Station | null> {
  const claims = token ? readToken(token) : null;
  if (!claims || claims.e * 1000 <= now.getTime()) return null;
  const issuedAt = new Date(claims.i * 1000);
  const [staff] = await db
    .select({
      role: users.role,
      active: users.active,
      sessionVersion: users.sessionVersion,
      locked: sql<boolean>`exists (select 1 from ${auditEvents} where ${and(
        eq(auditEvents.action, "kiosk.lock"),
        gte(auditEvents.at, issuedAt),
        eq(auditEvents.targetType, "kiosk_station"),
        eq(auditEvents.targetId, claims.s),
      )})`,
    })
    .from(users)
    .where(eq(users.id, claims.u))
    .limit(1);
  if (!staff?.active || staff.role === "patient" || staff.sessionVersion !== claims.v) return null;
  if (staff.locked) return null;
  return { id: claims.s, staffId: claims.u, issuedAt, expiresAt: new Date(claims.e * 1000) };
}

export type UnlockResult =
  | { status: "code" }
  | { status: "unlocked"; token: string; expiresAt: Date };

/**
 * A staff member unlocks the station with their email and password (the sign-in's check and
 * throttle), and their authentication code when they have an authenticator (a wrong code counts
 * against the throttle too). No session is made: the result is the station's credential.
 * `{status: "code"}`: the password was right, the code is asked next.
 */
export async function unlockStation(
  db: Db,
  input: { email: string; password: string; code?: string | undefined },
  ip: string | null,
  now: Date = new Date(),
): Promise<UnlockResult> {
  const checked = await checkCredentials(db, input, ip, "kiosk.unlock");
  if (!checked.ok) {
    if (checked.reason === "throttled") {
      throw new AppError(
        "TOO_MANY_REQUESTS",
        "Too many wrong attempts. Please wait a few minutes and try again.",
      );
    }
    throw badRequest("Invalid email or password");
  }
  const { user, keys } = checked;
  const refuse = async (reason: string, message: string) => {
    await recordAudit(db, {
      actor: user,
      action: "kiosk.unlock",
      outcome: "failure",
      ip,
      details: { reason },
    });
    return badRequest(message);
  };
  if (user.role === "patient") {
    throw await refuse("not_staff", "Only clinic staff can unlock this station.");
  }
  if (user.mfaConfirmed) {
    const code = input.code?.trim();
    if (!code) return { status: "code" };
    if (!(await acceptSignInCode(db, user.id, code))) {
      await recordFailure(db, keys);
      await recordAudit(db, {
        actor: user,
        action: "kiosk.unlock",
        outcome: "failure",
        ip,
        details: { reason: "wrong_code" },
      });
      throw badRequest("Please correct the highlighted fields.", {
        code: ["That code is not right. Enter the 6-digit code your app shows now."],
      });
    }
  } else if ((await getClinicSettings(db)).requireStaffMfa) {
    throw await refuse(
      "mfa_enrol",
      "The clinic requires a second factor: sign in to the portal once to set yours up.",
    );
  }
  const station: Station = {
    id: randomUUID(),
    staffId: user.id,
    issuedAt: new Date(Math.floor(now.getTime() / 1000) * 1000),
    expiresAt: new Date(Math.floor(now.getTime() / 1000) * 1000 + STATION_HOURS * 3_600_000),
  };
  await recordAudit(db, {
    actor: user,
    action: "kiosk.unlock",
    outcome: "success",
    targetType: "kiosk_station",
    targetId: station.id,
    ip,
    details: { expiresAt: station.expiresAt.toISOString() },
  });
  return {
    status: "unlocked",
    token: stationToken(station, user.sessionVersion),
    expiresAt: station.expiresAt,
  };
}

/** "Lock station": the credential stops working at once (whoever presses it; audited). */
export async function lockStation(db: DbOrTx, station: Station | null, ip: string | null) {
  if (!station) return { locked: true as const };
  await recordAudit(db, {
    actor: null,
    action: "kiosk.lock",
    outcome: "success",
    targetType: "kiosk_station",
    targetId: station.id,
    ip,
    details: { unlockedBy: station.staffId },
  });
  return { locked: true as const };
}

/** What the station's page shows before anyone identifies: whether it is unlocked, the clinic. */
export async function stationStatus(db: DbOrTx, station: Station | null) {
  const settings = await getClinicSettings(db);
  return {
    unlocked: station !== null,
    until: station?.expiresAt ?? null,
    clinic: { name: settings.clinicName, phone: settings.clinicPhone },
    timeZone: settings.timeZone,
  };
}

// ---- Wrong identities, counted per station ----

const throttleKey = (station: Station) => `kiosk:${station.id}`;

async function stationThrottled(db: DbOrTx, station: Station, now: Date): Promise<boolean> {
  const [row] = await db
    .select({ lockedUntil: signInThrottle.lockedUntil })
    .from(signInThrottle)
    .where(eq(signInThrottle.key, throttleKey(station)))
    .limit(1);
  return Boolean(row?.lockedUntil && row.lockedUntil > now);
}

/**
 * One more wrong identity on the station, in one statement (two at once both count): the fifth
 * within 10 minutes stops identification on this station for 10 minutes. Returns the count.
 */
async function countWrongIdentity(db: DbOrTx, station: Station, now: Date): Promise<number> {
  const at = sql`${now.toISOString()}::timestamptz`;
  const window = sql`make_interval(mins => ${WRONG_IDENTITY_WINDOW_MINUTES})`;
  const result = await db.execute(sql`
    insert into sign_in_throttle as t (key, failures, window_started_at, locked_until)
    values (${throttleKey(station)}, 1, ${at}, case when ${WRONG_IDENTITIES_ALLOWED} <= 1 then ${at} + ${window} end)
    on conflict (key) do update set
      failures = case when t.window_started_at <= ${at} - ${window} then 1 else t.failures + 1 end,
      window_started_at = case when t.window_started_at <= ${at} - ${window} then ${at} else t.window_started_at end,
      locked_until = case when t.window_started_at > ${at} - ${window}
                           and t.failures + 1 >= ${WRONG_IDENTITIES_ALLOWED}
                      then ${at} + ${window} else t.locked_until end
    returning failures`);
  const [row] = rowsOf<{ failures: number }>(result);
  return Number(row?.failures ?? WRONG_IDENTITIES_ALLOWED);
}

// ---- A patient at the station ----

export type IdentifyInput = {
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  mrnLastFour?: string | undefined;
};

export type Identified =
  | { step: "mrn" }
  | {
      step: "check_in";
      token: string;
      firstName: string;
      day: number;
      name: string;
      askPain: boolean;
    }
  | { step: "entry"; token: string; firstName: string; date: string }
  | { step: "nothing"; firstName: string };

/** The first word of the account's name, to greet the patient (shown until the station resets). */
const greetingName = (name: string) => name.trim().split(/\s+/)[0] ?? "";

/**
 * A patient identifies at the station: active patients with that date of birth whose name
 * matches; when two or more match, the last 4 of the MRN decides. No match (or a wrong MRN) counts
 * against the station (five in 10 minutes: "ask the front desk") and is audited without what was
 * typed. A match is audited with the patient, and gets a single-use grant of their due check-in,
 * else of today's diary entry (else nothing to do).
 */
export async function identifyPatient(
  db: Db,
  station: Station,
  input: IdentifyInput,
  ip: string | null,
  now: Date = new Date(),
): Promise<Identified> {
  const failed = (reason: string, details: Record<string, unknown> = {}) =>
    recordAudit(db, {
      actor: null,
      action: "kiosk.identify_failed",
      outcome: reason === "throttled" ? "denied" : "failure",
      targetType: "kiosk_station",
      targetId: station.id,
      ip,
      details: { reason, ...details },
    });
  const frontDesk = () => new AppError("TOO_MANY_REQUESTS", FRONT_DESK_MESSAGE);

  if (await stationThrottled(db, station, now)) {
    await failed("throttled");
    throw frontDesk();
  }
  const candidates = await db
    .select({ id: users.id, name: users.name, email: users.email, mrn: users.mrn })
    .from(users)
    .where(
      and(
        eq(users.role, "patient"),
        eq(users.active, true),
        eq(users.dateOfBirth, input.dateOfBirth),
      ),
    )
    .limit(500);
  let matches = candidates.filter((c) => nameMatches(c.name, input.firstName, input.lastName));
  if (matches.length > 1) {
    if (!input.mrnLastFour) return { step: "mrn" };
    const lastFour = input.mrnLastFour.toLowerCase();
    matches = matches.filter((m) => m.mrn && mrnLastFour(m.mrn) === lastFour);
  }
  const [patient, ...others] = matches;
  if (!patient || others.length > 0) {
    const reason = !patient ? (input.mrnLastFour ? "wrong_mrn" : "no_match") : "ambiguous";
    const wrong = await countWrongIdentity(db, station, now);
    await failed(reason, { wrongIdentities: wrong });
    if (wrong >= WRONG_IDENTITIES_ALLOWED || others.length > 0) throw frontDesk();
    if (input.mrnLastFour) {
      throw badRequest("Please correct the highlighted fields.", {
        mrnLastFour: ["Those are not the last 4 characters of your record number."],
      });
    }
    throw badRequest(NOT_FOUND_MESSAGE);
  }

  const open = await openCheckIn(db, patient.id, now);
  const entryDay = open ? null : await openEntryDay(db, patient.id, now);
  const task = open ? "check_in" : entryDay ? "entry" : "nothing";
  const token = task === "nothing" ? null : randomBytes(32).toString("base64url");
  await db.transaction(async (tx) => {
    if (token) {
      await tx.insert(checkInLinks).values({
        tokenHash: grantHash(station.id, token),
        patientId: patient.id,
        checkInDay: open?.day ?? ENTRY_DAY,
        sentBy: "kiosk",
        createdAt: now,
        expiresAt: new Date(now.getTime() + GRANT_MINUTES * 60_000),
      });
    }
    await recordAudit(tx, {
      actor: null,
      action: "kiosk.identify",
      outcome: "success",
      targetType: "user",
      targetId: patient.id,
      patientId: patient.id,
      ip,
      details: { stationId: station.id, task },
    });
  });
  const firstName = greetingName(patient.name);
  if (open && token) {
    return {
      step: "check_in",
      token,
      firstName,
      day: open.day,
      name: checkInName[open.day] ?? `day-${open.day}`,
      askPain: open.askPain,
    };
  }
  if (entryDay && token) return { step: "entry", token, firstName, date: entryDay };
  return { step: "nothing", firstName };
}

/**
 * What the database keeps of a grant: the hash of the token with the station's id, so that a
 * grant works only on the station whose patient identified there (another unlocked station
 * holding the same token finds nothing).
 */
export const grantHash = (stationId: string, token: string) => hashToken(`${stationId}.${token}`);

/** The check_in_links row of the grant `token` that station `station` handed out. */
const grantOf = (station: Station, token: string) =>
  and(eq(checkInLinks.tokenHash, grantHash(station.id, token)), eq(checkInLinks.sentBy, "kiosk"));

/** A grant the station's page holds, with its patient, if it can be used now; else refused. */
async function takeGrant(
  db: Db,
  station: Station,
  token: string,
  kind: "check_in" | "entry",
  ip: string | null,
  now: Date,
) {
  const [row] = await db
    .select({
      link: checkInLinks,
      patient: { id: users.id, name: users.name, email: users.email, active: users.active },
    })
    .from(checkInLinks)
    .innerJoin(users, eq(users.id, checkInLinks.patientId))
    .where(grantOf(station, token))
    .limit(1);
  const usable =
    row?.patient.active &&
    !row.link.usedAt &&
    !row.link.endedAt &&
    row.link.expiresAt > now &&
    (kind === "entry") === (row.link.checkInDay === ENTRY_DAY);
  if (!row || !usable) {
    await recordAudit(db, {
      actor: null,
      action: kind === "entry" ? "kiosk.entry" : "kiosk.answer",
      outcome: "failure",
      targetType: "kiosk_station",
      targetId: station.id,
      ...(row ? { patientId: row.link.patientId } : {}),
      ip,
      details: {
        reason: !row
          ? "unknown"
          : row.link.usedAt
            ? "used"
            : row.link.expiresAt <= now
              ? "expired"
              : "not_valid",
      },
    });
    throw badRequest(GRANT_ENDED_MESSAGE);
  }
  const patient: Actor = {
    id: row.patient.id,
    name: row.patient.name,
    email: row.patient.email,
    role: "patient",
    mustChangePassword: false,
  };
  return { link: row.link, patient };
}

/**
 * "Start again", the idle reset and leaving the page: the grant the station's page held ends now
 * instead of at its 10 minutes. Nothing to say when it is unknown, used or already ended: the page
 * forgets it either way.
 */
export async function releaseGrant(
  db: DbOrTx,
  station: Station,
  token: string,
  now: Date = new Date(),
) {
  await db
    .update(checkInLinks)
    .set({ endedAt: now })
    .where(and(grantOf(station, token), isNull(checkInLinks.usedAt), isNull(checkInLinks.endedAt)));
  return { released: true as const };
}

/** The grant is used up (once: a second answer through it finds it used). */
async function spendGrant(
  db: Db,
  station: Station,
  link: { id: string; patientId: string; checkInDay: number },
  action: string,
  ip: string | null,
  now: Date,
) {
  await db
    .update(checkInLinks)
    .set({ usedAt: now })
    .where(and(eq(checkInLinks.id, link.id), isNull(checkInLinks.usedAt)));
  await recordAudit(db, {
    actor: null,
    action,
    outcome: "success",
    targetType: "user",
    targetId: link.patientId,
    patientId: link.patientId,
    ip,
    details: {
      stationId: station.id,
      ...(link.checkInDay === ENTRY_DAY ? {} : { checkInDay: link.checkInDay }),
    },
  });
}

/** The due check-in answered at the station: the patient's own check-in, channel `kiosk`. */
export async function answerAtStation(
  db: Db,
  station: Station,
  input: {
    token: string;
    clientId: string;
    pgic: Pgic;
    painAverage?: number | null | undefined;
    siteSoreness?: boolean | null | undefined;
  },
  ip: string | null,
  now: Date = new Date(),
) {
  const { link, patient } = await takeGrant(db, station, input.token, "check_in", ip, now);
  const open = await openCheckIn(db, patient.id, now);
  if (!open || open.day !== link.checkInDay) {
    throw badRequest("This check-in is already answered. Thank you: there is nothing to do.");
  }
  await answerCheckIn(
    db,
    patient,
    {
      clientId: input.clientId,
      pgic: input.pgic,
      painAverage: input.painAverage,
      siteSoreness: input.siteSoreness,
      via: "kiosk",
    },
    now,
  );
  await spendGrant(db, station, link, "kiosk.answer", ip, now);
  return { done: true as const };
}

/** Today's diary entry at the station (when no check-in is open): the short entry's answers. */
export async function addEntryAtStation(
  db: Db,
  station: Station,
  input: {
    token: string;
    clientId: string;
    painAverage: number;
    enjoyment: number;
    activity: number;
    locations: Location[];
    siteSoreness: boolean;
  },
  ip: string | null,
  now: Date = new Date(),
) {
  const { link, patient } = await takeGrant(db, station, input.token, "entry", ip, now);
  const day = await openEntryDay(db, patient.id, now);
  if (!day) throw badRequest("Today's entry is already in. Thank you: there is nothing to do.");
  await addEntry(
    db,
    patient,
    {
      clientId: input.clientId,
      entryDate: day,
      painAverage: input.painAverage,
      enjoyment: input.enjoyment,
      activity: input.activity,
      locations: input.locations,
      qualities: [],
      siteSoreness: input.siteSoreness,
      medication: "",
      note: "",
      pgic: null,
    },
    now,
  );
  await spendGrant(db, station, link, "kiosk.entry", ip, now);
  return { done: true as const };
}
