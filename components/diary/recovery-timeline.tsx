import { formatDate } from "@/components/format";
import { cn } from "@/components/ui/cn";
import { phaseForDay, phaseMessages } from "@/server/outcomes/assess";
import type { CheckIn } from "@/server/outcomes/check-ins";
import { checkInName } from "@/server/outcomes/check-ins";
import { addDays } from "@/server/outcomes/dates";
import type { Phase } from "@/server/outcomes/vocab";

/** The phases of docs/clinical-rules.md#phases in patient words, with their day ranges. */
const PHASES: Array<{ phase: Phase; title: string; from: number; to: number | null }> = [
  { phase: "early", title: "Healing", from: 0, to: 9 },
  { phase: "evaluation", title: "When relief usually shows", from: 10, to: 21 },
  { phase: "established", title: "The result is clear", from: 22, to: 179 },
  { phase: "regeneration_window", title: "Nerves may regrow", from: 180, to: 365 },
  { phase: "late", title: "After the first year", from: 366, to: null },
];

const checkInStatusWords: Record<CheckIn["status"], string> = {
  upcoming: "coming up",
  due: "due now",
  overdue: "missed",
  answered: "answered",
};

/** What to expect after the procedure, with today's place on it. */
export function RecoveryTimeline({
  performedOn,
  day,
  checkIns = [],
}: {
  performedOn: string;
  /** Today's day since the procedure. */
  day: number;
  checkIns?: readonly CheckIn[];
}) {
  const current = phaseForDay(day);
  return (
    <ol className="relative space-y-0">
      {PHASES.map((p, i) => {
        const isCurrent = p.phase === current;
        const past = p.to !== null && day > p.to;
        const range =
          p.to === null
            ? `From ${formatDate(addDays(performedOn, p.from))} (day ${p.from})`
            : `${formatDate(addDays(performedOn, p.from))} – ${formatDate(addDays(performedOn, p.to))} (days ${p.from}–${p.to})`;
        const phaseCheckIns = checkIns.filter(
          (c) => c.day >= p.from && (p.to === null || c.day <= p.to),
        );
        return (
          <li
            key={p.phase}
            aria-current={isCurrent ? "step" : undefined}
            className="relative flex gap-4 pb-6 last:pb-0"
          >
            {i < PHASES.length - 1 ? (
              <span
                aria-hidden
                className={cn(
                  "absolute top-6 left-[11px] h-full w-0.5",
                  past || isCurrent ? "bg-brand-600" : "bg-slate-200",
                )}
              />
            ) : null}
            <span
              aria-hidden
              className={cn(
                "relative z-10 mt-0.5 grid size-6 shrink-0 place-items-center rounded-full border-2 text-xs font-bold",
                isCurrent
                  ? "border-brand-700 bg-brand-700 text-white ring-4 ring-brand-100"
                  : past
                    ? "border-brand-600 bg-brand-600 text-white"
                    : "border-slate-300 bg-white text-slate-500",
              )}
            >
              {past ? "✓" : i + 1}
            </span>
            <div
              className={cn(
                "min-w-0 flex-1",
                isCurrent && "rounded-lg border border-brand-200 bg-brand-50 p-3",
              )}
            >
              <p className="flex flex-wrap items-baseline gap-x-2 font-semibold text-slate-900">
                {p.title}
                {isCurrent ? (
                  <span className="rounded-full bg-brand-700 px-2 py-0.5 text-xs font-semibold text-white">
                    You are here: day {day}
                  </span>
                ) : null}
              </p>
              <p className="text-sm text-slate-600">{range}</p>
              <p className="mt-1 text-sm text-slate-800">{phaseMessages[p.phase]}</p>
              {phaseCheckIns.length > 0 ? (
                <ul className="mt-2 flex flex-wrap gap-2">
                  {phaseCheckIns.map((c) => (
                    <li
                      key={c.day}
                      className={cn(
                        "rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 ring-inset",
                        c.status === "due"
                          ? "bg-amber-50 text-amber-900 ring-amber-300"
                          : c.status === "answered"
                            ? "bg-emerald-50 text-emerald-800 ring-emerald-200"
                            : "bg-slate-100 text-slate-700 ring-slate-200",
                      )}
                    >
                      {checkInName[c.day] ?? `Day ${c.day}`} check-in ({formatDate(c.date)}):{" "}
                      {checkInStatusWords[c.status]}
                    </li>
                  ))}
                </ul>
              ) : null}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
