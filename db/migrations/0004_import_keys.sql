DROP INDEX "sites_municipality_name_uq";--> statement-breakpoint
ALTER TABLE "municipalities" ALTER COLUMN "code" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "sites" ADD COLUMN "source_key" text;--> statement-breakpoint
CREATE UNIQUE INDEX "municipalities_province_name_uq" ON "municipalities" USING btree ("province_ko","name_ko");--> statement-breakpoint
CREATE UNIQUE INDEX "sites_municipality_source_key_uq" ON "sites" USING btree ("municipality_id","source_key");