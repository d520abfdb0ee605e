import { clinicTimeZone } from "@/components/clinic-time-zone";
import { formatDate, formatDateTime, zoneWords } from "@/components/format";
import { cn } from "@/components/ui/cn";
import { Link } from "@/components/ui/link";
import { authorWords, changeWords, painNowWords, readWords, whereWords } from "./message-words";
import type { ThreadMessage } from "./types";

/**
 * The patient's thread with their care team, oldest first (the newest at the bottom, above the
 * form). The patient's own messages sit on the right with their read receipt. Text is shown as
 * text, line breaks kept.
 */
export async function PatientThread({ messages }: { messages: ThreadMessage[] }) {
  const zone = await clinicTimeZone();
  return (
    <>
      <ol aria-label="Messages with your care team" className="space-y-4">
        {messages.map((m) => (
          <li key={m.id} className={cn("flex", m.mine ? "justify-end" : "justify-start")}>
            <article
              aria-labelledby={`message-${m.id}`}
              className={cn(
                "w-[92%] max-w-[34rem] rounded-2xl border p-4 shadow-sm sm:w-[85%]",
                m.mine
                  ? "rounded-br-md border-brand-200 bg-brand-50"
                  : "rounded-bl-md border-slate-200 bg-white",
              )}
            >
              <header
                id={`message-${m.id}`}
                className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-0.5"
              >
                <p className="font-semibold text-slate-900">{authorWords(m)}</p>
                <p className="text-xs text-slate-600">
                  <time dateTime={new Date(m.createdAt).toISOString()}>
                    {formatDateTime(m.createdAt, zone)}
                  </time>
                </p>
              </header>
              {m.changes.length > 0 ? (
                <div className="mt-2 space-y-1">
                  <p className="font-medium text-slate-900">
                    <span className="text-slate-600">Reported: </span>
                    {changeWords(m.changes)}
                  </p>
                  {m.painNow !== null || m.locations.length > 0 ? (
                    <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-800">
                      {m.painNow !== null ? <span>{painNowWords(m.painNow)}</span> : null}
                      {m.locations.length > 0 ? <span>{whereWords(m.locations)}</span> : null}
                    </p>
                  ) : null}
                  {m.diaryEntry ? (
                    <p className="text-sm">
                      <Link
                        href={`/patient/history/${m.diaryEntry.id}`}
                        className="text-brand-800 underline underline-offset-2 hover:text-brand-900"
                      >
                        Diary entry of {formatDate(m.diaryEntry.entryDate, { weekday: "short" })}:
                        pain {m.diaryEntry.painAverage} out of 10
                      </Link>
                    </p>
                  ) : null}
                </div>
              ) : null}
              {m.body ? (
                <p className="mt-2 whitespace-pre-wrap break-words text-slate-900">{m.body}</p>
              ) : null}
              {m.mine ? (
                <p className="mt-2 text-right text-xs text-slate-600">{readWords(m.readBy)}</p>
              ) : null}
            </article>
          </li>
        ))}
      </ol>
      <p className="mt-2 text-xs text-slate-600">Times are {zoneWords(zone)}.</p>
    </>
  );
}
