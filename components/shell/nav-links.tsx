"use client";

import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";
import { Link } from "@/components/ui/link";
import { isCurrent, type NavItem } from "./nav";

/**
 * The role's links, the current one marked: a row in the top bar, or (`tabs`) the patient's tab
 * bar at the foot of a phone's screen, an icon over each label.
 */
export function NavLinks({ items, tabs = false }: { items: NavItem[]; tabs?: boolean }) {
  const pathname = usePathname();
  const home = items[0]?.href;
  return (
    <ul className={tabs ? "mx-auto grid max-w-lg grid-cols-5" : "flex flex-wrap gap-1"}>
      {items.map((item) => {
        const active = isCurrent(item, pathname, home);
        // Not on the page itself: it shows (and reads) what is unread.
        const unread = item.unread && !active ? item.unread : 0;
        const count = unread ? (
          <span
            aria-hidden
            className={cn(
              "grid place-items-center rounded-full bg-brand-700 px-1.5 font-semibold text-white",
              tabs
                ? "absolute -top-1.5 left-1/2 ml-1.5 min-w-[min(1.25rem,22px)] text-[min(0.75rem,13px)] ring-2 ring-white"
                : "ml-1.5 min-w-5 text-xs",
            )}
          >
            {unread > 99 ? "99+" : unread}
          </span>
        ) : null;
        const words = unread ? <span className="sr-only">, {unread} unread</span> : null;
        return (
          <li key={item.href} className={tabs ? "min-w-0" : undefined}>
            <Link
              href={item.href}
              aria-current={active ? "page" : undefined}
              className={
                tabs
                  ? cn(
                      // Five tabs share 320 px even at 200% text: the labels and icons grow
                      // with the text up to a size that still fits, as on the phone's own apps.
                      "relative flex min-h-14 flex-col items-center justify-center gap-0.5 px-0.5 pt-1.5 pb-1 text-center text-[min(0.75rem,13px)] leading-tight [overflow-wrap:anywhere]",
                      active
                        ? "font-semibold text-brand-800"
                        : "font-medium text-slate-600 hover:text-slate-900",
                    )
                  : cn(
                      "relative inline-flex min-h-10 items-center whitespace-nowrap rounded-lg px-3 text-sm font-medium",
                      active ? "bg-brand-50 text-brand-800" : "text-slate-700 hover:bg-slate-100",
                    )
              }
            >
              {tabs ? (
                <>
                  <span
                    className={cn(
                      "relative grid h-[min(1.75rem,32px)] w-full max-w-14 place-items-center rounded-full",
                      active && "bg-brand-100",
                    )}
                  >
                    <svg
                      aria-hidden
                      viewBox="0 0 24 24"
                      className="size-[min(1.25rem,24px)]"
                      fill="none"
                      stroke="currentColor"
                      strokeWidth={active ? 2.2 : 1.8}
                      strokeLinecap="round"
                      strokeLinejoin="round"
                    >
                      <path d={item.icon} />
                    </svg>
                    {count}
                  </span>
                  <span className="max-w-full">{item.label}</span>
                  {words}
                </>
              ) : (
                <>
                  {item.label}
                  {count}
                  {words}
                </>
              )}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
