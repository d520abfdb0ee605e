"use client";
// A deliberate bad import (server/testing/boundary.test.ts): a client component that reads the
// database and a service. Biome must refuse it wherever a client file may stand.
import { getAppDb } from "@/db/client";
import { addEntry } from "@/server/services/diary";

export function BadImport() {
  return <p>{String(Boolean(getAppDb) && Boolean(addEntry))}</p>;
}
