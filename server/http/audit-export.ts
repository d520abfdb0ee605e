// `GET /admin/audit/export`: the filtered audit trail as a CSV download (admins), streamed.
import "server-only";
import { badRequest } from "@/server/errors";
import { exportAuditEvents } from "@/server/services/audit-log";
import { AUDIT_FILTER_KEYS, AuditFiltersInput } from "@/shared/schemas";
import { attachment, type RouteContext, runRoute, streamOf } from "./run-route";

export function auditExportRoute(ctx: RouteContext, request: Request) {
  return runRoute(ctx, { route: "audit.export", roles: ["admin"], kind: "file" }, async (actor) => {
    const url = new URL(request.url);
    const parsed = AuditFiltersInput.safeParse(
      Object.fromEntries(AUDIT_FILTER_KEYS.map((k) => [k, url.searchParams.get(k) || undefined])),
    );
    if (!parsed.success) throw badRequest("Please correct the filters.");
    const rows = await exportAuditEvents(ctx.db, actor, parsed.data, ctx.ip);
    const day = new Date().toISOString().slice(0, 10);
    return attachment(
      streamOf(rows, "\uFEFF"),
      "text/csv; charset=utf-8",
      `audit-trail-${day}.csv`,
    );
  });
}
