import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

/** One card of the diary entry form. */
export function Section({ className, children }: { className?: string; children: ReactNode }) {
  return (
    <section
      className={cn("rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6", className)}
    >
      {children}
    </section>
  );
}
