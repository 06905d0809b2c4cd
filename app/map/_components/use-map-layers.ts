"use client";
// The data of the map's visible layers, one SWR key (an API URL) each: APs first, then the zones and
// places of the same view once its APs are in, so the requests do not compete for the same cores.
import { useCallback, useMemo } from "react";
import useSWR, { preload } from "swr";
import type { MapView } from "@/components/map/atlas-map";
import type { GapMarker } from "@/components/map/gap-layer";
import { fetchAllPages, fetchJson } from "@/lib/fetcher";
import { formatBBox } from "@/lib/map-grid";
import { filterParams, type MapState } from "@/lib/map-state";
import { isPlanning } from "@/lib/map-style";
import type { DongDemand, MapFeatures, OperatorSummary, PoiMarker, RouteLine, ZoneMarker } from "@/lib/map-types";
import { hrefWith } from "@/lib/url";

/** The most zones the map draws as markers (and lists) at once. */
export const ZONES_ON_MAP = 300;
const NONE: never[] = [];

const featuresUrl = (v: Pick<MapView, "bbox" | "zoom">, state: MapState) =>
  hrefWith("/api/map/features", {}, { bbox: formatBBox(v.bbox), zoom: String(v.zoom), ...filterParams(state) });
/** The APs of a view, tagged with the URL they answer: which view is drawn is then read off the data itself. */
const fetchFeatures = (url: string) => fetchJson<MapFeatures>(url).then((data) => ({ url, data }));
const bboxOf = (url: string | undefined) => (url ? new URLSearchParams(url.slice(url.indexOf("?") + 1)).get("bbox") : null);

type Zones = { items: ZoneMarker[]; truncated: boolean };

export function useMapLayers(state: MapState, view: MapView | null) {
  const { layers } = state;
  const on = useCallback((layer: MapState["layers"][number]) => layers.includes(layer), [layers]);
  const filters = filterParams(state);

  const featuresKey = view && on("aps") ? featuresUrl(view, state) : null;
  const features = useSWR(featuresKey, fetchFeatures, { keepPreviousData: true });
  // Which view's APs are on screen (the previous view's stay drawn while the next one loads).
  const drawnKey = features.data?.url ?? "";
  const apsSettled = !on("aps") || drawnKey === featuresKey || features.error !== undefined;
  const bbox = view ? formatBBox(view.bbox) : null;
  const layersBbox = apsSettled ? bbox : bboxOf(drawnKey);

  // One request for the zone layers that are on (built zones, zones in planning, or both); when
  // both are on and the built ones are too many to draw, the few in planning are asked for alone.
  const zonesUrl = (stage: "planning" | "built" | undefined) =>
    hrefWith(
      "/api/map/zones",
      {},
      {
        bbox: layersBbox!,
        limit: String(ZONES_ON_MAP),
        stage,
        year: filters.year,
        category: filters.category,
        source: filters.source,
        q: filters.q,
      },
    );
  const zones = useSWR<Zones>(
    layersBbox && (on("zones") || on("candidates")) ? zonesUrl(on("zones") && on("candidates") ? undefined : on("zones") ? "built" : "planning") : null,
    fetchJson,
    { keepPreviousData: true },
  );
  const planningZones = useSWR<Zones>(layersBbox && on("zones") && on("candidates") && zones.data?.truncated ? zonesUrl("planning") : null, fetchJson, {
    keepPreviousData: true,
  });
  const pois = useSWR<{ items: PoiMarker[] }>(layersBbox && on("pois") ? hrefWith("/api/map/pois", {}, { bbox: layersBbox }) : null, fetchJson, {
    keepPreviousData: true,
  });
  // Every place without Wi-Fi, not the list's first page.
  const gaps = useSWR<{ items: GapMarker[] }>(on("gaps") ? "/api/gaps" : null, fetchAllPages<GapMarker>);
  const operators = useSWR<{ items: OperatorSummary[] }>(on("buses") ? "/api/map/operators" : null, fetchJson);
  const routes = useSWR<{ items: RouteLine[] }>(on("buses") ? "/api/map/routes" : null, fetchJson);
  const residents = useSWR<{ items: DongDemand[] }>(on("residents") ? "/api/map/residents" : null, fetchJson);

  // Past ZONES_ON_MAP zones in view (a national or regional view) the zones are not drawn: the AP
  // clusters show where things are, and the panel says to zoom in.
  const zonesTruncated = zones.data?.truncated ?? false;
  const visibleZones = useMemo(() => {
    if (!zonesTruncated) return (zones.data?.items ?? []).filter((z) => (isPlanning(z.status) ? layers.includes("candidates") : layers.includes("zones")));
    return planningZones.data && !planningZones.data.truncated && layers.includes("candidates") ? planningZones.data.items : NONE;
  }, [zones.data, planningZones.data, zonesTruncated, layers]);

  return {
    on,
    aps: on("aps") ? features.data?.data : undefined,
    apsLoaded: !on("aps") || features.data !== undefined || features.error !== undefined,
    drawnKey,
    zones: visibleZones,
    zoneCount: zonesTruncated ? ZONES_ON_MAP : visibleZones.length,
    /** The view's zones have arrived (or failed): until then there is no count to show. */
    zonesLoaded: zones.data !== undefined || zones.error !== undefined,
    zonesTruncated,
    refreshZones: zones.mutate,
    pois: on("pois") ? (pois.data?.items ?? NONE) : NONE,
    gaps: on("gaps") ? (gaps.data?.items ?? NONE) : NONE,
    operators: on("buses") ? (operators.data?.items ?? NONE) : NONE,
    routes: on("buses") ? (routes.data?.items ?? NONE) : NONE,
    residents: on("residents") ? (residents.data?.items ?? NONE) : NONE,
    error: features.error ?? gaps.error ?? zones.error ?? pois.error ?? operators.error ?? routes.error ?? residents.error,
  };
}

/** Asks for a view's APs at once, before React re-renders; SWR picks up the same request. */
export function prefetchFeatures(v: Pick<MapView, "bbox" | "zoom">, state: MapState) {
  if (state.layers.includes("aps")) void preload(featuresUrl(v, state), fetchFeatures);
}
