CREATE TABLE "bus_routes" (
	"id" serial PRIMARY KEY NOT NULL,
	"municipality_id" integer NOT NULL,
	"route_number" text NOT NULL,
	"geometry" jsonb NOT NULL,
	"provenance" "provenance" NOT NULL,
	"source" text
);
--> statement-breakpoint
ALTER TABLE "bus_routes" ADD CONSTRAINT "bus_routes_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "bus_routes_municipality_number_uq" ON "bus_routes" USING btree ("municipality_id","route_number");