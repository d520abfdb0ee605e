ALTER TABLE "clinic_settings" ADD COLUMN "warning_signs" text[];--> statement-breakpoint
ALTER TABLE "clinic_settings" ADD COLUMN "reply_time" text;