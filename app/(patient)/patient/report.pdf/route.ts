import { visitReportRoute } from "@/server/http/report-routes";
import { routeContext } from "@/server/http/route-context";

export const dynamic = "force-dynamic";

/** The patient's own report as PDF (`?procedureId=`, `?paper=letter`). */
export async function GET(request: Request) {
  return visitReportRoute(await routeContext(request), request, "me");
}
