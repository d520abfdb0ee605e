import { sql } from "drizzle-orm";
import { getAppDb } from "@/db/client";

export const dynamic = "force-dynamic";

/** 200 when the database answers, 503 otherwise; nothing else is revealed. */
export async function GET() {
  try {
    await getAppDb().execute(sql`select 1`);
    return Response.json({ status: "ok" });
  } catch {
    return Response.json({ status: "unavailable" }, { status: 503 });
  }
}
