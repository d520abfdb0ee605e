import type { ReactNode, Ref } from "react";
import { cn } from "./cn";

/**
 * The heading of a one-page flow's step (the one-tap check-in, the clinic's kiosk): it takes the
 * focus when the step appears, so a screen reader hears where the patient now is.
 */
export function StepHeading({
  ref,
  children,
  size = "md",
}: {
  ref: Ref<HTMLHeadingElement>;
  children: ReactNode;
  /** "lg" on a clinic tablet read at arm's length. */
  size?: "md" | "lg";
}) {
  return (
    <h1
      ref={ref}
      tabIndex={-1}
      className={cn(
        "text-center font-semibold tracking-tight text-slate-900 outline-none",
        size === "lg" ? "text-3xl" : "text-2xl",
      )}
    >
      {children}
    </h1>
  );
}
