ALTER TABLE "decisions" ADD COLUMN "answered_flags" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "flag_acknowledgements" ADD COLUMN "decision_id" uuid;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "date_of_birth" date;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "mrn" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "phone" text;--> statement-breakpoint
ALTER TABLE "flag_acknowledgements" ADD CONSTRAINT "flag_acknowledgements_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "users_mrn_lower_idx" ON "users" USING btree (lower("mrn")) WHERE "users"."mrn" is not null;