import type { Role } from "@/server/authz/policy";

export type NavItem = { href: string; label: string };

/** Each role's navigation; the first item is the role's home. */
export const navByRole: Record<Role, NavItem[]> = {
  patient: [
    { href: "/patient", label: "Home" },
    { href: "/patient/diary/new", label: "New entry" },
    { href: "/patient/progress", label: "Progress" },
    { href: "/patient/history", label: "History" },
    { href: "/patient/account", label: "Account" },
  ],
  provider: [
    { href: "/provider", label: "Caseload" },
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
