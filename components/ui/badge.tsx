import type { ReactNode } from "react";
import { cn } from "./cn";

export type Tone = "neutral" | "info" | "success" | "warning" | "danger" | "brand";

export function Badge({
  tone = "neutral",
  children,
  className,
}: {
  tone?: Tone;
  children: ReactNode;
  className?: string;
}) {
  return (
    // .badge and .badge-<tone> in app/globals.css: a long list of rows (the caseload) repeats
    // badges, and the classes keep its HTML small.
    <span className={cn("badge", `badge-${tone}`, className)}>{children}</span>
  );
}
