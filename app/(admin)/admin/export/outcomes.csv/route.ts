import { createContext } from "@/server/api/context";
import { outcomeCsvRoute } from "@/server/http/report-routes";

export const dynamic = "force-dynamic";

/** The clinic's outcome table as CSV (admins). */
export async function GET(request: Request) {
  return outcomeCsvRoute(await createContext(request.headers));
}
