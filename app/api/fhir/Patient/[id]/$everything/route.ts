import { fhirEverythingRoute } from "@/server/http/report-routes";
import { routeContext } from "@/server/http/route-context";

export const dynamic = "force-dynamic";

/** FHIR R4 `Patient/$everything` (SPEC.md 8): `<id>` for staff, `me` for the patient. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return fhirEverythingRoute(await routeContext(request), request, (await params).id);
}
