import { PhoneLink } from "@/components/help/call-clinic";
import { Link } from "@/components/ui/link";
import type { ClinicContact } from "./types";

/**
 * Above the thread while the patient's newest message waits for the care team (after "Report a
 * change" too): who reads it, when they answer (the clinic's setting) and when not to wait.
 */
export function WhatHappensNext({ contact }: { contact: ClinicContact }) {
  return (
    <section
      aria-labelledby="next-title"
      className="mb-6 rounded-xl border border-sky-200 bg-sky-50 p-4 text-sky-950"
    >
      <h2 id="next-title" className="text-base font-semibold">
        What happens next
      </h2>
      <p className="mt-1">
        Your care team reads what you sent and answers here
        {contact.replyTime ? `, ${contact.replyTime}` : ""}. You see their answer in your messages
        and under the bell.
      </p>
      <p className="mt-2 text-sm">
        If you feel worse before then, or have any of the{" "}
        <Link href="/patient/help#call-now" className="font-semibold underline underline-offset-2">
          signs to call about now
        </Link>
        , call {contact.clinicName ?? "your clinic"}
        {contact.clinicPhone ? (
          <>
            {" "}
            on{" "}
            <PhoneLink
              phone={contact.clinicPhone}
              className="whitespace-nowrap font-semibold underline underline-offset-2"
            />
          </>
        ) : null}
        .
      </p>
    </section>
  );
}
