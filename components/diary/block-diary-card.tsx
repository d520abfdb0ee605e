// On the patient's home while a block diary is open: what is asked now, or when next.

import { formatTime } from "@/components/format";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";

type OpenBlock = { due: { minutes: number } | null; next: { dueAt: Date } | null };

export function BlockDiaryCard({ block, zone }: { block: OpenBlock; zone: string }) {
  const next = block.next ? formatTime(block.next.dueAt, zone) : null;
  return (
    <Alert
      tone={block.due ? "warning" : "info"}
      title={block.due ? "A question about your injection is due" : "After your injection"}
    >
      {block.due
        ? "How much pain do you have now? It takes a few seconds."
        : next
          ? `The next question comes at ${next}.`
          : "You can still tell your care team how you feel until 24 hours after the injection."}
      <span className="mt-3 block">
        <ButtonLink href="/patient/block" className="w-full sm:w-auto">
          {block.due ? "Answer now" : "Open"}
        </ButtonLink>
      </span>
    </Alert>
  );
}
