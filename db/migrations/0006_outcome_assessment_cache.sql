CREATE TABLE "outcome_assessments" (
	"procedure_id" uuid PRIMARY KEY NOT NULL,
	"data_version" integer NOT NULL,
	"as_of" date NOT NULL,
	"criteria" text NOT NULL,
	"engine_version" integer NOT NULL,
	"outcome" jsonb NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "outcome_assessments" ADD CONSTRAINT "outcome_assessments_procedure_id_procedures_id_fk" FOREIGN KEY ("procedure_id") REFERENCES "public"."procedures"("id") ON DELETE cascade ON UPDATE no action;