import { createContext } from "@/server/api/context";
import { visitReportRoute } from "@/server/http/report-routes";

export const dynamic = "force-dynamic";

/** The patient's own report as PDF (`?procedureId=`, `?paper=letter`). */
export async function GET(request: Request) {
  return visitReportRoute(await createContext(request.headers), request, "me");
}
