import { getAppDb } from "@/db/client";
import { clientIpFromHeaders } from "@/server/auth/client-ip";
import { getCurrentActor } from "@/server/auth/session";
import { recordAudit } from "@/server/services/audit";
import { exportAuditEvents } from "@/server/services/audit-log";
import { AUDIT_FILTER_KEYS, AuditFiltersInput } from "@/shared/schemas";

export const dynamic = "force-dynamic";

/**
 * The filtered audit trail as a CSV download. A route handler is outside tRPC, so it checks
 * the admin itself (and audits a refusal as tRPC would).
 */
export async function GET(request: Request) {
  const db = getAppDb();
  const ip = clientIpFromHeaders(request.headers);
  const actor = await getCurrentActor();
  if (actor?.role !== "admin" || actor.mustChangePassword) {
    const code = actor ? "FORBIDDEN" : "UNAUTHORIZED";
    await recordAudit(db, {
      actor,
      action: "request.denied",
      outcome: "denied",
      ip,
      details: { route: "audit.export", code },
    });
    return new Response(actor ? "Not allowed" : "Please sign in", {
      status: actor ? 403 : 401,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  }
  const url = new URL(request.url);
  const parsed = AuditFiltersInput.safeParse(
    Object.fromEntries(AUDIT_FILTER_KEYS.map((k) => [k, url.searchParams.get(k) || undefined])),
  );
  if (!parsed.success)
    return new Response("Please correct the filters.", {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });

  const rows = await exportAuditEvents(db, actor, parsed.data, ip);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      // A byte-order mark, so that spreadsheets read the file as UTF-8.
      controller.enqueue(encoder.encode("\uFEFF"));
    },
    async pull(controller) {
      const next = await rows.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await rows.return(undefined);
    },
  });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="audit-trail-${day}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
