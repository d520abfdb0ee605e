import { createContext } from "@/server/api/context";
import { bulkExportRoute } from "@/server/http/report-routes";

export const dynamic = "force-dynamic";

/** The clinic's FHIR resources of one type as NDJSON, e.g. `Observation.ndjson` (admins). */
export async function GET(request: Request, { params }: { params: Promise<{ file: string }> }) {
  return bulkExportRoute(await createContext(request.headers), (await params).file);
}
