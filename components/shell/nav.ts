import type { Role } from "@/server/authz/policy";

/** `unread`: a count shown beside the label (messages), with its words for screen readers. */
export type NavItem = { href: string; label: string; unread?: number };

/** Each role's navigation; the first item is the role's home. */
export const navByRole: Record<Role, NavItem[]> = {
  patient: [
    { href: "/patient", label: "Home" },
    { href: "/patient/diary/new", label: "New entry" },
    { href: "/patient/progress", label: "Progress" },
    { href: "/patient/history", label: "History" },
    { href: "/patient/messages", label: "Messages" },
    { href: "/patient/account", label: "Account" },
  ],
  provider: [
    { href: "/provider", label: "Caseload" },
    { href: "/provider/messages", label: "Messages" },
    { href: "/provider/outcomes", label: "Outcomes" },
  ],
  admin: [
    { href: "/admin", label: "Accounts" },
    { href: "/admin/import", label: "Import" },
    { href: "/admin/outcomes", label: "Outcomes" },
    { href: "/admin/audit", label: "Audit" },
    { href: "/admin/outbox", label: "Outbox" },
    { href: "/admin/export", label: "Exports" },
    { href: "/admin/settings", label: "Settings" },
  ],
};

/** The role's navigation with the unread messages beside "Messages". */
export function navWithCounts(role: Role, unreadMessages: number): NavItem[] {
  return navByRole[role].map((item) =>
    item.label === "Messages" ? { ...item, unread: unreadMessages } : item,
  );
}
