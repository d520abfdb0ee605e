import { createContext } from "@/server/api/context";
import { outcomesExportRoute } from "@/server/http/outcomes-export";

export const dynamic = "force-dynamic";

/** One table of the outcomes page as CSV. */
export async function GET(request: Request) {
  return outcomesExportRoute(await createContext(request.headers), request, "provider");
}
