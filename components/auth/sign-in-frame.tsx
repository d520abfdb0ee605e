import type { ReactNode } from "react";

/** The centred card of the sign-in pages. */
export function SignInFrame({
  title,
  description,
  wide = false,
  children,
  footer,
}: {
  title: string;
  description: ReactNode;
  wide?: boolean;
  children: ReactNode;
  footer?: ReactNode;
}) {
  return (
    <main className="flex min-h-dvh items-center justify-center px-4 py-10">
      <div className={wide ? "w-full max-w-2xl" : "w-full max-w-sm"}>
        <div className="mb-6 text-center">
          <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">
            Ablation Follow-up
          </p>
          <h1 className="mt-2 text-2xl font-semibold tracking-tight text-slate-900">{title}</h1>
          <p className="mt-1 text-sm text-slate-600">{description}</p>
        </div>
        <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">{children}</div>
        {footer}
      </div>
    </main>
  );
}
