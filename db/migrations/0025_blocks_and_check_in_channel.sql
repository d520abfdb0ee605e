CREATE TABLE "block_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"block_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"minutes_after" integer NOT NULL,
	"pain" smallint NOT NULL,
	"activity_tried" boolean,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "diagnostic_blocks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"given_at" timestamp with time zone NOT NULL,
	"region" text NOT NULL,
	"side" text,
	"targets" text[] DEFAULT '{}'::text[] NOT NULL,
	"anesthetic" text NOT NULL,
	"pre_pain" smallint NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"deleted_by" uuid
);
--> statement-breakpoint
ALTER TABLE "diary_entries" ADD COLUMN "check_in_channel" text;--> statement-breakpoint
ALTER TABLE "clinic_settings" ADD COLUMN "anesthetic_hours" jsonb;--> statement-breakpoint
ALTER TABLE "block_records" ADD CONSTRAINT "block_records_block_id_diagnostic_blocks_id_fk" FOREIGN KEY ("block_id") REFERENCES "public"."diagnostic_blocks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diagnostic_blocks" ADD CONSTRAINT "diagnostic_blocks_patient_id_users_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diagnostic_blocks" ADD CONSTRAINT "diagnostic_blocks_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diagnostic_blocks" ADD CONSTRAINT "diagnostic_blocks_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "block_records_client_idx" ON "block_records" USING btree ("block_id","client_id");--> statement-breakpoint
CREATE INDEX "block_records_block_idx" ON "block_records" USING btree ("block_id","minutes_after");--> statement-breakpoint
CREATE INDEX "diagnostic_blocks_patient_idx" ON "diagnostic_blocks" USING btree ("patient_id","given_at");