ALTER TABLE "clinic_settings" ADD COLUMN "public_url" text;--> statement-breakpoint
ALTER TABLE "clinic_settings" ADD COLUMN "setup_completed_at" timestamp with time zone;