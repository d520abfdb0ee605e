-- A procedure's side is left, right, bilateral or none (docs/clinical-rules.md#locations-and-sides).
-- It was `laterality`, always set, with 'midline' for none: the same sides move to `side`, midline
-- becomes null. Earlier versions in procedure_revisions get the same shape, so every version reads
-- alike. Diary and baseline locations need nothing: an unsided region keeps its meaning.
ALTER TABLE "procedures" ADD COLUMN "side" text;--> statement-breakpoint
UPDATE "procedures" SET "side" = "laterality" WHERE "laterality" IN ('left', 'right', 'bilateral');--> statement-breakpoint
UPDATE "procedure_revisions"
SET "data" = ("data" - 'laterality') || jsonb_build_object(
  'side',
  CASE WHEN "data"->>'laterality' IN ('left', 'right', 'bilateral') THEN "data"->>'laterality' END
)
WHERE "data" ? 'laterality';--> statement-breakpoint
ALTER TABLE "procedures" DROP COLUMN "laterality";
