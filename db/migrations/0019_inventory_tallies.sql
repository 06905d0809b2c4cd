CREATE TABLE "ap_tallies" (
	"municipality_id" integer NOT NULL,
	"provider_name" text,
	"install_year" integer,
	"n" integer NOT NULL,
	CONSTRAINT "ap_tallies_key" UNIQUE NULLS NOT DISTINCT("municipality_id","provider_name","install_year")
);
--> statement-breakpoint
CREATE TABLE "site_tallies" (
	"municipality_id" integer PRIMARY KEY NOT NULL,
	"n" integer NOT NULL
);
--> statement-breakpoint
-- Adds (sign 1) or removes (sign -1) the rows of `src` to the tallies. Returned as text and run by
-- EXECUTE inside the trigger functions: transition tables are visible only there.
CREATE FUNCTION ap_tallies_sql(src text, sign int) RETURNS text LANGUAGE sql IMMUTABLE AS $fn$
  SELECT format($q$
    INSERT INTO ap_tallies AS t (municipality_id, provider_name, install_year, n)
    SELECT municipality_id, provider_name, install_year, %2$s * count(*)::int FROM %1$s
    WHERE status <> 'retired' GROUP BY 1, 2, 3
    ON CONFLICT (municipality_id, provider_name, install_year) DO UPDATE SET n = t.n + excluded.n
  $q$, src, sign)
$fn$;
--> statement-breakpoint
-- (status as text: 'retired' joined site_status in a migration that may share this one's transaction.)
CREATE FUNCTION site_tallies_sql(src text, sign int) RETURNS text LANGUAGE sql IMMUTABLE AS $fn$
  SELECT format($q$
    INSERT INTO site_tallies AS t (municipality_id, n)
    SELECT municipality_id, %2$s * count(*)::int FROM %1$s WHERE status::text <> 'retired' GROUP BY 1
    ON CONFLICT (municipality_id) DO UPDATE SET n = t.n + excluded.n
  $q$, src, sign)
$fn$;
--> statement-breakpoint
-- Recounts both from the tables: at the end of a bulk load that ran with wifi_atlas.bulk_load = on.
CREATE FUNCTION inventory_tallies_rebuild() RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
  DELETE FROM ap_tallies;
  DELETE FROM site_tallies;
  EXECUTE ap_tallies_sql('access_points', 1);
  EXECUTE site_tallies_sql('sites', 1);
END
$fn$;
--> statement-breakpoint
-- One trigger function for both tallies: its argument names the function that writes the SQL.
CREATE FUNCTION tallies_on_change() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  q text;
BEGIN
  IF current_setting('wifi_atlas.bulk_load', true) = 'on' THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    EXECUTE format('SELECT %I(%L, -1)', TG_ARGV[0], 'old_rows') INTO q;
    EXECUTE q;
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    EXECUTE format('SELECT %I(%L, 1)', TG_ARGV[0], 'new_rows') INTO q;
    EXECUTE q;
  END IF;
  RETURN NULL;
END
$fn$;
--> statement-breakpoint
CREATE TRIGGER access_points_tallies_ins AFTER INSERT ON access_points
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tallies_on_change('ap_tallies_sql');
--> statement-breakpoint
CREATE TRIGGER access_points_tallies_upd AFTER UPDATE ON access_points
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tallies_on_change('ap_tallies_sql');
--> statement-breakpoint
CREATE TRIGGER access_points_tallies_del AFTER DELETE ON access_points
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION tallies_on_change('ap_tallies_sql');
--> statement-breakpoint
CREATE TRIGGER sites_tallies_ins AFTER INSERT ON sites
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tallies_on_change('site_tallies_sql');
--> statement-breakpoint
CREATE TRIGGER sites_tallies_upd AFTER UPDATE ON sites
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tallies_on_change('site_tallies_sql');
--> statement-breakpoint
CREATE TRIGGER sites_tallies_del AFTER DELETE ON sites
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION tallies_on_change('site_tallies_sql');
--> statement-breakpoint
SELECT inventory_tallies_rebuild();
