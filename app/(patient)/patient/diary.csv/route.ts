import { createContext } from "@/server/api/context";
import { diaryCsvRoute } from "@/server/http/report-routes";

export const dynamic = "force-dynamic";

/** The patient's own diary as CSV. */
export async function GET(request: Request) {
  return diaryCsvRoute(await createContext(request.headers), "me");
}
