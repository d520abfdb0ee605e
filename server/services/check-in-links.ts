// One-tap check-in links (docs/decisions/038-one-tap-check-ins.md, docs/clinical-rules.md#tiered-outreach):
// a check-in reminder carries a link that opens that one check-in, on any phone, after the patient
// confirms their date of birth. Single use, valid 7 days, stored as the SHA-256 of its token; five
// wrong dates of birth end it; every step audited. It grants nothing else: no session, no history,
// no messages.
import "server-only";
import { randomBytes } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import QRCode from "qrcode";
import type { Db, DbOrTx } from "@/db/client";
import { checkInLinks, users } from "@/db/schema";
import type { Actor } from "@/server/authz/policy";
import { badRequest } from "@/server/errors";
import { checkInName, type Pgic } from "@/server/outcomes";
import type { CheckInChannel } from "@/shared/outreach";
import { recordAudit } from "./audit";
import { answerCheckIn, openCheckIn } from "./diary";
import { hashToken } from "./invitations";
import { managedPatient } from "./patient-access";
import { getClinicSettings } from "./settings";

export const LINK_VALID_DAYS = 7;
export const WRONG_DATES_ALLOWED = 5;

/**
 * Where the link was given: a reminder (email, push, text; docs/clinical-rules.md#tiered-outreach)
 * or the clinic (qr). An answer through it counts for that channel in the engagement figures;
 * through a QR code, as a one-tap link.
 */
export type LinkSentBy = "email" | "push" | "text" | "qr";
const CHANNEL_OF: Record<LinkSentBy, CheckInChannel> = {
  email: "email",
  push: "push",
  text: "text",
  qr: "link",
};

/**
 * A new link to the check-in of `checkInDay` for the patient; returns its address. Written in the
 * caller's transaction (the reminder that carries it).
 */
export async function issueCheckInLink(
  tx: DbOrTx,
  input: { patientId: string; checkInDay: number; sentBy: LinkSentBy; publicUrl: string },
  now: Date = new Date(),
): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await tx.insert(checkInLinks).values({
    tokenHash: hashToken(token),
    patientId: input.patientId,
    checkInDay: input.checkInDay,
    sentBy: input.sentBy,
    createdAt: now,
    expiresAt: new Date(now.getTime() + LINK_VALID_DAYS * 86_400_000),
  });
  return `${input.publicUrl}/c/${token}`;
}

/** Why no QR code can be made for this patient now; null: one can. */
function qrRefusal(
  patient: { active: boolean; dateOfBirth: string | null },
  open: { day: number } | null,
): string | null {
  if (!patient.active)
    return "This patient's account is deactivated: the portal sends them nothing.";
  if (!patient.dateOfBirth)
    return "The check-in link asks for the patient's date of birth: record it on their account first.";
  if (!open) return "No check-in is open for this patient today.";
  return null;
}

/** A new link (given in the clinic, audited) to the check-in open today. */
async function issueQrLink(
  db: Db,
  actor: Actor,
  patientId: string,
  open: { day: number },
  now: Date,
) {
  const { publicUrl } = await getClinicSettings(db);
  const url = await db.transaction(async (tx) => {
    const made = await issueCheckInLink(
      tx,
      { patientId, checkInDay: open.day, sentBy: "qr", publicUrl },
      now,
    );
    await recordAudit(tx, {
      actor,
      action: "check_in_link.issue",
      outcome: "success",
      targetType: "user",
      targetId: patientId,
      patientId,
      details: { checkInDay: open.day, sentBy: "qr" },
    });
    return made;
  });
  return {
    url,
    checkInName: checkInName[open.day] ?? `day-${open.day}`,
    expiresAt: new Date(now.getTime() + LINK_VALID_DAYS * 86_400_000),
  };
}

/**
 * In the clinic (SPEC 12): a QR code that opens the patient's check-in open today as a one-tap link
 * on their own phone; for a provider of their care team. Each call makes a new link (audited).
 */
export async function checkInQrCode(db: Db, actor: Actor, patientId: string, now = new Date()) {
  const patient = await managedPatient(db, actor, patientId);
  const open = await openCheckIn(db, patient.id, now);
  const refusal = qrRefusal(patient, open);
  if (refusal || !open) throw badRequest(refusal ?? "No check-in is open for this patient today.");
  const { url, ...link } = await issueQrLink(db, actor, patient.id, open, now);
  return {
    svg: await QRCode.toString(url, { type: "svg", margin: 1, errorCorrectionLevel: "M" }),
    ...link,
  };
}

/**
 * The visit report's QR code (a PNG for the PDF) when a provider of the care team prints it and a
 * check-in is open; null otherwise (a patient's own copy, an admin's, nothing open).
 */
export async function reportCheckInQr(
  db: Db,
  actor: Actor,
  patient: { id: string; active: boolean; dateOfBirth: string | null },
  now: Date,
) {
  if (actor.role !== "provider") return null;
  const open = await openCheckIn(db, patient.id, now);
  if (qrRefusal(patient, open) || !open) return null;
  const { url, ...link } = await issueQrLink(db, actor, patient.id, open, now);
  return {
    png: await QRCode.toDataURL(url, { margin: 1, errorCorrectionLevel: "M", width: 240 }),
    ...link,
  };
}

/** What a link can do now, before anything about the patient is shown. */
export type LinkState = "ready" | "used" | "expired" | "ended" | "invalid";

/** A link with the patient it opens for (who answers through it). */
type Link = typeof checkInLinks.$inferSelect & {
  patient: { id: string; name: string; email: string; dateOfBirth: string | null; active: boolean };
};

async function findLink(db: DbOrTx, token: string): Promise<Link | null> {
  const [row] = await db
    .select({
      link: checkInLinks,
      patient: {
        id: users.id,
        name: users.name,
        email: users.email,
        dateOfBirth: users.dateOfBirth,
        active: users.active,
      },
    })
    .from(checkInLinks)
    .innerJoin(users, eq(users.id, checkInLinks.patientId))
    .where(eq(checkInLinks.tokenHash, hashToken(token)))
    .limit(1);
  return row ? { ...row.link, patient: row.patient } : null;
}

function stateOf(link: Link | null, now: Date): LinkState {
  if (!link?.patient.active || !link.patient.dateOfBirth) return "invalid";
  // A kiosk's grant (docs/decisions/039-kiosk.md) is answered at the station only.
  if (link.sentBy === "kiosk") return "invalid";
  if (link.usedAt) return "used";
  if (link.endedAt) return "ended";
  if (link.expiresAt <= now) return "expired";
  return "ready";
}

/** What the patient reads when a link cannot be used (the page, and refused calls). */
export const LINK_STATE_MESSAGES: Record<Exclude<LinkState, "ready">, string> = {
  used: "This link has already been used. Each check-in link works once.",
  expired: "This link has expired: check-in links work for 7 days.",
  ended: "This link no longer works: the date of birth was wrong too many times.",
  invalid: "This link is not valid. Open the whole link from the message you received.",
};

const audit = (
  db: DbOrTx,
  link: Link | null,
  action: string,
  outcome: "success" | "failure",
  ip: string | null,
  details?: Record<string, unknown>,
) =>
  recordAudit(db, {
    actor: null,
    action,
    outcome,
    targetType: "check_in_link",
    ...(link ? { targetId: link.id, patientId: link.patientId } : {}),
    ip,
    ...(details ? { details } : {}),
  });

/** The link's page opens: its state, and the clinic to call (nothing about the patient). */
export async function openCheckInLink(db: Db, token: string, ip: string | null, now = new Date()) {
  const link = await findLink(db, token);
  const state = stateOf(link, now);
  await audit(db, link, "check_in_link.open", state === "ready" ? "success" : "failure", ip, {
    state,
  });
  const settings = await getClinicSettings(db);
  return { state, clinic: { name: settings.clinicName, phone: settings.clinicPhone } };
}

/**
 * The link and the date of birth, checked: a wrong date counts (the fifth ends the link), and the
 * check-in must still be open. Returns the link and what to ask.
 */
async function verify(
  db: Db,
  input: { token: string; dateOfBirth: string },
  ip: string | null,
  now: Date,
) {
  const link = await findLink(db, input.token);
  const state = stateOf(link, now);
  if (!link || state !== "ready") {
    await audit(db, link, "check_in_link.confirm", "failure", ip, { state });
    throw badRequest(LINK_STATE_MESSAGES[state === "ready" ? "invalid" : state]);
  }
  if (link.patient.dateOfBirth !== input.dateOfBirth) {
    // One statement: two wrong dates sent at once both count.
    const [after] = await db
      .update(checkInLinks)
      .set({
        wrongDates: sql`${checkInLinks.wrongDates} + 1`,
        endedAt: sql`case when ${checkInLinks.wrongDates} + 1 >= ${WRONG_DATES_ALLOWED} then ${now.toISOString()}::timestamptz end`,
      })
      .where(and(eq(checkInLinks.id, link.id), isNull(checkInLinks.endedAt)))
      .returning({ wrongDates: checkInLinks.wrongDates });
    const wrong = after?.wrongDates ?? WRONG_DATES_ALLOWED;
    const ended = wrong >= WRONG_DATES_ALLOWED;
    await audit(db, link, ended ? "check_in_link.end" : "check_in_link.confirm", "failure", ip, {
      reason: "date_of_birth",
      wrongDates: wrong,
    });
    if (ended) throw badRequest(LINK_STATE_MESSAGES.ended);
    const left = WRONG_DATES_ALLOWED - wrong;
    throw badRequest("Please correct the highlighted fields.", {
      dateOfBirth: [
        `That date of birth does not match our records. ${left} ${left === 1 ? "try" : "tries"} left.`,
      ],
    });
  }
  const open = await openCheckIn(db, link.patientId, now);
  if (!open || open.day !== link.checkInDay) {
    await audit(db, link, "check_in_link.confirm", "failure", ip, { reason: "not_open" });
    throw badRequest(
      "This check-in is already answered or no longer open. Thank you: there is nothing to do.",
    );
  }
  return { link, open };
}

/** The right date of birth: the check-in to answer (its name, and whether to ask today's pain). */
export async function confirmCheckInLink(
  db: Db,
  input: { token: string; dateOfBirth: string },
  ip: string | null,
  now = new Date(),
) {
  const { link, open } = await verify(db, input, ip, now);
  await audit(db, link, "check_in_link.confirm", "success", ip);
  return { day: open.day, name: checkInName[open.day] ?? `day-${open.day}`, askPain: open.askPain };
}

/**
 * The answer, sent with the link and the date of birth again (the page keeps no session): stored
 * as the patient's check-in through the link, and the link is used up.
 */
export async function answerByCheckInLink(
  db: Db,
  input: {
    token: string;
    dateOfBirth: string;
    clientId: string;
    pgic: Pgic;
    painAverage?: number | null | undefined;
    siteSoreness?: boolean | null | undefined;
  },
  ip: string | null,
  now = new Date(),
) {
  const { link } = await verify(db, input, ip, now);
  const { id, name, email } = link.patient;
  await answerCheckIn(
    db,
    { id, name, email, role: "patient", mustChangePassword: false },
    {
      clientId: input.clientId,
      pgic: input.pgic,
      painAverage: input.painAverage,
      siteSoreness: input.siteSoreness,
      via: CHANNEL_OF[link.sentBy as LinkSentBy] ?? "link",
    },
    now,
  );
  await db
    .update(checkInLinks)
    .set({ usedAt: now })
    .where(and(eq(checkInLinks.id, link.id), isNull(checkInLinks.usedAt)));
  await audit(db, link, "check_in_link.answer", "success", ip, { checkInDay: link.checkInDay });
  return { done: true as const };
}
