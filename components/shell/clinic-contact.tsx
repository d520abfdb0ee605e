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
            <a
              href={`tel:${contact.clinicPhone.replace(/[^0-9+]/g, "")}`}
              className="text-brand-800 underline underline-offset-2"
            >
              {contact.clinicPhone}
            </a>
          </>
        ) : null}
      </p>
    </footer>
  );
}
