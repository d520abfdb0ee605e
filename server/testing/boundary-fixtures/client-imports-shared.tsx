"use client";
// The allowed counterpart (server/testing/boundary.test.ts): client-safe rules from shared/ and
// the pure clinical vocabulary.
import { regionLabels } from "@/server/outcomes/vocab";
import { NOTE_MAX } from "@/shared/diary-rules";

export function GoodImport() {
  return <p>{`${regionLabels.knee} ${NOTE_MAX}`}</p>;
}
