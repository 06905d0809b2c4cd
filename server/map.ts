// The map's layers: AP clusters or points, zones, reference places, bus operators and routes (all public).
import { getMapFeatures as queryFeatures, listBusOperatorsForMap, listBusRoutesForMap, listPoisInView, listZonesInView } from "../db/queries/map";
import type { PoiKind, SiteCategory } from "../lib/domain";
import type { BBox, MapFeaturesQuery } from "../lib/query-params";
import type { NationalContext, RequestContext } from "./context";

/** A map layer covers the whole inventory unless the request names a municipality. */
const scope = (ctx: NationalContext) => ctx.municipality?.id;

export async function getMapFeatures(ctx: NationalContext, { municipality: _m, ...query }: MapFeaturesQuery) {
  return queryFeatures(ctx.db, { ...query, municipalityId: scope(ctx) });
}

type ZonesQuery = { bbox: BBox; limit?: number; stage?: "planning" | "built"; year?: number; category?: SiteCategory; q?: string; municipality?: string };

export async function listZones(ctx: NationalContext, { municipality: _m, ...query }: ZonesQuery) {
  return listZonesInView(ctx.db, { ...query, municipalityId: scope(ctx) });
}

export async function listPois(ctx: NationalContext, query: { bbox: BBox; kinds?: PoiKind[] }) {
  return listPoisInView(ctx.db, query);
}

export async function listOperators(ctx: RequestContext) {
  return { items: await listBusOperatorsForMap(ctx.db, { municipalityId: ctx.municipality.id }) };
}

export async function listRoutes(ctx: RequestContext) {
  return { items: await listBusRoutesForMap(ctx.db, { municipalityId: ctx.municipality.id }) };
}
