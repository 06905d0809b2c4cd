CREATE TYPE "public"."ap_status" AS ENUM('planned', 'active', 'faulty', 'retired');--> statement-breakpoint
CREATE TYPE "public"."bus_status" AS ENUM('planned', 'active', 'retired');--> statement-breakpoint
CREATE TYPE "public"."partner_kind" AS ENUM('telecom', 'cable_operator', 'city', 'ministry', 'province', 'other');--> statement-breakpoint
CREATE TYPE "public"."poi_kind" AS ENUM('traditional_market', 'tourist_spot', 'park', 'parking', 'bus_stop');--> statement-breakpoint
CREATE TYPE "public"."provenance" AS ENUM('press_release', 'estimate', 'import', 'field_survey', 'manual');--> statement-breakpoint
CREATE TYPE "public"."site_category" AS ENUM('public_office', 'welfare', 'amenity', 'transport', 'bus_stop', 'culture_tourism', 'education', 'university', 'traditional_market', 'health', 'park', 'sports', 'riverside', 'innovation_city', 'resident_facility', 'other');--> statement-breakpoint
CREATE TYPE "public"."site_status" AS ENUM('candidate', 'surveyed', 'approved', 'installing', 'active', 'decommissioned', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."work_kind" AS ENUM('equipment_purchase', 'installation', 'line_provision', 'line_construction', 'funding');--> statement-breakpoint
CREATE TYPE "public"."work_status" AS ENUM('not_started', 'in_progress', 'done', 'cancelled');--> statement-breakpoint
CREATE TABLE "access_points" (
	"id" serial PRIMARY KEY NOT NULL,
	"municipality_id" integer NOT NULL,
	"site_id" integer,
	"bus_id" integer,
	"ssid" text,
	"model" text,
	"serial" text,
	"mac" text,
	"lat" double precision,
	"lng" double precision,
	"install_year" integer,
	"install_month" integer,
	"status" "ap_status" NOT NULL,
	"installing_partner_id" integer,
	"provenance" "provenance" NOT NULL,
	"source_note" text,
	"place_detail" text,
	"provider_name" text,
	"road_address" text,
	"lot_address" text,
	"manager_name" text,
	"manager_phone" text,
	"data_date" text,
	"source_ref" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "access_points_owner_ck" CHECK (("access_points"."site_id" is null) <> ("access_points"."bus_id" is null)),
	CONSTRAINT "access_points_position_ck" CHECK (("access_points"."lat" is null) = ("access_points"."lng" is null)),
	CONSTRAINT "access_points_month_ck" CHECK ("access_points"."install_month" is null or "access_points"."install_month" between 1 and 12)
);
--> statement-breakpoint
CREATE TABLE "audit_entries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor" text NOT NULL,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"municipality_id" integer,
	"before" jsonb,
	"after" jsonb,
	"request_id" text
);
--> statement-breakpoint
CREATE TABLE "bus_batches" (
	"id" serial PRIMARY KEY NOT NULL,
	"program_id" integer NOT NULL,
	"plan_year" integer NOT NULL,
	"label" text NOT NULL,
	"bus_count" integer NOT NULL,
	"provenance" "provenance" NOT NULL,
	"source_note" text,
	CONSTRAINT "bus_batches_count_ck" CHECK ("bus_batches"."bus_count" >= 0)
);
--> statement-breakpoint
CREATE TABLE "bus_operators" (
	"id" serial PRIMARY KEY NOT NULL,
	"municipality_id" integer NOT NULL,
	"name" text NOT NULL,
	"depot_lat" double precision,
	"depot_lng" double precision,
	"provenance" "provenance" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "buses" (
	"id" serial PRIMARY KEY NOT NULL,
	"municipality_id" integer NOT NULL,
	"batch_id" integer,
	"vehicle_number" text NOT NULL,
	"operator_id" integer,
	"routes" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" "bus_status" NOT NULL,
	"install_year" integer,
	"install_month" integer,
	"provenance" "provenance" NOT NULL,
	"source_note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "buses_month_ck" CHECK ("buses"."install_month" is null or "buses"."install_month" between 1 and 12)
);
--> statement-breakpoint
CREATE TABLE "municipalities" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"kostat_code" text,
	"name_ko" text NOT NULL,
	"name_en" text,
	"province_ko" text NOT NULL,
	"province_en" text,
	"boundary" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "municipalities_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "partners" (
	"id" serial PRIMARY KEY NOT NULL,
	"name_ko" text NOT NULL,
	"name_en" text,
	"kind" "partner_kind" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partners_nameKo_unique" UNIQUE("name_ko")
);
--> statement-breakpoint
CREATE TABLE "plan_years" (
	"id" serial PRIMARY KEY NOT NULL,
	"program_id" integer NOT NULL,
	"year" integer NOT NULL,
	"target_buses" integer,
	"target_zones" integer,
	"target_access_points" integer,
	"target_budget_krw" bigint,
	"target_categories" "site_category"[] DEFAULT '{}'::site_category[] NOT NULL,
	"provenance" "provenance" NOT NULL,
	"source_note" text,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "plan_years_targets_ck" CHECK (coalesce("plan_years"."target_buses", 0) >= 0 and coalesce("plan_years"."target_zones", 0) >= 0 and coalesce("plan_years"."target_access_points", 0) >= 0 and coalesce("plan_years"."target_budget_krw", 0) >= 0)
);
--> statement-breakpoint
CREATE TABLE "points_of_interest" (
	"id" serial PRIMARY KEY NOT NULL,
	"municipality_id" integer NOT NULL,
	"kind" "poi_kind" NOT NULL,
	"name" text NOT NULL,
	"address" text,
	"lat" double precision,
	"lng" double precision,
	"source" text NOT NULL,
	"source_ref" text NOT NULL,
	"attributes" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "program_partner_roles" (
	"program_id" integer NOT NULL,
	"partner_id" integer NOT NULL,
	"role" "work_kind" NOT NULL,
	"provenance" "provenance" NOT NULL,
	CONSTRAINT "program_partner_roles_program_id_partner_id_role_pk" PRIMARY KEY("program_id","partner_id","role")
);
--> statement-breakpoint
CREATE TABLE "programs" (
	"id" serial PRIMARY KEY NOT NULL,
	"municipality_id" integer NOT NULL,
	"name_ko" text NOT NULL,
	"name_en" text,
	"start_year" integer NOT NULL,
	"end_year" integer NOT NULL,
	"mou_date" text,
	"provenance" "provenance" NOT NULL,
	"source_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programs_years_ck" CHECK ("programs"."end_year" >= "programs"."start_year")
);
--> statement-breakpoint
CREATE TABLE "seed_steps" (
	"name" text PRIMARY KEY NOT NULL,
	"applied_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sites" (
	"id" serial PRIMARY KEY NOT NULL,
	"municipality_id" integer NOT NULL,
	"program_id" integer,
	"name" text NOT NULL,
	"category" "site_category" NOT NULL,
	"dong" text,
	"address" text,
	"lat" double precision,
	"lng" double precision,
	"extent" jsonb,
	"status" "site_status" NOT NULL,
	"plan_year" integer,
	"planned_ap_count" integer DEFAULT 0 NOT NULL,
	"provenance" "provenance" NOT NULL,
	"source_note" text,
	"notes" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sites_ap_count_ck" CHECK ("sites"."planned_ap_count" >= 0),
	CONSTRAINT "sites_position_ck" CHECK (("sites"."lat" is null) = ("sites"."lng" is null)),
	CONSTRAINT "sites_lat_ck" CHECK ("sites"."lat" is null or ("sites"."lat" between -90 and 90)),
	CONSTRAINT "sites_lng_ck" CHECK ("sites"."lng" is null or ("sites"."lng" between -180 and 180))
);
--> statement-breakpoint
CREATE TABLE "work_items" (
	"id" serial PRIMARY KEY NOT NULL,
	"program_id" integer NOT NULL,
	"plan_year" integer NOT NULL,
	"partner_id" integer NOT NULL,
	"kind" "work_kind" NOT NULL,
	"site_id" integer,
	"bus_batch_id" integer,
	"status" "work_status" NOT NULL,
	"due_date" date,
	"planned_cost_krw" bigint,
	"actual_cost_krw" bigint,
	"provenance" "provenance" NOT NULL,
	"notes" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "work_items_scope_ck" CHECK ("work_items"."site_id" is null or "work_items"."bus_batch_id" is null),
	CONSTRAINT "work_items_cost_ck" CHECK (coalesce("work_items"."planned_cost_krw", 0) >= 0 and coalesce("work_items"."actual_cost_krw", 0) >= 0)
);
--> statement-breakpoint
ALTER TABLE "access_points" ADD CONSTRAINT "access_points_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_points" ADD CONSTRAINT "access_points_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_points" ADD CONSTRAINT "access_points_bus_id_buses_id_fk" FOREIGN KEY ("bus_id") REFERENCES "public"."buses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_points" ADD CONSTRAINT "access_points_installing_partner_id_partners_id_fk" FOREIGN KEY ("installing_partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_entries" ADD CONSTRAINT "audit_entries_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bus_batches" ADD CONSTRAINT "bus_batches_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bus_operators" ADD CONSTRAINT "bus_operators_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "buses" ADD CONSTRAINT "buses_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "buses" ADD CONSTRAINT "buses_batch_id_bus_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."bus_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "buses" ADD CONSTRAINT "buses_operator_id_bus_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."bus_operators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_years" ADD CONSTRAINT "plan_years_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "points_of_interest" ADD CONSTRAINT "points_of_interest_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_partner_roles" ADD CONSTRAINT "program_partner_roles_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_partner_roles" ADD CONSTRAINT "program_partner_roles_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programs" ADD CONSTRAINT "programs_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sites" ADD CONSTRAINT "sites_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sites" ADD CONSTRAINT "sites_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_items" ADD CONSTRAINT "work_items_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_items" ADD CONSTRAINT "work_items_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_items" ADD CONSTRAINT "work_items_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_items" ADD CONSTRAINT "work_items_bus_batch_id_bus_batches_id_fk" FOREIGN KEY ("bus_batch_id") REFERENCES "public"."bus_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "access_points_serial_uq" ON "access_points" USING btree ("serial");--> statement-breakpoint
CREATE UNIQUE INDEX "access_points_mac_uq" ON "access_points" USING btree ("mac");--> statement-breakpoint
CREATE INDEX "access_points_lat_lng_idx" ON "access_points" USING btree ("lat","lng");--> statement-breakpoint
CREATE INDEX "access_points_site_idx" ON "access_points" USING btree ("site_id");--> statement-breakpoint
CREATE INDEX "access_points_bus_idx" ON "access_points" USING btree ("bus_id");--> statement-breakpoint
CREATE INDEX "access_points_municipality_idx" ON "access_points" USING btree ("municipality_id");--> statement-breakpoint
CREATE UNIQUE INDEX "access_points_source_ref_uq" ON "access_points" USING btree ("municipality_id","source_ref");--> statement-breakpoint
CREATE INDEX "audit_entity_idx" ON "audit_entries" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "audit_at_idx" ON "audit_entries" USING btree ("at");--> statement-breakpoint
CREATE UNIQUE INDEX "bus_batches_program_year_uq" ON "bus_batches" USING btree ("program_id","plan_year");--> statement-breakpoint
CREATE UNIQUE INDEX "bus_operators_municipality_name_uq" ON "bus_operators" USING btree ("municipality_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "buses_municipality_vehicle_uq" ON "buses" USING btree ("municipality_id","vehicle_number");--> statement-breakpoint
CREATE INDEX "buses_batch_idx" ON "buses" USING btree ("batch_id");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_years_program_year_uq" ON "plan_years" USING btree ("program_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "poi_source_ref_uq" ON "points_of_interest" USING btree ("municipality_id","kind","source","source_ref");--> statement-breakpoint
CREATE INDEX "poi_lat_lng_idx" ON "points_of_interest" USING btree ("lat","lng");--> statement-breakpoint
CREATE UNIQUE INDEX "programs_municipality_name_uq" ON "programs" USING btree ("municipality_id","name_ko");--> statement-breakpoint
CREATE UNIQUE INDEX "sites_municipality_name_uq" ON "sites" USING btree ("municipality_id","name");--> statement-breakpoint
CREATE INDEX "sites_lat_lng_idx" ON "sites" USING btree ("lat","lng");--> statement-breakpoint
CREATE INDEX "sites_municipality_year_idx" ON "sites" USING btree ("municipality_id","plan_year");--> statement-breakpoint
CREATE INDEX "work_items_partner_year_idx" ON "work_items" USING btree ("partner_id","plan_year");--> statement-breakpoint
CREATE INDEX "work_items_site_idx" ON "work_items" USING btree ("site_id");--> statement-breakpoint
CREATE UNIQUE INDEX "work_items_scope_uq" ON "work_items" USING btree ("program_id","plan_year","partner_id","kind",coalesce("site_id", 0),coalesce("bus_batch_id", 0));