/**
 * The one thing app code needs from the job queue: "run this job now". The queue is started by
 * scripts/start.ts (or scripts/worker.ts) and registered on globalThis, so that the Next.js
 * server bundle, which has its own copy of our modules, reaches the same one without importing
 * pg-boss. Without a queue in this process (a separate worker), the job's schedule picks the
 * work up within a minute.
 */
type Waker = (name: string) => Promise<void>;
const holder = globalThis as unknown as { __portalWakeJob?: Waker };

export function registerWaker(waker: Waker | undefined): void {
  holder.__portalWakeJob = waker;
}

export async function wakeJob(name: string): Promise<void> {
  await holder.__portalWakeJob?.(name).catch(() => {});
}
