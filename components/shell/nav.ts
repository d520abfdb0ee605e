import type { Role } from "@/server/authz/policy";

/**
 * `unread`: a count shown beside the label (messages), with its words for screen readers.
 * `also`: other paths under which the item is the current one (the phone's "More" tab).
 * `icon`: the path of a 24 × 24 outline icon (the patient's tab bar on a phone).
 * `only`: the patient's one list serves both screens: some items only on a phone's tab bar, some
 * only in the top bar of a wider screen; `short`: the label on the phone's tab bar.
 */
export type NavItem = {
  href: string;
  label: string;
  short?: string;
  unread?: number;
  also?: string[];
  icon?: string;
  only?: "phone" | "wide";
};

/** Each role's navigation (the top bar, and the patient's tab bar); the first item is home. */
export const navByRole: Record<Role, NavItem[]> = {
  // Wide screens: Home to Help; a phone's tab bar: Home, Diary, Progress, Messages and More.
  patient: [
    { href: "/patient", label: "Home", icon: "M3 10.5 12 3l9 7.5M5.5 8.5V20h4.5v-6h4v6h4.5V8.5" },
    {
      href: "/patient/diary/new",
      label: "New entry",
      short: "Diary",
      also: ["/patient/diary"],
      icon: "M12 20h8M16.5 3.5a2.1 2.1 0 0 1 3 3L7 19l-4 1 1-4 12.5-12.5Z",
    },
    { href: "/patient/progress", label: "Progress", icon: "M4 20h16M7 16v-5m5 5V7m5 9v-7" },
    { href: "/patient/history", label: "History", only: "wide" },
    { href: "/patient/plan", label: "My plan", only: "wide" },
    {
      href: "/patient/messages",
      label: "Messages",
      icon: "M21 12a8.5 8.5 0 0 1-12.4 7.6L3 21l1.4-5.2A8.5 8.5 0 1 1 21 12Z",
    },
    { href: "/patient/account", label: "Account", only: "wide" },
    { href: "/patient/help", label: "Help", only: "wide" },
    {
      href: "/patient/more",
      label: "More",
      only: "phone",
      also: ["/patient/history", "/patient/plan", "/patient/account", "/patient/help", "/account"],
      icon: "M4 6h16M4 12h16M4 18h16",
    },
  ],
  provider: [
    { href: "/provider", label: "Caseload" },
    { href: "/provider/messages", label: "Messages" },
    { href: "/provider/outcomes", label: "Outcomes" },
  ],
  admin: [
    { href: "/admin", label: "Accounts" },
    { href: "/admin/import", label: "Import" },
    { href: "/admin/fhir-import", label: "Import FHIR" },
    { href: "/admin/outcomes", label: "Outcomes" },
    { href: "/admin/audit", label: "Audit" },
    { href: "/admin/outbox", label: "Outbox" },
    { href: "/admin/export", label: "Exports" },
    { href: "/admin/settings", label: "Settings" },
  ],
};

/** What the phone's "More" page lists (each also marks the "More" tab as the current one). */
export const patientMore: Array<{ href: string; label: string; text: string }> = [
  {
    href: "/patient/history",
    label: "Diary history",
    text: "Every entry you have recorded, and corrections.",
  },
  {
    href: "/patient/plan",
    label: "My plan",
    text: "What your care team decided about your treatment.",
  },
  {
    href: "/patient/account",
    label: "Account",
    text: "Download your report, your diary and your health record.",
  },
  {
    href: "/account/security",
    label: "Security",
    text: "Your password and where you are signed in.",
  },
  {
    href: "/account/notifications",
    label: "Notifications",
    text: "Reminders and news from your care team.",
  },
  {
    href: "/patient/help",
    label: "Help and contact",
    text: "Your clinic's phone, and when to call rather than write.",
  },
];

const withUnread = (items: NavItem[], unread: number) =>
  items.map((item) => (item.label === "Messages" ? { ...item, unread } : item));

/** The role's navigation with the unread messages beside "Messages". */
export function navWithCounts(role: Role, unreadMessages: number): NavItem[] {
  return withUnread(navByRole[role], unreadMessages);
}

/** Whether `item` is the current page's item; the first item (home) only on itself. */
export function isCurrent(item: NavItem, pathname: string, home: string | undefined): boolean {
  if (item.href === home) return pathname === item.href;
  return [item.href, ...(item.also ?? [])].some(
    (p) => pathname === p || pathname.startsWith(`${p}/`),
  );
}
