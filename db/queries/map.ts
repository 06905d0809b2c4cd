// Map layers: AP clusters or points for a viewport, zones, points of interest and bus operators.
import { and, asc, between, eq, gt, ilike, inArray, isNotNull, isNull, notInArray, or, sql, type SQL } from "drizzle-orm";
import type { Feature, Point } from "geojson";
import type { PoiKind, SiteCategory, SiteSource } from "../../lib/domain";
import type { ClusterProps, MapFeatures, ZoneMarker } from "../../lib/map-types";
import { cellBounds, cellRange, LEVEL_SIZES, levelForZoom } from "../../lib/map-grid";
import { PLANNING_STATUSES } from "../../lib/map-style";
import type { BBox, MapFeaturesQuery } from "../../lib/query-params";
import type { Db } from "../client";
import * as s from "../schema";
import { apSource, apSourceIs, siteApCount, siteInInventory, siteSourceIs } from "./fragments";
import { withinBBox } from "./common";

/** `municipalityId`: only that municipality's APs; absent, the whole inventory. */
type Filters = Pick<MapFeaturesQuery, "year" | "status" | "category" | "partner" | "provenance" | "source" | "q"> & { municipalityId?: number };

/** Coarsest-to-finest grid levels kept in ap_cells (see the migrations); finer ones are grouped live. */
const FIRST_STORED_LEVEL = 3;

/**
 * The ap_cells dimension and value that answer these filters, or null when the grid cannot: the grid
 * keeps counts overall and per single filter, so two filters, a text search or a municipality go live.
 */
function gridSlice(f: Filters): { dim: string; value: string } | null {
  // The grid has no source dimension: a source filter is grouped live like a second filter.
  if (f.q || f.source || f.municipalityId !== undefined) return null;
  const set: [string, string | number | undefined][] = [
    ["year", f.year],
    ["status", f.status],
    ["category", f.category],
    ["partner", f.partner],
    ["provenance", f.provenance],
  ];
  const given = set.filter(([, v]) => v !== undefined);
  if (given.length === 0) return { dim: "all", value: "" };
  if (given.length === 1) return { dim: given[0]![0], value: String(given[0]![1]) };
  return null;
}

function apFilters(f: Filters, municipalityId: number | undefined): (SQL | undefined)[] {
  return [
    municipalityId !== undefined ? eq(s.accessPoints.municipalityId, municipalityId) : undefined,
    f.year !== undefined ? eq(s.sites.planYear, f.year) : undefined,
    f.status ? eq(s.accessPoints.status, f.status) : undefined,
    f.category ? eq(s.sites.category, f.category) : undefined,
    f.partner ? eq(s.accessPoints.installingPartnerId, f.partner) : undefined,
    f.provenance ? eq(s.accessPoints.provenance, f.provenance) : undefined,
    apSourceIs(f.source),
    f.q
      ? or(
          ilike(s.accessPoints.ssid, `%${f.q}%`),
          ilike(s.sites.name, `%${f.q}%`),
          ilike(s.sites.address, `%${f.q}%`),
          ilike(s.accessPoints.roadAddress, `%${f.q}%`),
        )
      : undefined,
  ];
}

type Cell = { cx: number; cy: number; n: number; lat: number; lng: number };

function clusterFeatures(level: number, cells: Cell[]): Feature<Point, ClusterProps>[] {
  return cells.map((c) => ({
    type: "Feature",
    id: `c:${level}:${c.cx}:${c.cy}`,
    geometry: { type: "Point", coordinates: [round(c.lng), round(c.lat)] },
    properties: { kind: "cluster", count: c.n, bounds: cellBounds(level, c.cx, c.cy) },
  }));
}

function round(v: number): number {
  return Math.round(v * 1e7) / 1e7;
}

/**
 * The APs of a viewport: single points when at most `maxPoints` match, otherwise clusters on the
 * grid level for the zoom. On the coarse levels, with at most one filter, the clusters come from the
 * precomputed grid (ap_cells); otherwise they are grouped live over the (lat, lng) index.
 */
export async function getMapFeatures(db: Db, query: Omit<MapFeaturesQuery, "municipality"> & { municipalityId?: number }): Promise<MapFeatures> {
  const { municipalityId } = query;
  const level = levelForZoom(query.zoom);
  const size = LEVEL_SIZES[level]!;
  const range = cellRange(query.bbox, level);

  let cells: Cell[];
  const slice = level >= FIRST_STORED_LEVEL ? gridSlice(query) : null;
  if (slice) {
    cells = await db
      .select({
        cx: s.apCells.cx,
        cy: s.apCells.cy,
        n: s.apCells.n,
        lat: sql<number>`${s.apCells.sumLat} / ${s.apCells.n}`,
        lng: sql<number>`${s.apCells.sumLng} / ${s.apCells.n}`,
      })
      .from(s.apCells)
      .where(
        and(
          eq(s.apCells.level, level),
          eq(s.apCells.dim, slice.dim),
          eq(s.apCells.value, slice.value),
          between(s.apCells.cx, range.x0, range.x1),
          between(s.apCells.cy, range.y0, range.y1),
          gt(s.apCells.n, 0),
        ),
      );
  } else {
    // The size is one of LEVEL_SIZES, inlined so SELECT and GROUP BY are the same expression.
    const cellSize = sql.raw(String(size));
    const cx = sql<number>`floor(${s.accessPoints.lng} / ${cellSize})::int`;
    const cy = sql<number>`floor(${s.accessPoints.lat} / ${cellSize})::int`;
    const cellBox: BBox = { minLng: range.x0 * size, minLat: range.y0 * size, maxLng: (range.x1 + 1) * size, maxLat: (range.y1 + 1) * size };
    cells = await db
      .select({ cx, cy, n: sql<number>`count(*)::int`, lat: sql<number>`avg(${s.accessPoints.lat})`, lng: sql<number>`avg(${s.accessPoints.lng})` })
      .from(s.accessPoints)
      .leftJoin(s.sites, eq(s.accessPoints.siteId, s.sites.id))
      .where(and(withinBBox(s.accessPoints.lat, s.accessPoints.lng, cellBox), ...apFilters(query, municipalityId)))
      .groupBy(cx, cy);
  }
  const estimate = cells.reduce((a, c) => a + Number(c.n), 0);

  if (estimate <= query.maxPoints) {
    const points = await db
      .select({
        id: s.accessPoints.id,
        lat: s.accessPoints.lat,
        lng: s.accessPoints.lng,
        status: s.accessPoints.status,
        provenance: s.accessPoints.provenance,
        ssid: s.accessPoints.ssid,
        siteId: s.accessPoints.siteId,
        siteName: s.sites.name,
        category: s.sites.category,
        source: apSource,
        municipalityId: s.accessPoints.municipalityId,
      })
      .from(s.accessPoints)
      .leftJoin(s.sites, eq(s.accessPoints.siteId, s.sites.id))
      .where(and(withinBBox(s.accessPoints.lat, s.accessPoints.lng, query.bbox), ...apFilters(query, municipalityId)))
      .orderBy(asc(s.accessPoints.id))
      .limit(query.maxPoints);
    return {
      type: "FeatureCollection",
      mode: "points",
      level,
      total: points.length,
      features: points.map(({ lat, lng, ...p }) => ({
        type: "Feature",
        id: `ap:${p.id}`,
        geometry: { type: "Point", coordinates: [lng!, lat!] },
        properties: { kind: "ap", ...p },
      })),
    };
  }
  const normalised = cells.map((c) => ({ ...c, n: Number(c.n), lat: Number(c.lat), lng: Number(c.lng) }));
  return { type: "FeatureCollection", mode: "clusters", level, total: estimate, features: clusterFeatures(level, normalised) };
}

export type ZonesInViewQuery = {
  bbox: BBox;
  limit?: number;
  stage?: "planning" | "built";
  year?: number;
  category?: SiteCategory;
  source?: SiteSource;
  q?: string;
  municipalityId?: number;
};

/**
 * Zones (sites with a position) in a viewport, with their AP counts, by id; `truncated` when there
 * are more than `limit` (then the items are some `limit` of them).
 */
export async function listZonesInView(
  db: Db,
  { bbox, limit = 2000, stage, year, category, source, q, municipalityId }: ZonesInViewQuery,
): Promise<{ items: ZoneMarker[]; truncated: boolean }> {
  const rows = await db
    .select({
      id: s.sites.id,
      name: s.sites.name,
      category: s.sites.category,
      status: s.sites.status,
      planYear: s.sites.planYear,
      provenance: s.sites.provenance,
      lat: sql<number>`${s.sites.lat}`,
      lng: sql<number>`${s.sites.lng}`,
      extent: s.sites.extent,
      apCount: siteApCount,
      source: sql<SiteSource>`case when ${s.sites.programId} is not null then 'program' else 'other' end`,
      municipalityId: s.sites.municipalityId,
    })
    .from(s.sites)
    .where(
      and(
        isNotNull(s.sites.lat),
        siteInInventory,
        withinBBox(s.sites.lat, s.sites.lng, bbox),
        municipalityId !== undefined ? eq(s.sites.municipalityId, municipalityId) : undefined,
        year !== undefined ? eq(s.sites.planYear, year) : undefined,
        category ? eq(s.sites.category, category) : undefined,
        siteSourceIs(source),
        stage === "planning"
          ? inArray(s.sites.status, [...PLANNING_STATUSES])
          : stage === "built"
            ? notInArray(s.sites.status, [...PLANNING_STATUSES])
            : undefined,
        // The same search as the APs': zone name, address, or an SSID of its APs.
        q
          ? or(
              ilike(s.sites.name, `%${q}%`),
              ilike(s.sites.address, `%${q}%`),
              sql`exists (select 1 from access_points a where a.site_id = ${s.sites.id} and a.ssid ilike ${`%${q}%`})`,
            )
          : undefined,
      ),
    )
    // No ORDER BY: the query stops after limit + 1 rows instead of sorting every zone of a large
    // view. The rows kept are sorted here; past the limit they are an arbitrary `limit` of them.
    .limit(limit + 1);
  return { items: rows.slice(0, limit).sort((a, b) => a.id - b.id), truncated: rows.length > limit };
}

const POI_LIMIT = 2000;

/**
 * What of a municipality the map cannot draw as points: zones without a position by source with their
 * APs, and the APs on buses (shown through the bus layer's depots and routes).
 */
export async function countUnplaced(db: Db, { municipalityId }: { municipalityId: number }) {
  const [zones, busAps] = await Promise.all([
    db
      .select({
        program: sql<number>`(count(*) filter (where ${s.sites.programId} is not null))::int`,
        other: sql<number>`(count(*) filter (where ${s.sites.programId} is null))::int`,
        programAps: sql<number>`coalesce(sum(${siteApCount}) filter (where ${s.sites.programId} is not null), 0)::int`,
        otherAps: sql<number>`coalesce(sum(${siteApCount}) filter (where ${s.sites.programId} is null), 0)::int`,
      })
      .from(s.sites)
      .where(and(eq(s.sites.municipalityId, municipalityId), isNull(s.sites.lat), siteInInventory)),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(s.accessPoints)
      .where(and(eq(s.accessPoints.municipalityId, municipalityId), isNotNull(s.accessPoints.busId))),
  ]);
  const z = zones[0]!;
  return { zones: { program: z.program, other: z.other }, zoneAps: { program: z.programAps, other: z.otherAps }, busAps: busAps[0]!.n };
}
export type Unplaced = Awaited<ReturnType<typeof countUnplaced>>;

/** Municipalities by id (for their outlines). */
export async function listMunicipalitiesByIds(db: Db, { ids }: { ids: number[] }) {
  return ids.length ? db.select().from(s.municipalities).where(inArray(s.municipalities.id, ids)) : [];
}

export async function listPoisInView(db: Db, { bbox, kinds }: { bbox: BBox; kinds?: PoiKind[] }) {
  const rows = await db
    .select({
      id: s.pointsOfInterest.id,
      kind: s.pointsOfInterest.kind,
      name: s.pointsOfInterest.name,
      address: s.pointsOfInterest.address,
      lat: sql<number>`${s.pointsOfInterest.lat}`,
      lng: sql<number>`${s.pointsOfInterest.lng}`,
      source: s.pointsOfInterest.source,
      municipalityId: s.pointsOfInterest.municipalityId,
    })
    .from(s.pointsOfInterest)
    .where(
      and(
        isNotNull(s.pointsOfInterest.lat),
        withinBBox(s.pointsOfInterest.lat, s.pointsOfInterest.lng, bbox),
        kinds && kinds.length ? inArray(s.pointsOfInterest.kind, kinds) : undefined,
      ),
    )
    .orderBy(asc(s.pointsOfInterest.id))
    .limit(POI_LIMIT + 1);
  return { items: rows.slice(0, POI_LIMIT), truncated: rows.length > POI_LIMIT };
}

/** Bus operators with their bus and AP counts; the depot position when known. */
export async function listBusOperatorsForMap(db: Db, { municipalityId }: { municipalityId: number }) {
  return db
    .select({
      id: s.busOperators.id,
      name: s.busOperators.name,
      depotLat: s.busOperators.depotLat,
      depotLng: s.busOperators.depotLng,
      provenance: s.busOperators.provenance,
      buses: sql<number>`(select count(*)::int from buses b where b.operator_id = "bus_operators"."id")`,
      accessPoints: sql<number>`(select count(*)::int from access_points ap join buses b on b.id = ap.bus_id where b.operator_id = "bus_operators"."id")`,
    })
    .from(s.busOperators)
    .where(eq(s.busOperators.municipalityId, municipalityId))
    .orderBy(asc(s.busOperators.name));
}

/** Bus routes whose line is known, with how many buses run them. */
export async function listBusRoutesForMap(db: Db, { municipalityId }: { municipalityId: number }) {
  return db
    .select({
      id: s.busRoutes.id,
      routeNumber: s.busRoutes.routeNumber,
      geometry: s.busRoutes.geometry,
      provenance: s.busRoutes.provenance,
      buses: sql<number>`(select count(*)::int from buses b where b.municipality_id = "bus_routes"."municipality_id" and "bus_routes"."route_number" = any(b.routes))`,
    })
    .from(s.busRoutes)
    .where(eq(s.busRoutes.municipalityId, municipalityId))
    .orderBy(asc(s.busRoutes.routeNumber));
}
