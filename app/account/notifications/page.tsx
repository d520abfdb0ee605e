import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { formatDate, formatDateTime, zoneWords } from "@/components/format";
import { MarkAllRead } from "@/components/notifications/mark-all-read";
import { PhoneReminders } from "@/components/notifications/phone-reminders";
import { PreferencesForm } from "@/components/notifications/preferences-form";
import { TextReminders } from "@/components/notifications/text-reminders";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Link } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { orPage, serverApi } from "@/server/api/server";
import { getCurrentActor } from "@/server/auth/session";
import { checkInName } from "@/server/outcomes/check-ins";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage() {
  const actor = await getCurrentActor();
  if (!actor) redirect("/signin");
  if (actor.mustChangePassword) redirect("/account/password");
  const api = await serverApi();
  const patient = actor.role === "patient";
  const [items, preferences, home, devices, pushKey, texts] = await Promise.all([
    orPage(api.notifications.list()),
    orPage(api.notifications.preferences()),
    patient ? orPage(api.diary.home()) : null,
    patient ? orPage(api.notifications.pushDevices()) : null,
    patient ? orPage(api.notifications.pushKey()) : null,
    patient ? orPage(api.notifications.texts()) : null,
  ]);
  // A patient's check-in waiting for an answer (due now: answered with today's entry).
  const checkIns = home?.dueCheckIn ? [home.dueCheckIn] : [];
  const unread = items.filter((n) => !n.read).length;
  const when = (d: Date) => formatDateTime(d, preferences.timeZone);
  return (
    <>
      <PageHeader
        title="Notifications"
        description={unread === 0 ? "You are up to date." : `${unread} new since you last looked.`}
        actions={unread > 0 ? <MarkAllRead /> : null}
      />
      <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
        <section aria-labelledby="latest">
          <h2 id="latest" className="sr-only">
            Latest notifications
          </h2>
          {checkIns.length > 0 ? (
            <ul aria-label="Check-ins to answer" className="mb-4 space-y-3">
              {checkIns.map((c) => (
                <li key={c.day}>
                  <Alert
                    tone="warning"
                    title={`Your ${checkInName[c.day] ?? `day-${c.day}`} check-in is due`}
                  >
                    Please answer it by {formatDate(c.dueUntil, { weekday: "short" })}.
                    <span className="mt-3 block">
                      <ButtonLink href="/patient/check-in" className="w-full sm:w-auto">
                        Answer the check-in
                      </ButtonLink>
                    </span>
                  </Alert>
                </li>
              ))}
            </ul>
          ) : null}
          {items.length === 0 && checkIns.length === 0 ? (
            <EmptyState title="No notifications yet">
              {actor.role === "patient"
                ? "Due check-ins and new plans from your care team appear here."
                : actor.role === "provider"
                  ? "New messages and high-priority flags of your patients appear here."
                  : "Notifications for you appear here."}
            </EmptyState>
          ) : (
            <ul className="divide-y divide-slate-200 overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm">
              {items.map((n) => (
                <li key={n.id} className="flex items-start gap-3 px-4 py-3">
                  <span
                    aria-hidden
                    className={`mt-2 size-2 shrink-0 rounded-full ${n.read ? "bg-transparent" : "bg-brand-700"}`}
                  />
                  <div className="min-w-0">
                    <Link
                      href={n.href}
                      className={`inline-flex min-h-6 items-center text-slate-900 underline-offset-2 hover:underline ${n.read ? "" : "font-semibold"}`}
                    >
                      {n.title}
                      {n.read ? null : <span className="sr-only"> (new)</span>}
                    </Link>
                    <p className="num text-sm text-slate-600">{when(n.createdAt)}</p>
                  </div>
                </li>
              ))}
            </ul>
          )}
          {items.length > 0 ? (
            <p className="mt-2 text-xs text-slate-600">
              Times are {zoneWords(preferences.timeZone)}.
            </p>
          ) : null}
        </section>
        {actor.role === "admin" ? null : (
          <div className="space-y-6">
            <Card>
              <CardTitle>Emails</CardTitle>
              <div className="mt-3">
                <PreferencesForm
                  preferences={preferences}
                  patient={patient}
                  timeZone={preferences.timeZone}
                />
              </div>
            </Card>
            {devices && pushKey ? (
              <Card aria-label="Reminders on this phone">
                <CardTitle>Reminders on this phone</CardTitle>
                <div className="mt-3">
                  <PhoneReminders
                    devices={devices}
                    publicKey={pushKey.publicKey}
                    timeZone={preferences.timeZone}
                  />
                </div>
              </Card>
            ) : null}
            {texts ? (
              <Card aria-label="Text messages">
                <CardTitle>Text messages</CardTitle>
                <div className="mt-3">
                  <TextReminders texts={texts} timeZone={preferences.timeZone} />
                </div>
              </Card>
            ) : null}
          </div>
        )}
      </div>
    </>
  );
}
