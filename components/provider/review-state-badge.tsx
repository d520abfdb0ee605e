import { Badge, type Tone } from "@/components/ui/badge";
import {
  type ReviewReason,
  type ReviewState,
  reviewStateLabels,
} from "@/server/outcomes/review-state";

export const reviewStateTone: Record<ReviewState, Tone> = {
  needs_review: "danger",
  follow_up_due: "warning",
  plan_recorded: "brand",
  monitoring: "neutral",
};

/** A mark before the text, so that the state never rests on colour alone. */
const mark: Record<ReviewState, string> = {
  needs_review: "●",
  follow_up_due: "◆",
  plan_recorded: "✓",
  monitoring: "○",
};

export function ReviewStateBadge({ state }: { state: ReviewState }) {
  return (
    <Badge tone={reviewStateTone[state]}>
      <span aria-hidden>{mark[state]}</span>
      {reviewStateLabels[state]}
    </Badge>
  );
}

export const reviewReasonLabels: Record<ReviewReason, string> = {
  no_procedure: "No procedure recorded",
  open_flags: "Open flags",
  overdue_check_in: "Check-in overdue",
  unread_message: "Unread message",
};
