import { ButtonLink } from "@/components/ui/button";

export default function Forbidden() {
  return (
    <main className="flex min-h-dvh items-center justify-center px-4">
      <div className="max-w-md text-center">
        <p className="text-sm font-semibold text-slate-500">403</p>
        <h1 className="mt-1 text-2xl font-semibold text-slate-900">Not allowed</h1>
        <p className="mt-2 text-slate-600">
          Your account does not have access to this part of the portal.
        </p>
        <ButtonLink href="/" className="mt-6">
          Go to your home page
        </ButtonLink>
      </div>
    </main>
  );
}
