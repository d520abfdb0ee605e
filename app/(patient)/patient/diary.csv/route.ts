import { diaryCsvRoute } from "@/server/http/report-routes";
import { routeContext } from "@/server/http/route-context";

export const dynamic = "force-dynamic";

/** The patient's own diary as CSV. */
export async function GET(request: Request) {
  return diaryCsvRoute(await routeContext(request), "me");
}
