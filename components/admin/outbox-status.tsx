import { Badge } from "@/components/ui/badge";

const STATUS = {
  pending: { tone: "neutral", label: "Waiting" },
  sending: { tone: "info", label: "Sending" },
  sent: { tone: "success", label: "Sent" },
  failed: { tone: "danger", label: "Failed" },
} as const;

export function OutboxStatus({ status }: { status: keyof typeof STATUS }) {
  const s = STATUS[status];
  return <Badge tone={s.tone}>{s.label}</Badge>;
}

/** A moment in the clinic's time zone, e.g. "28 Nov 2026, 18:00". */
export const clinicTime = (date: Date, timeZone: string) =>
  date.toLocaleString("en-GB", { timeZone, dateStyle: "medium", timeStyle: "short" });
