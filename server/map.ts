// The map's layers: AP clusters or points, zones, reference places, bus operators and routes (all public).
// A point outside its own municipality's outline is flagged (`outside`), so the map marks it instead of
// drawing it as if it belonged there.
import type { Db } from "../db/client";
import {
  countUnplaced,
  getMapFeatures as queryFeatures,
  listBusOperatorsForMap,
  listBusRoutesForMap,
  listMunicipalitiesByIds,
  listPoisInView,
  listZonesInView,
  type ZonesInViewQuery,
} from "../db/queries/map";
import type { PoiKind } from "../lib/domain";
import { containsPoint, type Area } from "../lib/geo";
import type { BBox, MapFeaturesQuery } from "../lib/query-params";
import type { NationalContext, RequestContext } from "./context";
import { tenantMap } from "./tenant";

/** A map layer covers the whole inventory unless the request names a municipality. */
const scope = (ctx: NationalContext) => ctx.municipality?.id;

/** Outlines by municipality id, kept for the process: they change only with a new boundary release. */
const outlines = new Map<number, Area | null>();

/** Marks the points that lie outside their municipality's outline; those of a municipality without one stay unmarked. */
export async function flagOutside<T extends { municipalityId: number; lat: number; lng: number }>(db: Db, items: T[]): Promise<(T & { outside?: boolean })[]> {
  const missing = [...new Set(items.map((i) => i.municipalityId))].filter((id) => !outlines.has(id));
  for (const m of await listMunicipalitiesByIds(db, { ids: missing })) outlines.set(m.id, tenantMap(m).outline);
  return items.map((i) => {
    const outline = outlines.get(i.municipalityId);
    return outline && !containsPoint(outline, i) ? { ...i, outside: true } : i;
  });
}

export async function getMapFeatures(ctx: NationalContext, { municipality: _m, ...query }: MapFeaturesQuery) {
  const features = await queryFeatures(ctx.db, { ...query, municipalityId: scope(ctx) });
  if (features.mode !== "points") return features;
  const points = features.features.map((f) => {
    const props = f.properties;
    const municipalityId = props.kind === "ap" ? props.municipalityId : 0;
    return { f, lat: f.geometry.coordinates[1] ?? Number.NaN, lng: f.geometry.coordinates[0] ?? Number.NaN, municipalityId };
  });
  const flagged = await flagOutside(ctx.db, points);
  return { ...features, features: flagged.map((p) => (p.outside ? { ...p.f, properties: { ...p.f.properties, outside: true } } : p.f)) };
}

type ZonesQuery = Omit<ZonesInViewQuery, "municipalityId"> & { municipality?: string };

export async function listZones(ctx: NationalContext, { municipality: _m, ...query }: ZonesQuery) {
  const zones = await listZonesInView(ctx.db, { ...query, municipalityId: scope(ctx) });
  return { ...zones, items: await flagOutside(ctx.db, zones.items) };
}

export async function listPois(ctx: NationalContext, query: { bbox: BBox; kinds?: PoiKind[] }) {
  const pois = await listPoisInView(ctx.db, query);
  return { ...pois, items: await flagOutside(ctx.db, pois.items) };
}

/** What of the current municipality the map cannot draw as points (public counts). */
export async function unplacedOf(ctx: RequestContext) {
  return countUnplaced(ctx.db, { municipalityId: ctx.municipality.id });
}
export type Unplaced = Awaited<ReturnType<typeof unplacedOf>>;

export async function listOperators(ctx: RequestContext) {
  return { items: await listBusOperatorsForMap(ctx.db, { municipalityId: ctx.municipality.id }) };
}

export async function listRoutes(ctx: RequestContext) {
  return { items: await listBusRoutesForMap(ctx.db, { municipalityId: ctx.municipality.id }) };
}
