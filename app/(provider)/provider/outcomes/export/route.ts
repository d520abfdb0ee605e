import { outcomesExport } from "@/server/http/outcomes-export";

export const dynamic = "force-dynamic";

/** One table of the outcomes page as CSV. */
export function GET(request: Request) {
  return outcomesExport(request, "provider");
}
