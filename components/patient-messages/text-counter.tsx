import { cn } from "@/components/ui/cn";
import { formatCount } from "@/shared/format-count";
import { MESSAGE_MAX } from "@/shared/message-rules";

/** "120 / 2,000" under a message box; red past the limit (the field's message says why). */
export function TextCounter({ length }: { length: number }) {
  return (
    <p
      aria-hidden
      className={cn(
        "text-right text-xs tabular-nums",
        length > MESSAGE_MAX ? "font-semibold text-red-700" : "text-slate-600",
      )}
    >
      {formatCount(length)} / {formatCount(MESSAGE_MAX)}
    </p>
  );
}
