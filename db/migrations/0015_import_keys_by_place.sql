-- A row of the standard is an access point and a zone is a place. Imported zones were keyed by the
-- row (its 번호, or its name and address under the municipality as the file spelt it); they are now
-- keyed by the place: name and address without spaces, in one case. Imported access points are keyed
-- by their place, 설치장소상세 and SSID. Nothing is merged or dropped: where two records now share a
-- key, the later keeps its own (the key with "#<id>").
WITH keyed AS (
  SELECT id, municipality_id,
         'place:' || lower(regexp_replace(name, '\s+', '', 'g')) || '|' || lower(regexp_replace(coalesce(address, ''), '\s+', '', 'g')) AS k
  FROM sites WHERE source_key IS NOT NULL
), ranked AS (
  SELECT id, k, row_number() OVER (PARTITION BY municipality_id, k ORDER BY id) AS n FROM keyed
)
UPDATE sites SET source_key = CASE WHEN ranked.n = 1 THEN ranked.k ELSE ranked.k || '#' || sites.id END
FROM ranked WHERE sites.id = ranked.id;
--> statement-breakpoint
WITH keyed AS (
  SELECT a.id, a.municipality_id,
         'ap:' || lower(regexp_replace(z.name, '\s+', '', 'g')) || '|' || lower(regexp_replace(coalesce(z.address, ''), '\s+', '', 'g'))
           || '|' || lower(regexp_replace(coalesce(a.place_detail, ''), '\s+', '', 'g')) || '|' || lower(regexp_replace(coalesce(a.ssid, ''), '\s+', '', 'g')) AS k
  FROM access_points a JOIN sites z ON z.id = a.site_id
  WHERE a.source_ref IS NOT NULL AND a.source_ref NOT LIKE 'seed:%' AND z.source_key IS NOT NULL
), ranked AS (
  SELECT id, k, row_number() OVER (PARTITION BY municipality_id, k ORDER BY id) AS n FROM keyed
)
UPDATE access_points SET source_ref = CASE WHEN ranked.n = 1 THEN ranked.k ELSE ranked.k || '#' || ranked.n END
FROM ranked WHERE access_points.id = ranked.id;
