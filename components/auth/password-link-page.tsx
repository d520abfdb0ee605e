import { SetPasswordForm } from "@/components/auth/set-password-form";
import { ClientProviders } from "@/components/trpc/client-providers";
import { Alert } from "@/components/ui/alert";
import { Link } from "@/components/ui/link";

type InvitationState = "valid" | "used" | "expired" | "unknown";
type Purpose = "invitation" | "password_reset";

const WORDS: Record<
  Purpose,
  { title: string } & Record<Exclude<InvitationState, "valid">, { title: string; text: string }>
> = {
  invitation: {
    title: "Choose your password",
    used: {
      title: "This link has already been used",
      text: "Sign in with the password you chose. If you forgot it, use “Forgot your password?” on the sign-in page.",
    },
    expired: {
      title: "This link has expired",
      text: "Invitation links work for 72 hours. Ask the clinic to send you a new one.",
    },
    unknown: {
      title: "This link is not valid",
      text: "Check that you opened the whole link from the email, or ask the clinic to send you a new one.",
    },
  },
  password_reset: {
    title: "Choose a new password",
    used: {
      title: "This link has already been used",
      text: "Sign in with the password you chose, or ask for a new link on the sign-in page.",
    },
    expired: {
      title: "This link has expired",
      text: "Reset links work for one hour, and only the newest one works. Ask for a new link on the sign-in page.",
    },
    unknown: {
      title: "This link is not valid",
      text: "Check that you opened the whole link from the email, or ask for a new link on the sign-in page.",
    },
  },
};

/**
 * The page a password link opens (an invitation, or a reset the person asked for): the form to
 * choose a password while the link works, otherwise why it does not and what to do.
 */
export function PasswordLinkPage({
  purpose,
  token,
  link,
}: {
  purpose: Purpose;
  token: string;
  link: {
    state: InvitationState;
    email: string | null;
    clinicName: string | null;
    clinicPhone: string | null;
  };
}) {
  const words = WORDS[purpose];
  const refused = link.state === "valid" ? null : words[link.state];
  return (
    <main className="flex min-h-dvh items-center justify-center px-4 py-10">
      <div className="w-full max-w-sm">
        <div className="mb-6 text-center">
          <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">
            {link.clinicName ?? "Ablation Follow-up"}
          </p>
          <h1 className="mt-2 text-2xl font-semibold tracking-tight text-slate-900">
            {refused ? refused.title : words.title}
          </h1>
          {link.email ? (
            <p className="mt-1 break-all text-sm text-slate-600">For your account {link.email}</p>
          ) : null}
        </div>
        <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
          {!refused && link.email ? (
            <ClientProviders>
              <SetPasswordForm token={token} email={link.email} purpose={purpose} />
            </ClientProviders>
          ) : (
            <div className="space-y-4">
              <Alert tone="warning">
                {refused?.text}
                {link.clinicPhone ? (
                  <>
                    {" You can reach the clinic on "}
                    <a
                      href={`tel:${link.clinicPhone.replace(/[^\d+]/g, "")}`}
                      className="whitespace-nowrap font-medium underline"
                    >
                      {link.clinicPhone}
                    </a>
                    .
                  </>
                ) : null}
              </Alert>
              <Link
                href={purpose === "password_reset" ? "/signin/forgot" : "/signin"}
                className="flex min-h-11 items-center justify-center text-center text-sm font-medium text-brand-800 underline-offset-2 hover:underline"
              >
                {purpose === "password_reset" ? "Ask for a new link" : "Go to sign in"}
              </Link>
            </div>
          )}
        </div>
      </div>
    </main>
  );
}
