// Engagement with the check-ins (SPEC 12, docs/clinical-rules.md#engagement): per milestone, of
// the check-ins whose week to answer has passed, the share answered within that week, and which
// channel brought the patient. Pure: no clock, no I/O.
import { CHECK_IN_DAYS, CHECK_IN_DUE_DAYS } from "@/server/outcomes/check-ins";
import { addDays } from "@/server/outcomes/dates";
import { CHECK_IN_CHANNELS, type CheckInChannel } from "@/shared/outreach";

export type EngagementProcedure = {
  performedOn: string;
  /** The entries that answered a check-in: which one (its day), when, and through what. */
  checkIns: ReadonlyArray<{ checkInDay: number; entryDate: string; channel: string | null }>;
};

export type MilestoneEngagement = {
  day: number;
  /** Check-ins of this milestone whose week to answer ended by asOf. */
  due: number;
  /** Of those, answered within the week (day to day + 6). */
  done: number;
  /** done / due as a percentage, null when none was due. */
  pct: number | null;
  /** The answers within the week by channel (none recorded: the portal). */
  byChannel: Record<CheckInChannel, number>;
};

const noChannels = () =>
  Object.fromEntries(CHECK_IN_CHANNELS.map((c) => [c, 0])) as Record<CheckInChannel, number>;
const channelOf = (c: string | null): CheckInChannel =>
  (CHECK_IN_CHANNELS as readonly string[]).includes(c ?? "") ? (c as CheckInChannel) : "portal";

export function checkInEngagement(
  procedures: readonly EngagementProcedure[],
  asOf: string,
): MilestoneEngagement[] {
  return CHECK_IN_DAYS.map((day) => {
    let due = 0;
    let done = 0;
    const byChannel = noChannels();
    for (const p of procedures) {
      const opens = addDays(p.performedOn, day);
      const closes = addDays(p.performedOn, day + CHECK_IN_DUE_DAYS - 1);
      if (closes >= asOf) continue; // still open (or not yet due): not counted either way
      due++;
      const answer = p.checkIns.find(
        (c) => c.checkInDay === day && c.entryDate >= opens && c.entryDate <= closes,
      );
      if (answer) {
        done++;
        byChannel[channelOf(answer.channel)]++;
      }
    }
    return { day, due, done, pct: due ? (100 * done) / due : null, byChannel };
  });
}
