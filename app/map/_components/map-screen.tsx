"use client";
// The map screen: URL state, data for the visible layers (SWR, keyed by API URL), the controls and
// detail panels, and the one dynamic entry to the Leaflet island.
import dynamic from "next/dynamic";
import { useSearchParams } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import useSWR, { preload } from "swr";
import type { AtlasMapProps, MapView } from "@/components/map/atlas-map";
import type { GapMarker } from "@/components/map/gap-layer";
import { GAP_CATEGORY } from "@/lib/planning";
import { OUTLINE_URL } from "@/lib/map-style";
import { fetchJson } from "@/lib/fetcher";
import { hrefWith } from "@/lib/url";
import { fitView, viewBBox } from "@/lib/map-grid";
import { filterParams, MAX_ZOOM, MIN_ZOOM, parseMapState, serializeMapState, type MapState } from "@/lib/map-state";
import { isPlanning } from "@/lib/map-style";
import type { MapFeatures, OperatorSummary, PoiMarker, RouteLine, ZoneMarker } from "@/lib/map-types";
import { MapControls } from "./map-controls";
import { CandidateForm } from "../../_components/candidate-form";
import { MapDetail } from "./map-detail";
import { useErrorText } from "../../_components/use-error-text";

const loadAtlasMap = () => import("@/components/map/atlas-map");
// Start fetching the map code and the city outline as soon as this module runs in the browser,
// not when the map first renders.
if (typeof window !== "undefined") {
  void loadAtlasMap();
  void preload(OUTLINE_URL, fetchJson);
}

const AtlasMap = dynamic(() => loadAtlasMap().then((m) => m.AtlasMap), {
  ssr: false,
  loading: () => <div className="atlas-map map-loading" />,
});

export type PartnerOption = { id: number; nameKo: string; nameEn: string | null };

/** The most zones the map draws as markers (and lists) at once. */
const ZONES_ON_MAP = 300;
const r4 = (v: number) => v.toFixed(4);
const NONE: never[] = [];
const bboxParam = (b: MapView["bbox"]) => [b.minLng, b.minLat, b.maxLng, b.maxLat].map(r4).join(",");
const featuresUrl = (v: Pick<MapView, "bbox" | "zoom">, state: MapState) =>
  hrefWith("/api/map/features", {}, { bbox: bboxParam(v.bbox), zoom: String(v.zoom), ...filterParams(state) });


export function MapScreen({
  home,
  tiles,
  partners,
  years,
  planning,
}: {
  home: [number, number, number, number];
  tiles: { url: string; attribution: string } | null;
  partners: PartnerOption[];
  years: number[];
  /** For planners: the years a candidate can be planned for; null hides "add candidate". */
  planning: { years: number[] } | null;
}) {
  const t = useTranslations("map");
  const tk = useTranslations();
  const errorText = useErrorText();
  const locale = useLocale();
  const searchParams = useSearchParams();
  // The URL is read once; afterwards the state lives here and is written back to the URL, so controls
  // respond at once and a reload or a pasted link restores the same view.
  const [state, setState] = useState<MapState>(() => parseMapState(searchParams));
  const stageRef = useRef<HTMLDivElement>(null);
  const [initial, setInitial] = useState<{ center: { lat: number; lng: number }; zoom: number } | null>(null);
  const [view, setView] = useState<MapView | null>(null);
  // The view last set, read by the map's callbacks without waiting for a render.
  const viewRef = useRef<MapView | null>(null);

  // The first view is worked out here, before the map code has even loaded, so the request for its
  // APs runs while Leaflet is still on its way. Every view's bbox comes from the same function, so
  // the map's own report of that first view asks for nothing new.
  useLayoutEffect(() => {
    const el = stageRef.current!;
    const size = { w: el.clientWidth, h: el.clientHeight };
    const first =
      state.center && state.zoom !== null ? { center: state.center, zoom: state.zoom } : fitView(home, size, { min: MIN_ZOOM, max: MAX_ZOOM });
    setInitial(first);
    viewRef.current = { ...first, bbox: viewBBox(first.center, first.zoom, size) };
    setView(viewRef.current);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const [baseLoaded, setBaseLoaded] = useState(false);
  // "Add candidate" mode (`?add=1` opens in it): a click picks the spot, the side panel holds the form.
  const [adding, setAdding] = useState(() => planning !== null && searchParams.get("add") === "1");
  const [picked, setPicked] = useState<{ lat: number; lng: number } | null>(null);
  const [addedName, setAddedName] = useState<string | null>(null);
  const [apGroup, setApGroup] = useState<number[]>([]);

  const stateRef = useRef(state);
  // The view is written to the URL with the rest, but kept apart from `state`: panning then
  // re-renders only what depends on the view.
  useEffect(() => {
    stateRef.current = state;
    const qs = serializeMapState(view ? { ...state, center: view.center, zoom: view.zoom } : state);
    window.history.replaceState(null, "", qs ? `/map?${qs}` : "/map");
  }, [state, view]);

  const update = useCallback((change: Partial<MapState>) => setState((prev) => ({ ...prev, ...change })), []);

  // Ask for a view's APs at once, before React re-renders; SWR picks up the same request.
  const prefetch = useCallback((v: Pick<MapView, "bbox" | "zoom">) => {
    if (stateRef.current.layers.includes("aps")) void preload(featuresUrl(v, stateRef.current), fetchJson);
  }, []);
  const stageSize = () => {
    const el = stageRef.current;
    return el ? { w: el.clientWidth, h: el.clientHeight } : null;
  };
  // A zoom knows where it is going when its animation starts: the request runs during the animation.
  const onZoomStart = useCallback(
    (target: { center: { lat: number; lng: number }; zoom: number }) => {
      const size = stageSize();
      if (size) prefetch({ zoom: target.zoom, bbox: viewBBox(target.center, target.zoom, size) });
    },
    [prefetch],
  );

  const onView = useCallback(
    (v: MapView) => {
      const size = stageSize();
      const next = size ? { ...v, bbox: viewBBox(v.center, v.zoom, size) } : v;
      const previous = viewRef.current;
      const pixel = 360 / (256 * 2 ** v.zoom);
      // Leaflet rounds its view to whole pixels, so its report of the first view can differ from the
      // one worked out before it loaded by a fraction of a pixel: that is the same view, and asking
      // for it again (with a bbox a digit off) would only fetch the same APs twice.
      if (previous && previous.zoom === v.zoom && Math.abs(previous.center.lat - v.center.lat) < pixel && Math.abs(previous.center.lng - v.center.lng) < pixel) return;
      prefetch(next);
      viewRef.current = next;
      setView(next);
    },
    [prefetch],
  );

  const on = (layer: MapState["layers"][number]) => state.layers.includes(layer);
  const bbox = view ? bboxParam(view.bbox) : null;
  const filters = filterParams(state);

  const featuresKey = bbox && on("aps") ? featuresUrl(view!, state) : null;
  const features = useSWR<MapFeatures>(featuresKey, fetchJson, { keepPreviousData: true });
  // Which viewport's features are on screen, exposed on the ready marker for tests and benchmarks:
  // the current key once its data is in, whether it came from the network or SWR's cache (a view
  // seen before, as after zooming in and out again); meanwhile the previous view's data stays drawn.
  const [drawnKey, setDrawnKey] = useState("");
  if (featuresKey && features.data !== undefined && !features.isLoading && featuresKey !== drawnKey) setDrawnKey(featuresKey);
  // APs first: the zones and places of a new view are asked for once its APs are in (or failed), so
  // the two requests do not compete for the same two cores; meanwhile the last view's stay drawn.
  const [layersBbox, setLayersBbox] = useState<string | null>(null);
  const apsSettled = !on("aps") || (featuresKey !== null && featuresKey === drawnKey) || features.error !== undefined;
  if (bbox && apsSettled && bbox !== layersBbox) setLayersBbox(bbox);
  // One request for the zone layers that are on (built zones, zones in planning, or both); when
  // both are on and the built ones are too many to draw, the few in planning are asked for alone.
  const zonesUrl = (stage: "planning" | "built" | undefined) =>
    hrefWith("/api/map/zones", {}, { bbox: layersBbox!, limit: String(ZONES_ON_MAP), stage, year: filters.year, category: filters.category, q: filters.q });
  const zones = useSWR<{ items: ZoneMarker[]; truncated: boolean }>(
    layersBbox && (on("zones") || on("candidates")) ? zonesUrl(on("zones") && on("candidates") ? undefined : on("zones") ? "built" : "planning") : null,
    fetchJson,
    { keepPreviousData: true },
  );
  const planningZones = useSWR<{ items: ZoneMarker[]; truncated: boolean }>(
    layersBbox && on("zones") && on("candidates") && zones.data?.truncated ? zonesUrl("planning") : null,
    fetchJson,
    { keepPreviousData: true },
  );
  const pois = useSWR<{ items: PoiMarker[] }>(layersBbox && on("pois") ? hrefWith("/api/map/pois", {}, { bbox: layersBbox }) : null, fetchJson, {
    keepPreviousData: true,
  });
  const gaps = useSWR<{ items: GapMarker[] }>(on("gaps") ? "/api/gaps" : null, fetchJson);
  const operators = useSWR<{ items: OperatorSummary[] }>(on("buses") ? "/api/map/operators" : null, fetchJson);
  const routes = useSWR<{ items: RouteLine[] }>(on("buses") ? "/api/map/routes" : null, fetchJson);

  // Past ZONES_ON_MAP zones in view (a national or regional view) the zones are not drawn: the AP
  // clusters show where things are, and the panel says to zoom in.
  const zonesTruncated = zones.data?.truncated ?? false;
  const visibleZones = useMemo(
    () =>
      zonesTruncated
        ? planningZones.data && !planningZones.data.truncated && on("candidates")
          ? planningZones.data.items
          : NONE
        : (zones.data?.items ?? []).filter((z) => (isPlanning(z.status) ? on("candidates") : on("zones"))),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [zones.data, planningZones.data, zonesTruncated, state.layers],
  );

  const ready = baseLoaded && (!on("aps") || features.data !== undefined || features.error !== undefined);
  const onBaseLoaded = useCallback(() => setBaseLoaded(true), []);

  const selectAps = useCallback(
    (ids: number[]) => {
      setApGroup(ids);
      update({ selected: ids.length ? { type: "ap", id: ids[0]! } : undefined });
    },
    [update],
  );

  const selectZone = useCallback((id: number) => update({ selected: { type: "zone", id } }), [update]);
  const selectOperator = useCallback((id: number) => update({ selected: { type: "operator", id } }), [update]);
  const selectAp = useCallback((id: number) => update({ selected: { type: "ap", id } }), [update]);
  const closeDetail = useCallback(() => update({ selected: undefined }), [update]);

  const pick = useMemo(() => (adding ? { at: picked, onPick: setPicked } : null), [adding, picked]);
  const toggleAdding = useCallback(() => {
    setAdding((a) => !a);
    setPicked(null);
    setAddedName(null);
  }, []);

  const proposeGap = useMemo(
    () => (planning ? { label: tk("gaps.propose"), href: (g: GapMarker) => hrefWith("/candidates", {}, { name: g.name, category: GAP_CATEGORY[g.kind], lat: g.lat, lng: g.lng }) } : null),
    [planning, tk],
  );

  // One labels object for the map's lifetime: the layers (the cluster markers' diff among them) then
  // see the same functions on every render instead of new ones.
  const labels = useMemo<AtlasMapProps["labels"]>(
    () => ({
      cluster: (count) => t("cluster", { count }),
      zone: (z) => t("zoneMarker", { name: z.name, count: z.apCount }),
      poiKind: (kind) => tk(`poiKind.${kind}`),
      poiLetter: (kind) => tk(`poiLetter.${kind}`),
      boundaryAttribution: t("boundaryAttribution"),
      depot: (name, count) => t("depot", { name, count }),
      route: (r) => t("route", { route: r.routeNumber, count: r.buses }),
    }),
    [t, tk],
  );

  const error = features.error ?? gaps.error ?? zones.error ?? pois.error ?? operators.error ?? routes.error;

  return (
    <div className="map-screen">
      <MapControls
        state={state}
        update={update}
        partners={partners}
        years={years}
        features={on("aps") ? features.data : undefined}
        zoneCount={zonesTruncated ? ZONES_ON_MAP : visibleZones.length}
        zonesTruncated={zonesTruncated}
        zones={visibleZones}
        operators={on("buses") ? (operators.data?.items ?? NONE) : NONE}
        onSelectZone={selectZone}
        onSelectOperator={selectOperator}
        hasTiles={tiles !== null}
        adding={planning ? adding : null}
        onToggleAdding={toggleAdding}
      />
      <div className="map-stage" ref={stageRef}>
        {error ? (
          <p className="notice notice-error map-error" role="alert">
            {t("error", { message: errorText(error) })}
          </p>
        ) : null}
        {initial ? (
          <AtlasMap
            locale={locale}
            initial={initial}
            tiles={tiles && on("tiles") ? tiles : null}
            aps={on("aps") ? features.data : undefined}
            zones={visibleZones}
            pois={on("pois") ? (pois.data?.items ?? []) : []}
            gaps={on("gaps") ? (gaps.data?.items ?? NONE) : NONE}
            proposeGap={proposeGap}
            depots={on("buses") ? (operators.data?.items ?? []) : []}
            routes={on("buses") ? (routes.data?.items ?? []) : []}
            coverage={on("coverage") ? { radius: state.radius } : null}
            drawn={ready}
            selected={state.selected ?? null}
            labels={labels}
            onView={onView}
            onZoomStart={onZoomStart}
            onBaseLoaded={onBaseLoaded}
            onSelectAps={selectAps}
            onSelectZone={selectZone}
            onSelectOperator={selectOperator}
            pick={pick}
          />
        ) : null}
        {ready ? <span data-testid="map-ready" data-features={drawnKey} hidden /> : null}
      </div>
      {adding && planning ? (
        <aside className="map-detail" aria-label={t("addCandidate")} data-testid="add-candidate-panel">
          <h2>{t("addCandidate")}</h2>
          {addedName ? (
            <p className="notice" role="status">
              {tk("candidates.added", { name: addedName })}
            </p>
          ) : null}
          {picked ? (
            <CandidateForm
              compact
              years={planning.years}
              prefill={{ lat: picked.lat, lng: picked.lng }}
              onCreated={async (site) => {
                setAddedName(site.name);
                setPicked(null);
                await zones.mutate();
                // The new candidate is selected and shown: its layer is switched on if it was off.
                setState((prev) => ({
                  ...prev,
                  selected: { type: "zone", id: site.id },
                  layers: prev.layers.includes("candidates") ? prev.layers : [...prev.layers, "candidates"],
                }));
              }}
            />
          ) : (
            <p className="muted">{t("pickHint")}</p>
          )}
        </aside>
      ) : (
        <MapDetail selected={state.selected ?? null} apGroup={apGroup} onSelectAp={selectAp} onClose={closeDetail} />
      )}
    </div>
  );
}
