ALTER TABLE "message_threads" ADD COLUMN "awaiting_latest" timestamp with time zone;--> statement-breakpoint
UPDATE "message_threads" t SET "awaiting_latest" = (
  SELECT max(m."created_at") FROM "messages" m
  WHERE m."patient_id" = t."patient_id" AND m."author_role" = 'patient'
) WHERE t."awaiting_since" IS NOT NULL;
