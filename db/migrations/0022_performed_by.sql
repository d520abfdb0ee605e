ALTER TABLE "procedures" ADD COLUMN "performed_by" uuid;--> statement-breakpoint
ALTER TABLE "procedures" ADD CONSTRAINT "procedures_performed_by_users_id_fk" FOREIGN KEY ("performed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Who performed each existing procedure: the provider who recorded its first version.
UPDATE "procedures" p SET "performed_by" = f."first"
FROM (
  SELECT p2."id", coalesce(
    (SELECT r."recorded_by" FROM "procedure_revisions" r WHERE r."procedure_id" = p2."id" ORDER BY r."version" LIMIT 1),
    p2."recorded_by") AS "first"
  FROM "procedures" p2
) f
JOIN "users" u ON u."id" = f."first" AND u."role" = 'provider'
WHERE f."id" = p."id";
