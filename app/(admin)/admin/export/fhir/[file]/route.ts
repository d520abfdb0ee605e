import { bulkExportRoute } from "@/server/http/report-routes";
import { routeContext } from "@/server/http/route-context";

export const dynamic = "force-dynamic";

/** The clinic's FHIR resources of one type as NDJSON, e.g. `Observation.ndjson` (admins). */
export async function GET(request: Request, { params }: { params: Promise<{ file: string }> }) {
  return bulkExportRoute(await routeContext(request), (await params).file);
}
