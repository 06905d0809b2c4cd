CREATE TABLE "ap_cell_levels" (
	"level" smallint PRIMARY KEY NOT NULL,
	"size" double precision NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ap_cells" (
	"level" smallint NOT NULL,
	"cx" integer NOT NULL,
	"cy" integer NOT NULL,
	"municipality_id" integer NOT NULL,
	"status" "ap_status" NOT NULL,
	"provenance" "provenance" NOT NULL,
	"plan_year" integer,
	"category" "site_category",
	"partner_id" integer,
	"n" integer NOT NULL,
	"sum_lat" double precision NOT NULL,
	"sum_lng" double precision NOT NULL,
	CONSTRAINT "ap_cells_key_uq" UNIQUE NULLS NOT DISTINCT("level","cx","cy","municipality_id","status","provenance","plan_year","category","partner_id")
);
--> statement-breakpoint
CREATE INDEX "ap_cells_level_cx_cy_idx" ON "ap_cells" USING btree ("level","cx","cy");