"use client";

import { useEffect, useState } from "react";

const KEY = "portal.flash";
const EVENT = "portal-flash";

/** Shows a short confirmation ("Your entry is saved."), also across the navigation that follows. */
export function flash(message: string) {
  try {
    sessionStorage.setItem(KEY, message);
  } catch {}
  window.dispatchEvent(new Event(EVENT));
}

/**
 * Where flash() messages appear: a polite live region at the top of the page that clears itself.
 * A few hundred bytes where a toast library would cost 9 KiB on every patient page.
 */
export function FlashMessage() {
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    const show = () => {
      const next = sessionStorage.getItem(KEY);
      if (next) {
        sessionStorage.removeItem(KEY);
        setMessage(next);
      }
    };
    show();
    window.addEventListener(EVENT, show);
    return () => window.removeEventListener(EVENT, show);
  }, []);
  useEffect(() => {
    if (!message) return;
    const timer = setTimeout(() => setMessage(null), 6000);
    return () => clearTimeout(timer);
  }, [message]);
  return (
    <div
      role="status"
      aria-live="polite"
      className="pointer-events-none fixed inset-x-0 top-3 z-50 flex justify-center px-4"
    >
      {message ? (
        <p className="pointer-events-auto flex items-center gap-3 rounded-lg border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm font-medium text-emerald-900 shadow-lg">
          {message}
          <button
            type="button"
            onClick={() => setMessage(null)}
            className="rounded px-1 text-emerald-800 hover:bg-emerald-100"
            aria-label="Close"
          >
            ×
          </button>
        </p>
      ) : null}
    </div>
  );
}
