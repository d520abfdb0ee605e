// `GET /<provider|admin>/outcomes/export?table=...`: one table of the outcomes page as CSV, the
// same cells the page shows, from the same service call (scope and audit are the service's).
import "server-only";
import { TABLE_KEYS, type TableKey, tableBuilders } from "@/server/analytics/report-tables";
import type { Role } from "@/server/authz/policy";
import { badRequest } from "@/server/errors";
import { clinicOutcomes } from "@/server/services/outcomes";
import { csvRow } from "@/shared/csv";
import { outcomeFilters } from "@/shared/outcome-filters";
import { OutcomesInput } from "@/shared/schemas";
import { attachment, type RouteContext, runRoute } from "./run-route";

/** The export of one role's outcomes page: another role's address is refused. */
export function outcomesExportRoute(
  ctx: RouteContext,
  request: Request,
  role: Exclude<Role, "patient">,
) {
  return runRoute(
    ctx,
    { route: `${role}.outcomes.export`, roles: [role], kind: "file" },
    async (actor) => {
      const url = new URL(request.url);
      const table = url.searchParams.get("table") as TableKey;
      const parsed = OutcomesInput.safeParse(outcomeFilters(Object.fromEntries(url.searchParams)));
      if (!TABLE_KEYS.includes(table) || !parsed.success)
        throw badRequest("Please correct the filters.");
      const data = await clinicOutcomes(ctx.db, actor, parsed.data, { ip: ctx.ip });
      const { columns, rows } = tableBuilders[table](data.report);
      return attachment(
        `\uFEFF${[columns, ...rows].map(csvRow).join("")}`,
        "text/csv; charset=utf-8",
        `outcomes-${table.replace("_", "-")}-${data.asOf}.csv`,
      );
    },
  );
}
