import type { Metadata } from "next";
import { headers } from "next/headers";
import { KioskStation } from "@/components/kiosk/kiosk-station";
import { kioskPageStatus } from "@/server/http/kiosk";

export const metadata: Metadata = {
  // The tab names no treatment and no patient.
  title: { absolute: "Check-in station" },
  referrer: "no-referrer",
  robots: { index: false },
};

/**
 * The clinic's check-in station (SPEC 12, docs/decisions/039-kiosk.md): staff unlock it, a
 * patient identifies and does their due check-in or today's entry, and it returns to its start.
 * No link into the portal, no navigation: every step is the same page.
 */
export default async function KioskPage() {
  const status = await kioskPageStatus(await headers());
  return (
    <main className="flex min-h-dvh justify-center px-4 py-8 sm:items-center [&_.min-h-11]:min-h-12">
      {/* The width of the one-tap page; today's entry (the body map beside its list) takes more. */}
      <div className="w-full max-w-2xl">
        <p className="mb-2 text-center text-sm font-semibold uppercase tracking-wide text-brand-700">
          {status.clinic.name ?? "Your clinic"}
        </p>
        <KioskStation unlocked={status.unlocked} until={status.until} timeZone={status.timeZone} />
        {status.clinic.phone ? (
          <p className="mt-6 text-center text-sm text-slate-600">
            Questions? Ask the front desk, or call {status.clinic.phone}.
          </p>
        ) : null}
      </div>
    </main>
  );
}
