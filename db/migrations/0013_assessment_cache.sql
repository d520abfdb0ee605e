-- One assessment cache for every reader (server/services/assessments/cache.ts, decision 008):
-- assessment_cache replaces caseload_assessments and outcome_assessments, one row per procedure
-- and kind ('caseload', 'outcome', 'patient'). The cached rows are moved with their keys, so that
-- the first requests after the deploy still read them; any row could as well be dropped, since
-- every cached row is recomputed from the diary when missing or stale.
CREATE TABLE "assessment_cache" (
	"procedure_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"data_version" integer NOT NULL,
	"as_of" date NOT NULL,
	"criteria" text NOT NULL,
	"engine_version" integer NOT NULL,
	"value" jsonb NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessment_cache_procedure_id_kind_pk" PRIMARY KEY("procedure_id","kind")
);
--> statement-breakpoint
ALTER TABLE "assessment_cache" ADD CONSTRAINT "assessment_cache_procedure_id_procedures_id_fk" FOREIGN KEY ("procedure_id") REFERENCES "public"."procedures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
INSERT INTO "assessment_cache" ("procedure_id", "kind", "data_version", "as_of", "criteria", "engine_version", "value", "computed_at")
SELECT "procedure_id", 'caseload', "data_version", "as_of", "criteria", "engine_version", "summary", "computed_at" FROM "caseload_assessments";--> statement-breakpoint
INSERT INTO "assessment_cache" ("procedure_id", "kind", "data_version", "as_of", "criteria", "engine_version", "value", "computed_at")
SELECT "procedure_id", 'outcome', "data_version", "as_of", "criteria", "engine_version", "outcome", "computed_at" FROM "outcome_assessments";--> statement-breakpoint
DROP TABLE "caseload_assessments" CASCADE;--> statement-breakpoint
DROP TABLE "outcome_assessments" CASCADE;
