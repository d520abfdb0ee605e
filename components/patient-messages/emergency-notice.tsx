import { PhoneLink } from "@/components/help/call-clinic";
import { Link } from "@/components/ui/link";
import type { ClinicContact } from "./types";

/**
 * docs/decisions/020-messages.md: beside every way to write, the portal says it is not for
 * emergencies, when the care team answers, and how to call the clinic.
 */
export function EmergencyNotice({ contact }: { contact: ClinicContact }) {
  const clinic = contact.clinicName ?? "your clinic";
  return (
    <aside
      aria-labelledby="emergency-title"
      className="rounded-xl border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950"
    >
      <h2 id="emergency-title" className="text-base font-semibold">
        Not for emergencies
      </h2>
      <p className="mt-1">
        {contact.replyTime
          ? `Your care team answers messages ${contact.replyTime}, not straight away.`
          : "Your care team may not read your message straight away."}{" "}
        If you need help now, call{" "}
        {contact.clinicPhone ? (
          <>
            {clinic} on{" "}
            <PhoneLink
              phone={contact.clinicPhone}
              className="whitespace-nowrap font-semibold underline underline-offset-2"
            />
          </>
        ) : (
          clinic
        )}
        . In an emergency, call your local emergency number.
      </p>
      <p className="mt-2">
        <Link href="/patient/help#call-now" className="font-semibold underline underline-offset-2">
          When to call now
        </Link>
      </p>
    </aside>
  );
}
