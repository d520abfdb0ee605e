import { createContext } from "@/server/api/context";
import { visitReportRoute } from "@/server/http/report-routes";

export const dynamic = "force-dynamic";

/** The visit report of a patient as PDF (`?procedureId=`, `?paper=letter`). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return visitReportRoute(await createContext(request.headers), request, (await params).id);
}
