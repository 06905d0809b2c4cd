-- Keeps ap_cells (per-cell AP counts, overall and per filter value) in step with access_points and sites.
-- Statement-level triggers with transition tables: a bulk insert updates the grid once per statement.
-- Only the coarse levels (0.04° to 1.28°) are kept: finer views cover few APs and are grouped live.
INSERT INTO "ap_cell_levels" ("level", "size") VALUES (3, 0.04), (4, 0.08), (5, 0.16), (6, 0.32), (7, 0.64), (8, 1.28);
--> statement-breakpoint
-- The SQL that adds (sign 1) or removes (sign -1) the rows of `src` to the grid. Returned as text and
-- run by EXECUTE inside each trigger function: transition tables are visible only there.
CREATE FUNCTION ap_cells_sql(src text, sites_src text, sign int) RETURNS text LANGUAGE sql IMMUTABLE AS $fn$
  -- Groups once on the finest kept level (0.04°), then rolls up: a level-k cell index is the
  -- level-3 index shifted right by k - 3 (cell sizes double from level to level).
  SELECT format($q$
    WITH base AS (
      SELECT floor(r.lng / 0.04)::int AS cx, floor(r.lat / 0.04)::int AS cy, d.dim, d.value,
             count(*)::int AS n, sum(r.lat) AS sum_lat, sum(r.lng) AS sum_lng
      FROM %1$s r
        LEFT JOIN %2$s s ON s.id = r.site_id
        CROSS JOIN LATERAL (VALUES
          ('all', ''),
          ('status', r.status::text),
          ('provenance', r.provenance::text),
          ('year', coalesce(s.plan_year::text, 'none')),
          ('category', coalesce(s.category::text, 'none')),
          ('partner', coalesce(r.installing_partner_id::text, 'none'))
        ) AS d(dim, value)
      WHERE r.lat IS NOT NULL
      GROUP BY 1, 2, 3, 4
    )
    INSERT INTO ap_cells AS c (level, cx, cy, dim, value, n, sum_lat, sum_lng)
    SELECT l.level, b.cx >> (l.level - 3), b.cy >> (l.level - 3), b.dim, b.value,
           %3$s * sum(b.n)::int, %3$s * sum(b.sum_lat), %3$s * sum(b.sum_lng)
    FROM base b CROSS JOIN ap_cell_levels l
    GROUP BY 1, 2, 3, 4, 5
    ON CONFLICT (level, dim, value, cx, cy) DO UPDATE
      SET n = c.n + excluded.n, sum_lat = c.sum_lat + excluded.sum_lat, sum_lng = c.sum_lng + excluded.sum_lng
  $q$, src, sites_src, sign)
$fn$;
--> statement-breakpoint
-- Drops the grid rows that reached zero, looking only at the cells `src` touched.
CREATE FUNCTION ap_cells_zero_sql(src text) RETURNS text LANGUAGE sql IMMUTABLE AS $fn$
  SELECT format($q$
    DELETE FROM ap_cells c
    USING (SELECT DISTINCT l.level, floor(r.lng / 0.04)::int >> (l.level - 3) AS cx, floor(r.lat / 0.04)::int >> (l.level - 3) AS cy
           FROM %1$s r CROSS JOIN ap_cell_levels l WHERE r.lat IS NOT NULL) t
    WHERE c.level = t.level AND c.cx = t.cx AND c.cy = t.cy AND c.n = 0
  $q$, src)
$fn$;
--> statement-breakpoint
-- Rebuilds the whole grid from the APs: after a bulk load that ran with wifi_atlas.bulk_load = on.
CREATE FUNCTION ap_cells_rebuild() RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
  DELETE FROM ap_cells;
  EXECUTE ap_cells_sql('access_points', 'sites', 1);
END
$fn$;
--> statement-breakpoint
CREATE FUNCTION ap_cells_on_access_points() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  -- A bulk load sets this for its transaction and rebuilds the grid once at the end instead.
  IF current_setting('wifi_atlas.bulk_load', true) = 'on' THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    EXECUTE ap_cells_sql('old_rows', 'sites', -1);
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    EXECUTE ap_cells_sql('new_rows', 'sites', 1);
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    EXECUTE ap_cells_zero_sql('old_rows');
  END IF;
  RETURN NULL;
END
$fn$;
--> statement-breakpoint
CREATE TRIGGER access_points_cells_ins AFTER INSERT ON access_points
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ap_cells_on_access_points();
--> statement-breakpoint
CREATE TRIGGER access_points_cells_upd AFTER UPDATE ON access_points
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ap_cells_on_access_points();
--> statement-breakpoint
CREATE TRIGGER access_points_cells_del AFTER DELETE ON access_points
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ap_cells_on_access_points();
--> statement-breakpoint
-- A site's category or plan year is a dimension of its APs' cells: move them when it changes.
CREATE FUNCTION ap_cells_on_sites() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF current_setting('wifi_atlas.bulk_load', true) = 'on' THEN
    RETURN NULL;
  END IF;
  IF EXISTS (SELECT 1 FROM old_sites o JOIN new_sites n ON n.id = o.id
             WHERE (o.category, o.plan_year) IS DISTINCT FROM (n.category, n.plan_year)) THEN
    CREATE TEMP TABLE IF NOT EXISTS ap_cells_moved (LIKE access_points) ON COMMIT DROP;
    DELETE FROM ap_cells_moved;
    INSERT INTO ap_cells_moved
      SELECT a.* FROM access_points a JOIN old_sites o ON o.id = a.site_id JOIN new_sites n ON n.id = o.id
      WHERE (o.category, o.plan_year) IS DISTINCT FROM (n.category, n.plan_year);
    EXECUTE ap_cells_sql('ap_cells_moved', 'old_sites', -1);
    EXECUTE ap_cells_sql('ap_cells_moved', 'new_sites', 1);
    EXECUTE ap_cells_zero_sql('ap_cells_moved');
  END IF;
  RETURN NULL;
END
$fn$;
--> statement-breakpoint
CREATE TRIGGER sites_cells_upd AFTER UPDATE ON sites
  REFERENCING OLD TABLE AS old_sites NEW TABLE AS new_sites FOR EACH STATEMENT EXECUTE FUNCTION ap_cells_on_sites();
--> statement-breakpoint
-- Backfill from the APs that exist already.
SELECT ap_cells_rebuild();
