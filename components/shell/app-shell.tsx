import type { ReactNode } from "react";
import { buttonClass } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Link } from "@/components/ui/link";
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
  // On a phone the patient's navigation is a tab bar at the foot of the screen, and what the top
  // bar holds for staff (account links, sign-out) is under its "More" tab.
  const tabs = open && actor.role === "patient";
  return (
    <div className="min-h-dvh">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded-lg focus:bg-white focus:px-3 focus:py-2 focus:shadow"
      >
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-3 gap-y-2 px-4 py-3">
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
          {/* With enlarged text on a phone, staff's sign-out button goes below the name rather than
              squeezing the name to a letter a line (a patient's is under "More"). */}
          <div className="flex min-w-0 flex-1 flex-wrap items-center justify-end gap-3">
            <div
              className={cn(
                "flex-1 text-right leading-tight",
                tabs ? "min-w-0" : "min-w-[min(100%,7ch)]",
              )}
            >
              <p className="break-words text-sm font-medium text-slate-900">{actor.name}</p>
              <p className={cn("text-xs text-slate-600", tabs && "hidden md:block")}>
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
            <div className={cn("shrink-0", tabs && "hidden md:block")}>
              <SignOutButton />
            </div>
          </div>
          {tabs ? <ReportChangeLink /> : null}
        </div>
        <div className={cn("mx-auto max-w-6xl px-4", tabs ? "md:pb-2" : "pb-2")}>
          {tabs ? (
            // One list for both screens: the tab bar fixed to the foot of a phone's screen, the top
            // bar's row from `md` up.
            <nav
              id="tab-bar"
              aria-label="Main"
              className="fixed inset-x-0 bottom-0 z-40 border-t border-slate-200 bg-white pb-[env(safe-area-inset-bottom)] shadow-[0_-1px_3px_rgb(15_23_42/0.06)] md:static md:z-auto md:border-0 md:bg-transparent md:pb-0 md:shadow-none"
            >
              <MainNav forRole="patient" tabs />
            </nav>
          ) : (
            <nav aria-label="Main">
              {/* Until a temporary password is changed, every page leads to the change-password page. */}
              {open ? <MainNav forRole={actor.role} /> : <NavLinks items={[]} />}
            </nav>
          )}
        </div>
      </header>
      <main
        id="main"
        className={cn(
          "mx-auto max-w-6xl px-4 py-6 sm:py-8",
          // Room for the tab bar, which covers the foot of the page.
          tabs && "pb-[calc(6rem+env(safe-area-inset-bottom))] md:pb-8",
        )}
      >
        {children}
      </main>
    </div>
  );
}

/** docs/decisions/020-messages.md: a patient can report a change from every page. */
function ReportChangeLink() {
  return (
    <Link
      href="/patient/messages/new"
      // On its own line (a phone with enlarged text) it keeps to the right.
      className={buttonClass("primary", "sm", "ml-auto shrink-0 whitespace-nowrap")}
    >
      Report a change
    </Link>
  );
}

/** The role's navigation with the unread messages beside "Messages" (the patient's: `tabs`). */
async function MainNav({ forRole, tabs }: { forRole: Role; tabs?: boolean }) {
  const unread =
    forRole === "admin" ? 0 : await (await serverApi()).message.unreadCount().catch(() => 0);
  return <NavLinks tabs={tabs} items={navWithCounts(forRole, unread)} />;
}
