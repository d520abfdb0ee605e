"use client";

/**
 * What a patient's phone keeps while the network is away: the draft of the diary form being
 * filled in, and what was saved but not yet sent (diary entries and "Report a change" reports,
 * each with its client id). Kept per user, so a shared phone never sends one patient's writing
 * with another's session. Cleared at sign-out.
 */
import { useSyncExternalStore } from "react";
import { httpStatusOf } from "@/components/trpc/errors";
import type { AddDiaryEntryInput, AnswerBlockInput, ReportChangeInput } from "@/shared/schemas";
import { clearOfflinePages } from "./offline-pages";
import { isRetryable } from "./send-policy";

/**
 * What waits to be sent: a diary entry (`diary.add`), a report (`message.report`) or an answer of
 * the block diary (`blockDiary.answer`).
 */
export type Outgoing =
  | { kind: "diary"; input: AddDiaryEntryInput }
  | { kind: "report"; input: ReportChangeInput }
  | { kind: "block"; input: AnswerBlockInput };

export type PendingEntry = Outgoing & {
  userId: string;
  queuedAt: string;
  /** The server's answer when it refused it (it then waits for the patient, not the network). */
  refused?: string;
};

const PENDING = "portal.diary.pending";
const DRAFT = "portal.diary.draft";
const CHANGED = "portal-diary-device-store";

function read<T>(key: string, fallback: T): T {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : fallback;
  } catch {
    return fallback;
  }
}

function write(key: string, value: unknown) {
  try {
    if (value == null) localStorage.removeItem(key);
    else localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or disabled: the form still works online.
  }
  window.dispatchEvent(new Event(CHANGED));
}

export function pendingEntries(userId: string): PendingEntry[] {
  return read<PendingEntry[]>(PENDING, []).filter((p) => p.userId === userId);
}

export function queueEntry(userId: string, outgoing: Outgoing) {
  const all = read<PendingEntry[]>(PENDING, []);
  if (all.some((p) => p.input.clientId === outgoing.input.clientId)) return;
  write(PENDING, [...all, { ...outgoing, userId, queuedAt: new Date().toISOString() }]);
}

/**
 * Sends `outgoing` now; when there is no network, or the portal cannot be reached or is away
 * (send-policy's isRetryable), keeps it on this phone instead, for PatientDevice to send later
 * with the same client id. Any other failure is thrown, for the form to show.
 */
export async function sendOrKeep(
  userId: string | null,
  outgoing: Outgoing,
  send: () => Promise<void>,
): Promise<"sent" | "kept"> {
  const keep = () => {
    if (!userId) return false;
    queueEntry(userId, outgoing);
    return true;
  };
  if (navigator.onLine === false && keep()) return "kept";
  try {
    await send();
    return "sent";
  } catch (error) {
    if (isRetryable(httpStatusOf(error)) && keep()) return "kept";
    throw error;
  }
}

export function updatePending(clientId: string, change: { refused: string } | null) {
  const all = read<PendingEntry[]>(PENDING, []);
  write(
    PENDING,
    change === null
      ? all.filter((p) => p.input.clientId !== clientId)
      : all.map((p) => (p.input.clientId === clientId ? { ...p, ...change } : p)),
  );
}

export type Draft<V> = { userId: string; clientId: string; values: V };

export function readDraft<V>(userId: string): Draft<V> | null {
  const draft = read<Draft<V> | null>(DRAFT, null);
  return draft?.userId === userId ? draft : null;
}

export function saveDraft<V>(draft: Draft<V> | null) {
  write(DRAFT, draft);
}

export function hasPendingEntries(): boolean {
  return read<PendingEntry[]>(PENDING, []).length > 0;
}

/** At sign-out: nothing the patient wrote stays on the device. */
export function clearDevice(): Promise<void> {
  write(PENDING, null);
  write(DRAFT, null);
  return clearOfflinePages();
}

function subscribe(onChange: () => void) {
  window.addEventListener(CHANGED, onChange);
  window.addEventListener("storage", onChange);
  return () => {
    window.removeEventListener(CHANGED, onChange);
    window.removeEventListener("storage", onChange);
  };
}

/** The user's entries and reports waiting to be sent, kept up to date (empty on the server). */
export function usePendingEntries(userId: string): PendingEntry[] {
  const raw = useSyncExternalStore(
    subscribe,
    () => localStorage.getItem(PENDING) ?? "[]",
    () => "[]",
  );
  return (JSON.parse(raw) as PendingEntry[]).filter((p) => p.userId === userId);
}
