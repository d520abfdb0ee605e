import { createContext } from "@/server/api/context";
import { auditExportRoute } from "@/server/http/audit-export";

export const dynamic = "force-dynamic";

/** The filtered audit trail as a CSV download (admins). */
export async function GET(request: Request) {
  return auditExportRoute(await createContext(request.headers), request);
}
