import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthenticatorSetup } from "@/components/account/authenticator-setup";
import { Passkeys } from "@/components/account/passkeys";
import { SignOutEverywhere } from "@/components/account/sign-out-everywhere";
import { clinicTimeZone } from "@/components/clinic-time-zone";
import { formatDateTime, zoneWords } from "@/components/format";
import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { serverApi } from "@/server/api/server";
import { getCurrentActor } from "@/server/auth/session";
import { deviceName } from "@/shared/device-name";

export const metadata: Metadata = { title: "Security" };

export default async function SecurityPage() {
  const actor = await getCurrentActor();
  if (!actor) redirect("/signin");
  if (actor.mustChangePassword) redirect("/account/password");
  const [api, zone] = await Promise.all([serverApi(), clinicTimeZone()]);
  const [sessions, mfa, passkeys] = await Promise.all([
    api.session.list(),
    api.mfa.status(),
    api.passkey.list(),
  ]);
  const patient = actor.role === "patient";
  return (
    <>
      <PageHeader
        title="Security"
        description="How you sign in, and where your account is signed in."
      />
      <div className="max-w-2xl space-y-6">
        <Card aria-labelledby="passkeys-title">
          <CardTitle>
            <span id="passkeys-title">Passkeys</span>
          </CardTitle>
          <div className="space-y-4">
            <p className="text-sm text-slate-700">
              Sign in with your phone's or computer's fingerprint, face or screen lock instead of a
              password. A passkey only works on this portal, so it cannot be phished.
              {patient ? null : " It also stands in for the code from your authenticator app."}
            </p>
            <Passkeys
              items={passkeys.map((p) => ({
                id: p.id,
                name: p.name,
                added: formatDateTime(p.createdAt, zone),
                lastUsed: p.lastUsedAt ? formatDateTime(p.lastUsedAt, zone) : null,
              }))}
            />
          </div>
        </Card>
        <Card aria-labelledby="mfa-title">
          <CardTitle>
            <span id="mfa-title">{patient ? "Second factor (optional)" : "Second factor"}</span>
          </CardTitle>
          {mfa.enabled ? (
            <div className="space-y-2 text-sm text-slate-700">
              <p>
                <Badge tone="success">On</Badge> You sign in with your password and a code from your
                authenticator app.
              </p>
              <p>
                {mfa.recoveryCodesLeft} of 10 recovery codes left. Lost your phone? Sign in with a
                recovery code or a passkey, then ask {patient ? "your clinic" : "an administrator"}{" "}
                to reset your second factor and set it up again.
              </p>
            </div>
          ) : (
            <div className="space-y-4">
              <p className="text-sm text-slate-700">
                {patient
                  ? "If you wish, protect your account with a code from an authenticator app (such as Google Authenticator, Microsoft Authenticator or 1Password) each time you sign in with your password."
                  : "Protect your account with a code from an authenticator app (such as Google Authenticator, Microsoft Authenticator or 1Password) at each sign-in."}
              </p>
              <AuthenticatorSetup />
            </div>
          )}
        </Card>
        <Card aria-labelledby="sessions-title">
          <CardTitle>
            <span id="sessions-title">Signed-in sessions</span>
          </CardTitle>
          <ul className="divide-y divide-slate-200">
            {sessions.map((s) => (
              <li key={s.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
                <div className="min-w-0">
                  <p className="font-medium text-slate-900">{deviceName(s.userAgent)}</p>
                  <p className="text-sm text-slate-600">
                    Signed in {formatDateTime(s.createdAt, zone)} ({zoneWords(zone)})
                    {s.ip ? ` · ${s.ip}` : ""}
                  </p>
                </div>
                {s.current ? <Badge tone="success">This browser</Badge> : null}
              </li>
            ))}
          </ul>
          <div className="mt-4 flex flex-col gap-2 border-t border-slate-200 pt-4 sm:flex-row sm:items-center sm:justify-between">
            <p className="text-sm text-slate-600">
              Signed in somewhere you do not recognise? End every session, then change your
              password.
            </p>
            <SignOutEverywhere />
          </div>
        </Card>
      </div>
    </>
  );
}
