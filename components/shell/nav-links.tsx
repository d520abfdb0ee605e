"use client";

import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";
import { Link } from "@/components/ui/link";
import { isCurrent, type NavItem } from "./nav";

/**
 * The role's links, the current one marked: a row in the top bar, or (`tabs`, the patient) one
 * list that is the tab bar at the foot of a phone's screen, an icon over each label, and the top
 * bar's row on wider screens (classes `nav-tab…` in app/globals.css; items `only` one of them).
 */
export function NavLinks({ items, tabs = false }: { items: NavItem[]; tabs?: boolean }) {
  const pathname = usePathname();
  const home = items[0]?.href;
  return (
    <ul className={tabs ? "nav-tabs" : "flex flex-wrap gap-1"}>
      {items.map((item) => {
        const active = isCurrent(item, pathname, home);
        // Not on the page itself: it shows (and reads) what is unread.
        const unread = item.unread && !active ? item.unread : 0;
        const count = unread ? (
          <span aria-hidden className={tabs ? "nav-tab-count" : "nav-count"}>
            {unread > 99 ? "99+" : unread}
          </span>
        ) : null;
        const words = unread ? <span className="sr-only">{`, ${unread} unread`}</span> : null;
        const label = item.short ? (
          <>
            <span className="md:hidden">{item.short}</span>
            <span className="hidden md:inline">{item.label}</span>
          </>
        ) : (
          item.label
        );
        return (
          <li
            key={item.href}
            className={cn(
              tabs && "min-w-0",
              item.only === "phone" && "md:hidden",
              item.only === "wide" && "hidden md:block",
            )}
          >
            <Link
              href={item.href}
              aria-current={active ? "page" : undefined}
              className={
                tabs
                  ? cn("nav-tab", active && "nav-tab-current")
                  : cn(
                      "relative inline-flex min-h-10 items-center whitespace-nowrap rounded-lg px-3 text-sm font-medium",
                      active ? "bg-brand-50 text-brand-800" : "text-slate-700 hover:bg-slate-100",
                    )
              }
            >
              {tabs && item.icon ? (
                <span className="nav-tab-icon">
                  <svg
                    aria-hidden
                    viewBox="0 0 24 24"
                    fill="none"
                    stroke="currentColor"
                    strokeLinecap="round"
                    strokeLinejoin="round"
                  >
                    <path d={item.icon} />
                  </svg>
                </span>
              ) : null}
              <span className="max-w-full">{label}</span>
              {count}
              {words}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
