import { PhoneLink } from "@/components/help/call-clinic";
import { serverApi } from "@/server/api/server";

/** The clinic's name and phone at the foot of the patient's pages (when the clinic set them). */
export async function ClinicContact() {
  const contact = await (await serverApi()).settings.contact().catch(() => null);
  if (!contact?.clinicName && !contact?.clinicPhone) return null;
  return (
    <footer className="mt-10 text-sm text-slate-600">
      <p className="border-t border-slate-200 pt-4">
        {contact.clinicName ?? "Your clinic"}
        {contact.clinicPhone ? (
          <>
            {" · "}
            <PhoneLink
              phone={contact.clinicPhone}
              className="text-brand-800 underline underline-offset-2"
            />
          </>
        ) : null}
      </p>
    </footer>
  );
}
