import { clinicTimeZone } from "@/components/clinic-time-zone";
import { formatDate, formatDateTime, plural, zoneWords } from "@/components/format";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { changeLabels, locationLabel } from "@/server/outcomes/vocab-lists";
import type { ThreadMessage } from "./types";

/** Who has read a message: the patient on the care team's replies, the staff on the patient's. */
function Receipt({ m }: { m: ThreadMessage }) {
  if (m.readBy.length === 0) return <>Not read yet</>;
  return <>Read by {m.readBy.join(", ")}</>;
}

/** A patient's "Report a change": what changed in their words, pain now, where, the diary entry. */
function Report({ m, today }: { m: ThreadMessage; today: string }) {
  if (m.changes.length === 0) return null;
  return (
    <div className="mb-2 rounded-lg border border-amber-200 bg-amber-50/60 px-3 py-2">
      <p className="font-medium text-slate-900">
        <span className="sr-only">Reported: </span>
        {m.changes.map((c) => changeLabels[c]).join("; ")}
      </p>
      <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-sm">
        {m.painNow !== null ? (
          <>
            <dt className="text-slate-600">Pain now</dt>
            <dd className="num font-medium text-slate-900">{m.painNow} out of 10</dd>
          </>
        ) : null}
        {m.locations.length > 0 ? (
          <>
            <dt className="text-slate-600">Where</dt>
            <dd className="text-slate-900">
              {m.locations.map((r) => locationLabel(r)).join(", ")}
            </dd>
          </>
        ) : null}
        {m.diaryEntry ? (
          <>
            <dt className="text-slate-600">Diary entry</dt>
            <dd className="text-slate-900">
              {formatDate(m.diaryEntry.entryDate, { weekday: "short", today })} · pain{" "}
              <span className="num">{m.diaryEntry.painAverage} out of 10</span>
            </dd>
          </>
        ) : null}
      </dl>
    </div>
  );
}

/** How many of the newest messages show at once; the earlier ones open on request. */
const RECENT = 6;

function Message({ m, today, zone }: { m: ThreadMessage; today: string; zone: string }) {
  const fromPatient = m.authorRole === "patient";
  return (
    <li
      className={cn(
        "flex",
        fromPatient ? "justify-start pr-6 sm:pr-12" : "justify-end pl-6 sm:pl-12",
      )}
    >
      <article
        aria-label={`${m.authorName}, ${formatDateTime(m.createdAt, zone)}`}
        className={cn(
          "w-full rounded-xl border px-4 py-3",
          fromPatient ? "border-slate-200 bg-white" : "border-brand-200 bg-brand-50",
        )}
      >
        <header className="mb-1.5 flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
          <p className="flex flex-wrap items-center gap-2 font-semibold text-slate-900">
            <span>
              {m.authorName}
              {m.mine ? <span className="font-normal text-slate-600"> (you)</span> : null}
            </span>{" "}
            <Badge tone={fromPatient ? "neutral" : "brand"}>
              {fromPatient ? "Patient" : "Care team"}
            </Badge>
          </p>{" "}
          <time
            dateTime={new Date(m.createdAt).toISOString()}
            className="num text-sm text-slate-600"
          >
            {formatDateTime(m.createdAt, zone)}
          </time>
        </header>
        <Report m={m} today={today} />
        {m.body ? <p className="whitespace-pre-wrap break-words text-slate-900">{m.body}</p> : null}
        <p className="mt-2 text-xs text-slate-600">
          <span aria-hidden>{m.readBy.length > 0 ? "✓✓ " : "✓ "}</span>
          <Receipt m={m} />
        </p>
      </article>
    </li>
  );
}

/**
 * One patient's thread with their care team, oldest first: the patient's messages on the left,
 * the care team's replies on the right, each with its author, time and read receipts. The newest
 * messages show; the earlier ones are one click away, so the latest report is in view.
 */
export async function MessageThread({
  patientName,
  messages,
  today,
}: {
  patientName: string;
  messages: readonly ThreadMessage[];
  today: string;
}) {
  const zone = await clinicTimeZone();
  const earlier = messages.slice(0, Math.max(0, messages.length - RECENT));
  const recent = messages.slice(earlier.length);
  return (
    <div className="space-y-3">
      {earlier.length > 0 ? (
        <details>
          <summary className="cursor-pointer text-sm font-medium text-brand-800 underline-offset-2 hover:underline">
            Show {plural(earlier.length, "earlier message", "earlier messages")}
          </summary>
          <ol aria-label={`Earlier messages with ${patientName}`} className="mt-3 space-y-3">
            {earlier.map((m) => (
              <Message key={m.id} m={m} today={today} zone={zone} />
            ))}
          </ol>
        </details>
      ) : null}
      <ol aria-label={`Messages with ${patientName}`} className="space-y-3">
        {recent.map((m) => (
          <Message key={m.id} m={m} today={today} zone={zone} />
        ))}
      </ol>
      <p className="text-xs text-slate-600">Times are {zoneWords(zone)}.</p>
    </div>
  );
}
