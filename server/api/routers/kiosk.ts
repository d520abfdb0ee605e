import { createTRPCRouter, publicProcedure, stationProcedure } from "@/server/api/trpc";
import { badRequest } from "@/server/errors";
import {
  addEntryAtStation,
  answerAtStation,
  identifyPatient,
  lockStation,
  releaseGrant,
  stationStatus,
  unlockStation,
  verifyStation,
} from "@/server/services/kiosk";
import {
  AddEntryAtStationInput,
  AnswerAtStationInput,
  IdentifyAtStationInput,
  ReleaseGrantInput,
  UnlockStationInput,
} from "./kiosk.schema";

/**
 * The clinic's check-in station (docs/decisions/039-kiosk.md). Unlock, lock and status are public
 * (the station's cookie is the key); a patient's steps need an unlocked station, checked on every
 * call (stationProcedure). Only the kiosk's own endpoint (/kiosk/api/trpc) carries the cookie.
 */
export const kioskRouter = createTRPCRouter({
  /** Whether this station is unlocked, until when, and the clinic's name and phone. */
  status: publicProcedure.query(async ({ ctx }) =>
    stationStatus(ctx.db, await verifyStation(ctx.db, ctx.station?.token)),
  ),
  /** A staff member's sign-in unlocks the station for 12 hours (no session is made). */
  unlock: publicProcedure.input(UnlockStationInput).mutation(async ({ ctx, input }) => {
    if (!ctx.station) throw badRequest("Open /kiosk on the station's own screen to unlock it.");
    const result = await unlockStation(ctx.db, input, ctx.ip);
    if (result.status === "code") return { status: "code" as const };
    ctx.station.set(result.token, result.expiresAt);
    return { status: "unlocked" as const, until: result.expiresAt };
  }),
  /** "Lock station": the credential ends at once, and its cookie goes. */
  lock: publicProcedure.mutation(async ({ ctx }) => {
    const result = await lockStation(
      ctx.db,
      await verifyStation(ctx.db, ctx.station?.token),
      ctx.ip,
    );
    ctx.station?.clear();
    return result;
  }),
  /** A patient's name and date of birth (and MRN's last 4 when asked): their task's grant. */
  identify: stationProcedure
    .input(IdentifyAtStationInput)
    .mutation(({ ctx, input }) => identifyPatient(ctx.db, ctx.kiosk, input, ctx.ip)),
  /** "Start again" or the idle reset: the grant the page held ends now. */
  release: stationProcedure
    .input(ReleaseGrantInput)
    .mutation(({ ctx, input }) => releaseGrant(ctx.db, ctx.kiosk, input.token)),
  /** The due check-in, answered with the grant: stored with the channel `kiosk`. */
  answerCheckIn: stationProcedure
    .input(AnswerAtStationInput)
    .mutation(({ ctx, input }) => answerAtStation(ctx.db, ctx.kiosk, input, ctx.ip)),
  /** Today's entry, with the grant. */
  addEntry: stationProcedure
    .input(AddEntryAtStationInput)
    .mutation(({ ctx, input }) => addEntryAtStation(ctx.db, ctx.kiosk, input, ctx.ip)),
});
