-- A procedure's side (docs/clinical-rules.md#locations-and-sides): left, right, bilateral, or none
-- (null) for a midline procedure or a side not recorded. The old laterality column held the same
-- words plus "midline", which becomes null; every stored procedure keeps its meaning.
ALTER TABLE "procedures" RENAME COLUMN "laterality" TO "side";--> statement-breakpoint
ALTER TABLE "procedures" ALTER COLUMN "side" DROP NOT NULL;--> statement-breakpoint
UPDATE "procedures" SET "side" = NULL WHERE "side" NOT IN ('left', 'right', 'bilateral');
