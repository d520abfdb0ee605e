import { sql } from "drizzle-orm";
import { getAppDb } from "@/db/client";
import { clearDatabaseDown, noteDatabaseError } from "@/db/unavailable";

export const dynamic = "force-dynamic";

/** 200 when the database answers, 503 otherwise; nothing else is revealed. */
export async function GET() {
  try {
    await getAppDb().execute(sql`select 1`);
    clearDatabaseDown();
    return Response.json({ status: "ok" });
  } catch (error) {
    noteDatabaseError(error);
    return Response.json({ status: "unavailable" }, { status: 503 });
  }
}
