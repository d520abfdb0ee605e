import { createContext } from "@/server/api/context";
import { necessitySummaryRoute } from "@/server/http/report-routes";

export const dynamic = "force-dynamic";

/** The medical-necessity summary of a patient as PDF (`?procedureId=`, `?paper=letter`). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return necessitySummaryRoute(await createContext(request.headers), request, (await params).id);
}
