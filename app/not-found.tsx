import { ButtonLink } from "@/components/ui/button";

export default function NotFound() {
  return (
    <main className="flex min-h-dvh items-center justify-center px-4">
      <div className="max-w-md text-center">
        <p className="text-sm font-semibold text-slate-500">404</p>
        <h1 className="mt-1 text-2xl font-semibold text-slate-900">Not found</h1>
        <p className="mt-2 text-slate-600">
          This page or record does not exist, or you cannot see it.
        </p>
        <ButtonLink href="/" className="mt-6">
          Go to your home page
        </ButtonLink>
      </div>
    </main>
  );
}
