-- The caseload assesses every patient of a care team at once (issue 4, docs/benchmarks.md): it
-- reads each latest procedure's live diary entries in date order. This covering index serves that
-- read as an index-only scan (no visit to the table's pages, which hold each patient's entries
-- scattered among everyone else's days). Drizzle's index builder has no INCLUDE, hence custom SQL.
CREATE INDEX IF NOT EXISTS "diary_entries_assessment_idx" ON "diary_entries"
  ("procedure_id", "entry_date")
  INCLUDE ("pain_average", "enjoyment", "activity", "site_soreness", "pgic", "locations", "qualities")
  WHERE "deleted_at" IS NULL;--> statement-breakpoint
-- The 0-10 scales of SPEC.md 2.9, also held by the database (the caseload packs them in 4 bits).
ALTER TABLE "diary_entries" ADD CONSTRAINT "diary_entries_scales_check" CHECK (
  "pain_average" BETWEEN 0 AND 10
  AND ("enjoyment" IS NULL OR "enjoyment" BETWEEN 0 AND 10)
  AND ("activity" IS NULL OR "activity" BETWEEN 0 AND 10)
);
