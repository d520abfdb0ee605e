import { diaryCsvRoute } from "@/server/http/report-routes";
import { routeContext } from "@/server/http/route-context";

export const dynamic = "force-dynamic";

/** A patient's diary as CSV, for the care team. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return diaryCsvRoute(await routeContext(request), (await params).id);
}
