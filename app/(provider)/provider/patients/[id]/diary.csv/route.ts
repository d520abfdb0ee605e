import { createContext } from "@/server/api/context";
import { diaryCsvRoute } from "@/server/http/report-routes";

export const dynamic = "force-dynamic";

/** A patient's diary as CSV, for the care team. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return diaryCsvRoute(await createContext(request.headers), (await params).id);
}
