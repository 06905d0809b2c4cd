-- What the database alone costs to store 1,000,000 imported records (a zone and its AP each), with
-- no file and no checks: the floor under the import. Every step runs in a transaction that is
-- rolled back, so the database is left as it was. Run on a migrated database of its own:
--   createdb -h 127.0.0.1 -U postgres import_floor
--   DATABASE_URL=postgres://postgres@127.0.0.1:5432/import_floor npm run db:migrate
--   psql -h 127.0.0.1 -U postgres -d import_floor -f bench/import-floor.sql
\timing on
\set ON_ERROR_STOP on
begin;
insert into municipalities (name_ko, province_ko) select 'floor ' || g, 'floor' from generate_series(1, 250) g;
create temp table src on commit drop as
  select m.id as mid, 'B-' || g as key, '벤치 장소 ' || g as name, '벤치로 ' || g as addr, 33.5 + random() * 4.5 as lat, 126 + random() * 3.5 as lng
  from generate_series(1, 1000000) g join municipalities m on m.name_ko = 'floor ' || (1 + g % 250)
  order by 1, 2;
set local wifi_atlas.bulk_load = 'on';

\echo 1. as the import writes them: every index, foreign key and an audit row per zone
savepoint a;
insert into sites (municipality_id, name, category, address, lat, lng, status, planned_ap_count, provenance, source_note, source_key)
  select mid, name, 'other', addr, lat, lng, 'active', 1, 'import', '전국무료와이파이표준데이터 가져오기', key from src;
insert into access_points (municipality_id, site_id, ssid, lat, lng, install_year, install_month, status, provenance, source_note, place_detail, provider_name, road_address, manager_phone, data_date, source_ref)
  select municipality_id, id, 'BENCH', lat, lng, 2015, 3, 'active', 'import', '전국무료와이파이표준데이터 가져오기', '1층', 'KT', address, '055-000-0000', '2026-11-01', source_key from sites where provenance = 'import';
insert into audit_entries (actor, action, entity_type, entity_id, municipality_id, after, request_id)
  select 'floor', 'create', 'site', id::text, municipality_id, jsonb_build_object('name', name, 'category', category, 'address', address, 'lat', lat, 'lng', lng), 'floor' from sites where provenance = 'import';
select ap_cells_rebuild();
rollback to savepoint a;

\echo 2. loaded bare, then indexed and checked (needs the tables locked against every reader)
alter table access_points drop constraint access_points_site_id_sites_id_fk, drop constraint access_points_municipality_id_municipalities_id_fk;
alter table sites drop constraint sites_municipality_id_municipalities_id_fk;
drop index sites_lat_lng_idx, sites_municipality_source_key_uq, sites_municipality_year_idx, access_points_lat_lng_idx, access_points_site_idx, access_points_source_ref_uq, access_points_municipality_idx;
insert into sites (municipality_id, name, category, address, lat, lng, status, planned_ap_count, provenance, source_note, source_key)
  select mid, name, 'other', addr, lat, lng, 'active', 1, 'import', '전국무료와이파이표준데이터 가져오기', key from src;
insert into access_points (municipality_id, site_id, ssid, lat, lng, install_year, install_month, status, provenance, source_note, place_detail, provider_name, road_address, manager_phone, data_date, source_ref)
  select municipality_id, id, 'BENCH', lat, lng, 2015, 3, 'active', 'import', '전국무료와이파이표준데이터 가져오기', '1층', 'KT', address, '055-000-0000', '2026-11-01', source_key from sites where provenance = 'import';
create index on sites (lat, lng);
create unique index on sites (municipality_id, source_key);
create index on sites (municipality_id, plan_year);
create index on access_points (lat, lng);
create index on access_points (site_id);
create unique index on access_points (municipality_id, source_ref);
create index on access_points (municipality_id);
alter table access_points add constraint floor_site_fk foreign key (site_id) references sites (id) not valid;
alter table access_points validate constraint floor_site_fk;
alter table access_points add constraint floor_municipality_fk foreign key (municipality_id) references municipalities (id) not valid;
alter table access_points validate constraint floor_municipality_fk;
alter table sites add constraint floor_sites_municipality_fk foreign key (municipality_id) references municipalities (id) not valid;
alter table sites validate constraint floor_sites_municipality_fk;
select ap_cells_rebuild();
rollback;
