import { visitReportRoute } from "@/server/http/report-routes";
import { routeContext } from "@/server/http/route-context";

export const dynamic = "force-dynamic";

/** The visit report of a patient as PDF (`?procedureId=`, `?paper=letter`). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return visitReportRoute(await routeContext(request), request, (await params).id);
}
