"use client";

import { useEffect, useState } from "react";
import { buttonClass } from "@/components/ui/button-class";
import { DATABASE_UNAVAILABLE_MESSAGE } from "@/shared/outage";

/**
 * A human message instead of a stack trace; the details are in the server log. When the cause
 * is the database being out of reach (the health check says so), the page says that instead.
 */
export default function ErrorPage({
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  const [outage, setOutage] = useState(false);
  useEffect(() => {
    fetch("/api/health", { cache: "no-store" })
      .then((res) => setOutage(res.status === 503))
      .catch(() => setOutage(false));
  }, []);
  return (
    <main className="flex min-h-dvh items-center justify-center px-4">
      <div className="max-w-md text-center">
        <h1 className="text-2xl font-semibold text-slate-900">
          {outage ? "The portal is temporarily unavailable" : "Something went wrong"}
        </h1>
        <p className="mt-2 text-slate-600" role="status">
          {outage
            ? DATABASE_UNAVAILABLE_MESSAGE
            : "We could not show this page. Nothing you entered has been lost. Please try again."}
        </p>
        <button type="button" className={buttonClass("primary", "md", "mt-6")} onClick={reset}>
          Try again
        </button>
      </div>
    </main>
  );
}
