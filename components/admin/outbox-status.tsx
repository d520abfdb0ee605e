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

/** Who a message went to: an email address, a phone number for a text, a device for a push. */
export function recipientOf(message: { channel: "email" | "push" | "text"; toAddress: string }) {
  if (message.channel === "push") return "A patient's device (push)";
  if (message.channel === "text") return `${message.toAddress} (text)`;
  return message.toAddress;
}
