import type { ClinicContact } from "./types";

/**
 * docs/decisions/020-messages.md: beside every way to write, the portal says it is not for
 * emergencies.
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
        Your care team may not read your message straight away. If you need help now, call{" "}
        {contact.clinicPhone ? (
          <>
            {clinic} on{" "}
            <a
              href={`tel:${contact.clinicPhone.replace(/[^0-9+]/g, "")}`}
              className="whitespace-nowrap font-semibold underline underline-offset-2"
            >
              {contact.clinicPhone}
            </a>
          </>
        ) : (
          clinic
        )}
        . In an emergency, call your local emergency number.
      </p>
    </aside>
  );
}
