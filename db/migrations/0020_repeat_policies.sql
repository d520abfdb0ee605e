-- Repeat-ablation policies (SPEC 11.3, docs/decisions/030-repeat-ablation-evidence.md) and the
-- patient's chosen policy. The two published examples ship; each clinic checks its own payers.
CREATE TABLE "repeat_policies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"block_threshold" double precision NOT NULL,
	"relief_pct" double precision NOT NULL,
	"function_pct" double precision,
	"required_days" integer NOT NULL,
	"max_gap_days" integer NOT NULL,
	"min_interval_days" integer NOT NULL,
	"max_per_year" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "repeat_policy_id" uuid;--> statement-breakpoint
CREATE UNIQUE INDEX "repeat_policies_name_lower_idx" ON "repeat_policies" USING btree (lower("name"));--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_repeat_policy_id_repeat_policies_id_fk" FOREIGN KEY ("repeat_policy_id") REFERENCES "public"."repeat_policies"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
INSERT INTO "repeat_policies" ("name", "block_threshold", "relief_pct", "function_pct", "required_days", "max_gap_days", "min_interval_days", "max_per_year") VALUES ('Medicare LCD (facet joint)', 80, 50, 50, 182, 35, 182, 2), ('12 weeks at 50% (common commercial rule)', 80, 50, NULL, 84, 35, 182, 2);
