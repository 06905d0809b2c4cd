"use client";
// The data of the map's visible layers, one SWR key (an API URL) each: APs first, then the zones and
// places of the same view once its APs are in, so the requests do not compete for the same cores.
// The APs are asked for over an area around the view and each view's are cut from its answer
// (`lib/map-area.ts`): a pan inside the area draws at once.
import { useCallback, useDeferredValue, useMemo, useState } from "react";
import useSWR, { preload } from "swr";
import type { MapView } from "@/components/map/atlas-map";
import type { GapMarker } from "@/components/map/gap-layer";
import { fetchAllPages, fetchJson } from "@/lib/fetcher";
import { cutToView } from "@/lib/map-area";
import { formatBBox, sentBBox } from "@/lib/map-grid";
import { filterParams, type MapState } from "@/lib/map-state";
import { isPlanning } from "@/lib/map-style";
import type { DongDemand, MapFeatures, OperatorSummary, PoiMarker, RouteLine, ZoneMarker } from "@/lib/map-types";
import { bboxParam, MAX_POINTS, type BBox } from "@/lib/query-params";
import { hrefWith } from "@/lib/url";

/** The most zones the map draws as markers (and lists) at once. */
export const ZONES_ON_MAP = 300;
const NONE: never[] = [];

const featuresUrl = (bbox: BBox, zoom: number, state: MapState) =>
  hrefWith("/api/map/features", {}, { bbox: formatBBox(bbox), zoom: String(zoom), ...filterParams(state) });
/** The APs of a view or an area, tagged with the URL they answer: which view is drawn is then read off the data itself. */
type Answer = { url: string; data: MapFeatures };
const fetchFeatures = (url: string): Promise<Answer> => fetchJson<MapFeatures>(url).then((data) => ({ url, data }));
const paramsOf = (url: string) => new URLSearchParams(url.slice(url.indexOf("?") + 1));
const bboxOf = (url: string | undefined) => (url ? paramsOf(url).get("bbox") : null);
/** Whether two answers differ in their bounds alone (the same zoom and filters). */
const sameBut = (a: string, b: string) => {
  const [pa, pb] = [paramsOf(a), paramsOf(b)];
  pa.delete("bbox");
  pb.delete("bbox");
  return pa.toString() === pb.toString();
};

/**
 * The view's APs: cut from the area's answer when it covers the view, else asked for alone. While
 * the view's are on their way, the last view's stay drawn.
 */
function useViewFeatures(view: MapView | null, state: MapState, on: boolean) {
  const viewUrl = view && on ? featuresUrl(view.bbox, view.zoom, state) : null;
  // A new area is asked for in a render after the one that draws the view from the area before (when
  // that still covers it), so the request and its answer do not hold up the pan's frame.
  const areaUrl = useDeferredValue(view && on ? featuresUrl(view.area, view.zoom, state) : null);
  const area = useSWR(areaUrl, fetchFeatures, { keepPreviousData: true });
  const cut = useMemo(() => {
    if (!viewUrl || !view || !area.data || !sameBut(area.data.url, viewUrl)) return null;
    return cutToView(area.data.data, bboxParam.parse(bboxOf(area.data.url)), sentBBox(view.bbox), MAX_POINTS);
  }, [area.data, view, viewUrl]);
  // Asked for alone: a view of single points inside an area of clusters, and a view no area answer
  // covers yet (the first, a zoom's, a jump's), which is drawn from its own smaller answer if that comes first.
  const alone = useSWR(cut === "ask" || cut === null ? viewUrl : null, fetchFeatures, { keepPreviousData: true });
  const current = useMemo<Answer | null>(
    () => (cut && cut !== "ask" && viewUrl ? { url: viewUrl, data: cut } : alone.data?.url === viewUrl ? alone.data : null),
    [cut, alone.data, viewUrl],
  );
  // What is drawn: the view's answer once there is one, until then the last view's.
  const [drawn, setDrawn] = useState<Answer | null>(null);
  if (current && current !== drawn) setDrawn(current);
  const shown = current ?? drawn;
  return { shown, settled: current !== null, error: area.error ?? alone.error };
}

type Zones = { items: ZoneMarker[]; truncated: boolean };

export function useMapLayers(state: MapState, view: MapView | null) {
  const { layers } = state;
  const on = useCallback((layer: MapState["layers"][number]) => layers.includes(layer), [layers]);
  const filters = filterParams(state);

  const features = useViewFeatures(view, state, on("aps"));
  // Which view's APs are on screen (the previous view's stay drawn while the next one loads).
  const drawnKey = features.shown?.url ?? "";
  const apsSettled = !on("aps") || features.settled || features.error !== undefined;
  const bbox = view ? formatBBox(view.bbox) : null;
  // The zones and places follow in a render of their own, after the frame that draws the APs.
  const layersBbox = useDeferredValue(apsSettled ? bbox : bboxOf(drawnKey));

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
    aps: on("aps") ? features.shown?.data : undefined,
    apsLoaded: !on("aps") || features.shown !== null || features.error !== undefined,
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

/**
 * Asks for a view no area answer covers, and for its area, at once, before React re-renders; SWR picks
 * up the same requests (or their answers).
 */
export function prefetchFeatures(v: Pick<MapView, "bbox" | "area" | "zoom">, state: MapState) {
  if (!state.layers.includes("aps")) return;
  void preload(featuresUrl(v.bbox, v.zoom, state), fetchFeatures);
  void preload(featuresUrl(v.area, v.zoom, state), fetchFeatures);
}
