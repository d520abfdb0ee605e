import type { ClinicContact } from "@/components/patient-messages/types";
import { buttonClass } from "@/components/ui/button-class";
import { Card, CardTitle } from "@/components/ui/card";
import { Link } from "@/components/ui/link";
import { telHref } from "@/shared/clinic-help";

/** The clinic's phone as a tap-to-call link, the number in words a screen reader reads out. */
export function PhoneLink({ phone, className }: { phone: string; className?: string }) {
  return (
    <a
      href={telHref(phone)}
      className={
        className ??
        "whitespace-nowrap font-semibold text-brand-800 underline underline-offset-2 hover:text-brand-900"
      }
    >
      {phone}
    </a>
  );
}

/** A big "Call …" button for the clinic's phone (none when the clinic has not set one). */
export function CallButton({ phone, label }: { phone: string | null; label: string }) {
  if (!phone) return null;
  return (
    <a href={telHref(phone)} className={buttonClass("primary", "md", "w-full sm:w-auto")}>
      <svg
        aria-hidden
        viewBox="0 0 24 24"
        className="size-5 shrink-0"
        fill="none"
        stroke="currentColor"
        strokeWidth={1.8}
        strokeLinecap="round"
        strokeLinejoin="round"
      >
        <path d="M5 4h3.5l1.8 4.5-2.3 1.4a11 11 0 0 0 6.1 6.1l1.4-2.3L20 15.5V19a1.5 1.5 0 0 1-1.6 1.5A16.5 16.5 0 0 1 3.5 5.6 1.5 1.5 0 0 1 5 4Z" />
      </svg>
      <span>
        {label} <span className="whitespace-nowrap">{phone}</span>
      </span>
    </a>
  );
}

/** "When to call now": the clinic's warning signs, and the emergency number for the rest. */
export function WarningSigns({ contact }: { contact: ClinicContact }) {
  const clinic = contact.clinicName ?? "your clinic";
  return (
    <section
      id="call-now"
      aria-labelledby="call-now-heading"
      className="scroll-mt-6 rounded-xl border border-red-200 bg-red-50 p-4 text-red-950 sm:p-6"
    >
      <h2 id="call-now-heading" className="text-lg font-semibold">
        When to call now
      </h2>
      <p className="mt-1">
        Call {clinic} straight away if you have any of these after your ablation:
      </p>
      <ul className="mt-3 list-disc space-y-1.5 pl-5">
        {contact.warningSigns.map((sign) => (
          <li key={sign}>{sign}</li>
        ))}
      </ul>
      <div className="mt-4">
        <CallButton phone={contact.clinicPhone} label="Call" />
      </div>
      <p className="mt-4 text-sm">
        In an emergency, or if you cannot reach the clinic and feel very unwell, call your local
        emergency number.
      </p>
    </section>
  );
}

/** On the home page: how to reach the clinic, and where the warning signs are. */
export function HelpCard({ contact }: { contact: ClinicContact }) {
  return (
    <Card aria-labelledby="help-heading">
      <CardTitle>
        <span id="help-heading">Questions or worries?</span>
      </CardTitle>
      <p className="text-slate-800">
        {contact.clinicPhone ? (
          <>
            Call {contact.clinicName ?? "your clinic"} on <PhoneLink phone={contact.clinicPhone} />,
            or write to your care team in{" "}
            <Link href="/patient/messages" className="font-medium text-brand-800 underline">
              Messages
            </Link>
            .
          </>
        ) : (
          <>
            Write to your care team in{" "}
            <Link href="/patient/messages" className="font-medium text-brand-800 underline">
              Messages
            </Link>
            , or call {contact.clinicName ?? "your clinic"}.
          </>
        )}
      </p>
      <p className="mt-3 text-sm">
        <Link href="/patient/help#call-now" className="font-medium text-brand-800 underline">
          When to call now: the warning signs after an ablation
        </Link>
      </p>
    </Card>
  );
}
