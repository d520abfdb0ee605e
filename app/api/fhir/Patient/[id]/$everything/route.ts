import { createContext } from "@/server/api/context";
import { fhirEverythingRoute } from "@/server/http/report-routes";

export const dynamic = "force-dynamic";

/**
 * FHIR R4 `Patient/$everything` (docs/decisions/015-fhir-export.md): `<id>` for staff, `me` for the
 * patient.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return fhirEverythingRoute(await createContext(request.headers), request, (await params).id);
}
