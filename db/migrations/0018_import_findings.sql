CREATE TABLE "import_findings" (
	"id" serial PRIMARY KEY NOT NULL,
	"municipality_id" integer NOT NULL,
	"request_id" text NOT NULL,
	"rows" integer NOT NULL,
	"outside_boundary" integer NOT NULL,
	"blank_install_dates" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "import_findings" ADD CONSTRAINT "import_findings_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "import_findings_municipality_idx" ON "import_findings" USING btree ("municipality_id","created_at");