-- An UPDATE moves in the map grid and the tallies only the rows whose counted fields changed: a
-- re-imported file that corrects install dates or addresses leaves every cell as it was, instead of
-- taking each row out and putting it back. The statements these triggers run are small and run
-- often; planning them for just-in-time compilation cost more than running them, so it is off.
-- The rows of `old_rows` (or `new_rows`, by `side`) whose `cols` differ from the other side's.
CREATE FUNCTION changed_rows_sql(side text, cols text) RETURNS text LANGUAGE sql IMMUTABLE AS $fn$
  SELECT format(
    '(SELECT %1$s.* FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE (%2$s) IS DISTINCT FROM (%3$s))',
    side,
    (SELECT string_agg('o.' || c, ', ') FROM unnest(string_to_array(cols, ',')) c),
    (SELECT string_agg('n.' || c, ', ') FROM unnest(string_to_array(cols, ',')) c))
$fn$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION ap_cells_on_access_points() RETURNS trigger LANGUAGE plpgsql SET jit = off AS $fn$
DECLARE
  -- What places an AP in the grid: its position and each dimension a cell is counted by.
  counted constant text := 'lat,lng,site_id,status,provenance,installing_partner_id';
BEGIN
  -- A bulk load sets this for its transaction and rebuilds the grid once at the end instead.
  IF current_setting('wifi_atlas.bulk_load', true) = 'on' THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'UPDATE' THEN
    EXECUTE ap_cells_sql(changed_rows_sql('o', counted), 'sites', -1);
    EXECUTE ap_cells_sql(changed_rows_sql('n', counted), 'sites', 1);
    EXECUTE ap_cells_zero_sql(changed_rows_sql('o', counted));
  ELSIF TG_OP = 'DELETE' THEN
    EXECUTE ap_cells_sql('old_rows', 'sites', -1);
    EXECUTE ap_cells_zero_sql('old_rows');
  ELSE
    EXECUTE ap_cells_sql('new_rows', 'sites', 1);
  END IF;
  RETURN NULL;
END
$fn$;
--> statement-breakpoint
ALTER FUNCTION ap_cells_on_sites() SET jit = off;
--> statement-breakpoint
-- TG_ARGV[0] names the function that writes the SQL; TG_ARGV[1] the fields a tally counts by. (The
-- tallies' SQL reads `FROM <src>` with no alias of its own: the changed rows come with one.)
CREATE OR REPLACE FUNCTION tallies_on_change() RETURNS trigger LANGUAGE plpgsql SET jit = off AS $fn$
DECLARE
  q text;
BEGIN
  IF current_setting('wifi_atlas.bulk_load', true) = 'on' THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'UPDATE' THEN
    EXECUTE format('SELECT %I(%L, -1)', TG_ARGV[0], changed_rows_sql('o', TG_ARGV[1]) || ' AS changed') INTO q;
    EXECUTE q;
    EXECUTE format('SELECT %I(%L, 1)', TG_ARGV[0], changed_rows_sql('n', TG_ARGV[1]) || ' AS changed') INTO q;
    EXECUTE q;
  ELSIF TG_OP = 'DELETE' THEN
    EXECUTE format('SELECT %I(%L, -1)', TG_ARGV[0], 'old_rows') INTO q;
    EXECUTE q;
  ELSE
    EXECUTE format('SELECT %I(%L, 1)', TG_ARGV[0], 'new_rows') INTO q;
    EXECUTE q;
  END IF;
  RETURN NULL;
END
$fn$;
--> statement-breakpoint
DROP TRIGGER access_points_tallies_upd ON access_points;
--> statement-breakpoint
CREATE TRIGGER access_points_tallies_upd AFTER UPDATE ON access_points
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION tallies_on_change('ap_tallies_sql', 'municipality_id,provider_name,install_year,status');
--> statement-breakpoint
DROP TRIGGER sites_tallies_upd ON sites;
--> statement-breakpoint
CREATE TRIGGER sites_tallies_upd AFTER UPDATE ON sites
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION tallies_on_change('site_tallies_sql', 'municipality_id,status');
