-- The technique of a procedure (SPEC 11.1, docs/clinical-rules.md#technique): targets of the
-- region, RF variant, lesion temperature, seconds and number, probe gauge, active tip and imaging.
-- All optional: procedures recorded before keep an empty technique.
ALTER TABLE "procedures" ADD COLUMN "targets" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "procedures" ADD COLUMN "rf_variant" text;--> statement-breakpoint
ALTER TABLE "procedures" ADD COLUMN "lesion_temp_c" smallint;--> statement-breakpoint
ALTER TABLE "procedures" ADD COLUMN "lesion_seconds" smallint;--> statement-breakpoint
ALTER TABLE "procedures" ADD COLUMN "lesion_count" smallint;--> statement-breakpoint
ALTER TABLE "procedures" ADD COLUMN "probe_gauge" smallint;--> statement-breakpoint
ALTER TABLE "procedures" ADD COLUMN "active_tip_mm" double precision;--> statement-breakpoint
ALTER TABLE "procedures" ADD COLUMN "imaging" text;