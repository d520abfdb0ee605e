import { Fragment } from "react";
import { plural } from "@/components/format";
import { Badge, type Tone } from "@/components/ui/badge";
import { Link } from "@/components/ui/link";
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
export const reviewStateMark: Record<ReviewState, string> = {
  needs_review: "●",
  follow_up_due: "◆",
  plan_recorded: "✓",
  monitoring: "○",
};

export function ReviewStateBadge({ state }: { state: ReviewState }) {
  return (
    <Badge tone={reviewStateTone[state]}>
      <span aria-hidden>{reviewStateMark[state]}</span>
      {reviewStateLabels[state]}
    </Badge>
  );
}

export const reviewReasonLabels: Record<ReviewReason, string> = {
  no_procedure: "No procedure recorded",
  open_flags: "Open flags",
  overdue_check_in: "Check-in overdue",
  unread_message: "New message from the patient",
  call_patient: "Call the patient",
  check_in_missed: "Check-in missed: call the patient",
};

/**
 * Why a patient needs review, in words: "2 open flags · New message from the patient"; the new
 * message can link to the thread (the review page's messages section).
 */
export function ReviewReasons({
  reasons,
  openFlags,
  messagesHref,
}: {
  reasons: readonly ReviewReason[];
  openFlags: number;
  /** Where the new message's words link to (the thread); none: plain words. */
  messagesHref?: string;
}) {
  return reasons.map((reason, i) => (
    <Fragment key={reason}>
      {i > 0 ? " · " : null}
      {reason === "unread_message" && messagesHref ? (
        <Link
          href={messagesHref}
          // The row's name already prefetches the same page.
          prefetch={false}
          className="font-semibold text-brand-800 underline underline-offset-2"
        >
          {reviewReasonLabels[reason]}
        </Link>
      ) : reason === "open_flags" ? (
        plural(openFlags, "open flag", "open flags")
      ) : (
        reviewReasonLabels[reason]
      )}
    </Fragment>
  ));
}
