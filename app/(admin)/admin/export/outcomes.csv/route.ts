import { outcomeCsvRoute } from "@/server/http/report-routes";
import { routeContext } from "@/server/http/route-context";

export const dynamic = "force-dynamic";

/** The clinic's outcome table as CSV (admins). */
export async function GET(request: Request) {
  return outcomeCsvRoute(await routeContext(request));
}
