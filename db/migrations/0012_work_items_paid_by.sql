ALTER TABLE "work_items" ADD COLUMN "paid_by_partner_id" integer;--> statement-breakpoint
ALTER TABLE "work_items" ADD CONSTRAINT "work_items_paid_by_partner_id_partners_id_fk" FOREIGN KEY ("paid_by_partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- A funding item meant that its partner pays for the work in its scope: say so on that work.
UPDATE "work_items" AS w SET "paid_by_partner_id" = f."partner_id"
FROM "work_items" AS f
WHERE f."kind" = 'funding' AND w."kind" <> 'funding'
  AND f."program_id" = w."program_id" AND f."plan_year" = w."plan_year"
  AND coalesce(f."site_id", 0) = coalesce(w."site_id", 0) AND coalesce(f."bus_batch_id", 0) = coalesce(w."bus_batch_id", 0);--> statement-breakpoint
-- Its own amount was that work's cost counted a second time: the cost stays on the work.
UPDATE "work_items" SET "planned_cost_krw" = NULL, "actual_cost_krw" = NULL WHERE "kind" = 'funding';--> statement-breakpoint
ALTER TABLE "work_items" ADD CONSTRAINT "work_items_funding_ck" CHECK ("work_items"."kind" <> 'funding' or ("work_items"."planned_cost_krw" is null and "work_items"."actual_cost_krw" is null and "work_items"."paid_by_partner_id" is null));
