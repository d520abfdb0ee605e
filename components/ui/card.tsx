import type { ComponentProps, ReactNode } from "react";
import { cn } from "./cn";

export function Card({ className, ...props }: ComponentProps<"section">) {
  return (
    <section
      className={cn("rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6", className)}
      {...props}
    />
  );
}

export function CardTitle({
  children,
  action,
  as: Heading = "h2",
}: {
  children: ReactNode;
  action?: ReactNode;
  as?: "h2" | "h3";
}) {
  return (
    <div className="mb-3 flex items-start justify-between gap-3">
      <Heading className="text-lg font-semibold text-slate-900">{children}</Heading>
      {action}
    </div>
  );
}
