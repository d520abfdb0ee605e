"use client";

/**
 * What a patient's phone keeps of the diary while the network is away: the draft of the form
 * being filled in, and the entries that were saved but not yet sent. Kept per user, so a shared
 * phone never sends one patient's entry with another's session. Cleared at sign-out.
 */
import { useSyncExternalStore } from "react";
import type { AddDiaryEntryInput } from "@/server/api/routers/diary-input";

export type PendingEntry = {
  userId: string;
  input: AddDiaryEntryInput;
  queuedAt: string;
  /** The server's answer when it refused the entry (it then waits for the patient, not the network). */
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

export function queueEntry(userId: string, input: AddDiaryEntryInput) {
  const all = read<PendingEntry[]>(PENDING, []);
  if (all.some((p) => p.input.clientId === input.clientId)) return;
  write(PENDING, [...all, { userId, input, queuedAt: new Date().toISOString() }]);
}

export function updatePending(clientId: string, change: Partial<PendingEntry> | null) {
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

/** At sign-out: nothing of the diary stays on the device. */
export function clearDevice() {
  write(PENDING, null);
  write(DRAFT, null);
}

function subscribe(onChange: () => void) {
  window.addEventListener(CHANGED, onChange);
  window.addEventListener("storage", onChange);
  return () => {
    window.removeEventListener(CHANGED, onChange);
    window.removeEventListener("storage", onChange);
  };
}

/** The user's pending entries, kept up to date (empty on the server). */
export function usePendingEntries(userId: string): PendingEntry[] {
  const raw = useSyncExternalStore(
    subscribe,
    () => localStorage.getItem(PENDING) ?? "[]",
    () => "[]",
  );
  return (JSON.parse(raw) as PendingEntry[]).filter((p) => p.userId === userId);
}
