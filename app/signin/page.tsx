import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { getCurrentActor } from "@/server/auth/session";
import { roleHome } from "@/server/authz/policy";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage() {
  const actor = await getCurrentActor();
  if (actor) redirect(roleHome[actor.role]);
  return (
    <main className="flex min-h-dvh items-center justify-center px-4 py-10">
      <div className="w-full max-w-sm">
        <div className="mb-6 text-center">
          <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">
            Ablation Follow-up
          </p>
          <h1 className="mt-2 text-2xl font-semibold tracking-tight text-slate-900">Sign in</h1>
          <p className="mt-1 text-sm text-slate-600">
            Your pain diary and follow-up after nerve ablation.
          </p>
        </div>
        <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
          <SignInForm />
        </div>
      </div>
    </main>
  );
}
