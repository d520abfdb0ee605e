"use client";

import { useEffect, useState } from "react";
import { formatDateTime } from "@/components/format";

/** The pages public/sw.js keeps for offline use, and that install it. */
export const KEPT_PAGES = ["/patient", "/patient/history", "/patient/plan", "/patient/block"];

/** Empties the copies of pages kept for offline use (at sign-out), and tells the worker. */
export async function clearOfflinePages() {
  navigator.serviceWorker?.controller?.postMessage({ type: "user", id: null });
  if (typeof caches === "undefined") return;
  const keys = await caches.keys();
  await Promise.all(keys.filter((k) => k.startsWith("pages-")).map((k) => caches.delete(k)));
}

/**
 * On the patient's pages: installs the service worker (public/sw.js) and tells it who is signed
 * in, so that it keeps this patient's home, history and plan for offline use and nobody else's.
 * A page the worker served from its copy says so, with the time it was kept.
 */
export function OfflinePages({ userId }: { userId: string }) {
  const [offlineAt, setOfflineAt] = useState<string | null>(null);
  useEffect(() => {
    const at = document.documentElement.dataset.offlineAt;
    if (at) setOfflineAt(at);
    if (!("serviceWorker" in navigator)) return;
    // Installed from the pages it keeps (home, history, plan); elsewhere only told who is signed in.
    if (!KEPT_PAGES.includes(location.pathname)) {
      navigator.serviceWorker.controller?.postMessage({ type: "user", id: userId });
      return;
    }
    navigator.serviceWorker
      .register("/sw.js")
      .then(() => navigator.serviceWorker.ready)
      .then((r) => r.active?.postMessage({ type: "user", id: userId }))
      .catch(() => {});
  }, [userId]);
  if (!offlineAt) return null;
  const when = new Date(offlineAt);
  return (
    <div
      role="status"
      className="mb-4 rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950"
    >
      <p className="font-semibold">
        Offline: last updated{" "}
        {Number.isNaN(when.getTime())
          ? "earlier"
          : formatDateTime(when, Intl.DateTimeFormat().resolvedOptions().timeZone)}
      </p>
      <p>This is the copy kept on this phone.</p>
    </div>
  );
}
