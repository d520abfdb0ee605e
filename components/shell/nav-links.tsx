"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";
import type { NavItem } from "./nav";

export function NavLinks({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  const home = items[0]?.href;
  return (
    <ul className="flex flex-wrap gap-1">
      {items.map((item) => {
        const active = item.href === home ? pathname === item.href : pathname.startsWith(item.href);
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={active ? "page" : undefined}
              className={cn(
                "relative inline-flex min-h-10 items-center whitespace-nowrap rounded-lg px-3 text-sm font-medium",
                active ? "bg-brand-50 text-brand-800" : "text-slate-700 hover:bg-slate-100",
              )}
            >
              {item.label}
              {/* Not on the page itself: it shows (and reads) what is unread. */}
              {item.unread && !active ? (
                <>
                  <span
                    aria-hidden
                    className="ml-1.5 grid min-w-5 place-items-center rounded-full bg-brand-700 px-1.5 text-xs font-semibold text-white"
                  >
                    {item.unread > 99 ? "99+" : item.unread}
                  </span>
                  <span className="sr-only">, {item.unread} unread</span>
                </>
              ) : null}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
