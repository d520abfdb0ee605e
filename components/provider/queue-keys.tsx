"use client";

import { useRouter } from "next/navigation";
import { type ReactNode, useEffect, useRef } from "react";

const typing = (el: EventTarget | null) =>
  el instanceof HTMLElement &&
  (el.isContentEditable || ["INPUT", "SELECT", "TEXTAREA"].includes(el.tagName));

/**
 * The queue's keyboard and pointer: `j` / `k` move to the next / previous patient (focusing the
 * row's link, so Enter opens it), and a click anywhere on a row or card opens the patient.
 */
export function QueueKeys({ children }: { children: ReactNode }) {
  const router = useRouter();
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const links = () =>
      Array.from(
        ref.current?.querySelectorAll<HTMLAnchorElement>("[data-queue-link]") ?? [],
      ).filter(
        (a) => a.offsetParent !== null, // shown links only
      );
    function onKey(event: KeyboardEvent) {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      if (typing(event.target) || (event.key !== "j" && event.key !== "k")) return;
      const all = links();
      if (all.length === 0) return;
      const at = all.indexOf(document.activeElement as HTMLAnchorElement);
      const next =
        at < 0
          ? event.key === "j"
            ? 0
            : all.length - 1
          : Math.max(0, Math.min(all.length - 1, at + (event.key === "j" ? 1 : -1)));
      const link = all[next];
      if (!link) return;
      event.preventDefault();
      link.focus();
      link.closest("[data-queue-row]")?.scrollIntoView({ block: "nearest" });
    }
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions lint/a11y/useKeyWithClickEvents: a convenience for the pointer; the row's link is the keyboard's way in
    <div
      ref={ref}
      onClick={(event) => {
        const target = event.target as HTMLElement;
        if (target.closest("a, button, input, select, textarea")) return;
        if (window.getSelection()?.toString()) return; // selecting text is not a click
        const link = target
          .closest("[data-queue-row]")
          ?.querySelector<HTMLAnchorElement>("[data-queue-link]");
        if (link) router.push(link.pathname);
      }}
    >
      {children}
    </div>
  );
}
