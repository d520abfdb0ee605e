// The CSV downloads of the outcomes pages: one table of the report (the same cells the page
// shows), through the tRPC caller, so the checks, the scope and the audit are the procedure's.
import { TRPCError } from "@trpc/server";
import { getAppDb } from "@/db/client";
import { TABLE_KEYS, type TableKey, tableBuilders } from "@/server/analytics/report-tables";
import { createCaller } from "@/server/api/root";
import { clientIpFromHeaders } from "@/server/auth/client-ip";
import { getCurrentActor } from "@/server/auth/session";
import type { Role } from "@/server/authz/policy";
import { recordAudit } from "@/server/services/audit";
import { csvRow } from "@/shared/csv";
import { outcomeFilters } from "@/shared/outcome-filters";
import { OutcomesInput } from "@/shared/schemas";

const text = (status: number, body: string) =>
  new Response(body, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });

export async function outcomesExport(request: Request, role: Exclude<Role, "patient">) {
  const db = getAppDb();
  const ip = clientIpFromHeaders(request.headers);
  const actor = await getCurrentActor();
  // The page of one role: another role's address is refused (tRPC would let both read).
  if (actor && actor.role !== role) {
    await recordAudit(db, {
      actor,
      action: "request.denied",
      outcome: "denied",
      ip,
      details: { route: `${role}.outcomes.export`, code: "FORBIDDEN" },
    });
    return text(403, "Not allowed");
  }
  const url = new URL(request.url);
  const table = url.searchParams.get("table") as TableKey;
  const parsed = OutcomesInput.safeParse(outcomeFilters(Object.fromEntries(url.searchParams)));
  if (!TABLE_KEYS.includes(table) || !parsed.success)
    return text(400, "Please correct the filters.");
  try {
    const data = await createCaller({ db, actor, ip }).outcomes.report(parsed.data);
    const { columns, rows } = tableBuilders[table](data.report);
    const body = `\uFEFF${[columns, ...rows].map(csvRow).join("")}`;
    return new Response(body, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="outcomes-${table.replace("_", "-")}-${data.asOf}.csv"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    if (error instanceof TRPCError && error.code === "UNAUTHORIZED")
      return text(401, "Please sign in");
    if (error instanceof TRPCError && error.code === "FORBIDDEN") return text(403, "Not allowed");
    throw error;
  }
}
