import Link from "next/link";
import type { ReactNode } from "react";
import { buttonClass } from "@/components/ui/button";
import { serverApi } from "@/server/api/server";
import { type Actor, type Role, roleHome, roleLabel } from "@/server/authz/policy";
import { navWithCounts } from "./nav";
import { NavLinks } from "./nav-links";
import { NotificationBell } from "./notification-bell";
import { SignOutButton } from "./sign-out-button";

/**
 * The frame of every signed-in page: brand, the user's name and role, sign-out, role navigation.
 * It waits for nothing itself, so that the page renders while the counts are read.
 */
export function AppShell({ actor, children }: { actor: Actor; children: ReactNode }) {
  const open = !actor.mustChangePassword;
  return (
    <div className="min-h-dvh">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded-lg focus:bg-white focus:px-3 focus:py-2 focus:shadow"
      >
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl items-center justify-between gap-3 px-4 py-3">
          <Link
            href={roleHome[actor.role]}
            className="flex items-center gap-2 font-semibold text-slate-900"
          >
            <span
              aria-hidden
              className="grid size-8 place-items-center rounded-lg bg-brand-700 text-sm text-white"
            >
              AF
            </span>
            <span className="sr-only sm:not-sr-only">Ablation Follow-up</span>
          </Link>
          <div className="flex min-w-0 items-center gap-3">
            <div className="min-w-0 text-right leading-tight">
              <p className="truncate text-sm font-medium text-slate-900">{actor.name}</p>
              <p className="text-xs text-slate-600">
                {roleLabel[actor.role]} ·{" "}
                <Link
                  href="/account/password"
                  aria-label="Change password"
                  className="whitespace-nowrap text-brand-800 underline underline-offset-2 hover:text-brand-900"
                >
                  <span className="sm:hidden">Password</span>
                  <span className="hidden sm:inline">Change password</span>
                </Link>{" "}
                ·{" "}
                <Link
                  href="/account/security"
                  className="whitespace-nowrap text-brand-800 underline underline-offset-2 hover:text-brand-900"
                >
                  Security
                </Link>
              </p>
            </div>
            {actor.mustChangePassword ? null : <NotificationBell />}
            <div className="shrink-0">
              <SignOutButton />
            </div>
          </div>
        </div>
        <div className="mx-auto flex max-w-6xl items-center gap-2 px-4 pb-2">
          <nav aria-label="Main" className="min-w-0 flex-1">
            {/* Until a temporary password is changed, every page leads to the change-password page. */}
            {open ? <MainNav role={actor.role} /> : <NavLinks items={[]} />}
          </nav>
          {open && actor.role === "patient" ? (
            // docs/decisions/020-messages.md: a patient can report a change from every page.
            <Link
              href="/patient/messages/new"
              className={buttonClass("primary", "sm", "shrink-0 whitespace-nowrap")}
            >
              Report a change
            </Link>
          ) : null}
        </div>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-6 sm:py-8">
        {children}
      </main>
    </div>
  );
}

/** The role's navigation with the unread messages beside "Messages". */
async function MainNav({ role }: { role: Role }) {
  const unread =
    role === "admin" ? 0 : await (await serverApi()).message.unreadCount().catch(() => 0);
  return <NavLinks items={navWithCounts(role, unread)} />;
}
