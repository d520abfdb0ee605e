import "server-only";
import { cache } from "react";
import { serverApi } from "@/server/api/server";

/** The clinic's time zone, for server components that show a moment (read once per request). */
export const clinicTimeZone = cache(
  async (): Promise<string> => (await (await serverApi()).settings.contact()).timeZone,
);
