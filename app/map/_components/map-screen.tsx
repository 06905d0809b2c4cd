"use client";
// The map screen: composes the hooks that hold its URL state, its view, the visible layers' data and
// the add-candidate flow, with the controls, the detail panel and the one dynamic entry to Leaflet.
import { classBreaks } from "@/lib/choropleth";
import type { Unplaced } from "@/server/map";
import dynamic from "next/dynamic";
import { useLocale, useTranslations } from "next-intl";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { AtlasMapProps, MapView } from "@/components/map/atlas-map";
import type { GapMarker } from "@/components/map/gap-layer";
import type { Area } from "@/lib/geo";
import { GAP_CATEGORY } from "@/lib/planning";
import { hrefWith } from "@/lib/url";
import { CandidateForm } from "../../_components/candidate-form";
import { useErrorText } from "../../_components/use-error-text";
import { MapControls } from "./map-controls";
import { MapDetail } from "./map-detail";
import { useAddCandidate } from "./use-add-candidate";
import { prefetchFeatures, useMapLayers } from "./use-map-layers";
import { useMapUrlState, useUrlSync } from "./use-map-url-state";
import { useMapView } from "./use-map-view";

const loadAtlasMap = () => import("@/components/map/atlas-map");
// Start fetching the map code as soon as this module runs in the browser, not when the map first renders.
if (typeof window !== "undefined") void loadAtlasMap();

const AtlasMap = dynamic(() => loadAtlasMap().then((m) => m.AtlasMap), {
  ssr: false,
  loading: () => <div className="atlas-map map-loading" />,
});

export type PartnerOption = { id: number; nameKo: string; nameEn: string | null };

export function MapScreen({
  home,
  outline,
  dongsUrl,
  tiles,
  partners,
  years,
  planning,
  unplaced,
  municipalityName,
}: {
  home: [number, number, number, number];
  /** The municipality's outline, sent with the page (no request before the map can draw), or null when unknown. */
  outline: Area | null;
  /** Its 읍면동 outlines, where the app ships them. */
  dongsUrl: string | null;
  tiles: { url: string; attribution: string } | null;
  partners: PartnerOption[];
  years: number[];
  /** For planners: the years a candidate can be planned for; null hides "add candidate". */
  planning: { years: number[] } | null;
  /** What of the municipality the map cannot draw as points. */
  unplaced: Unplaced;
  municipalityName: string;
}) {
  const t = useTranslations("map");
  const tk = useTranslations();
  const errorText = useErrorText();
  const locale = useLocale();
  const { state, setState, update, addOnOpen } = useMapUrlState();

  // The map's callbacks read the latest state without being remade on every change of it.
  const stateRef = useRef(state);
  useEffect(() => {
    stateRef.current = state;
  }, [state]);
  const prefetch = useCallback((v: MapView) => prefetchFeatures(v, stateRef.current), []);
  const [opening] = useState(() => (state.center && state.zoom !== null ? { center: state.center, zoom: state.zoom } : null));
  const { stageRef, initial, view, onView, onZoomStart } = useMapView({ home, opening, prefetch });
  useUrlSync(state, view);

  const layers = useMapLayers(state, view);
  const { on } = layers;
  const add = useAddCandidate({ allowed: planning !== null, openOnStart: addOnOpen, setState, refresh: layers.refreshZones });

  const [baseLoaded, setBaseLoaded] = useState(false);
  const onBaseLoaded = useCallback(() => setBaseLoaded(true), []);
  const ready = baseLoaded && layers.apsLoaded;

  const [apGroup, setApGroup] = useState<number[]>([]);
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

  const proposeGap = useMemo(
    () =>
      planning
        ? {
            label: tk("gaps.propose"),
            href: (g: GapMarker) => hrefWith("/candidates", {}, { name: g.name, category: GAP_CATEGORY[g.kind], lat: g.lat, lng: g.lng }),
          }
        : null,
    [planning, tk],
  );

  // The residents layer's classes: voters per AP over the 읍면동 that have APs (those without are marked apart).
  const residents = useMemo(() => ({ dongs: layers.residents, breaks: classBreaks(layers.residents.map((d) => d.votersPerActiveAp)) }), [layers.residents]);

  // One labels object for the map's lifetime: the layers (the clusters' canvas among them) then
  // see the same functions on every render instead of new ones.
  const labels = useMemo<AtlasMapProps["labels"]>(
    () => ({
      cluster: (count) => t("cluster", { count }),
      clusterList: t("clusterList"),
      zone: (z) => `${t("zoneMarker", { name: z.name, count: z.apCount })}${z.outside ? ` · ${t("outside")}` : ""}`,
      poiKind: (kind) => tk(`poiKind.${kind}`),
      poiLetter: (kind) => tk(`poiLetter.${kind}`),
      boundaryAttribution: t("boundaryAttribution"),
      outside: t("outside"),
      depot: (name, count) => t("depot", { name, count }),
      route: (r) => t("route", { route: r.routeNumber, count: r.buses }),
      dong: (d) =>
        d.activeAps
          ? t("dongTooltip", { name: d.nameKo, voters: d.registeredVoters2022 ?? 0, aps: d.activeAps, perAp: d.votersPerActiveAp ?? 0 })
          : t("dongTooltipNoAp", { name: d.nameKo, voters: d.registeredVoters2022 ?? 0 }),
    }),
    [t, tk],
  );

  return (
    <div className="map-screen">
      <MapControls
        state={state}
        update={update}
        partners={partners}
        years={years}
        features={layers.aps}
        zoneCount={layers.zonesLoaded ? layers.zoneCount : null}
        zonesTruncated={layers.zonesTruncated}
        zones={layers.zones}
        operators={layers.operators}
        onSelectZone={selectZone}
        onSelectOperator={selectOperator}
        hasTiles={tiles !== null}
        adding={planning ? add.adding : null}
        onToggleAdding={add.toggle}
        unplaced={unplaced}
        municipalityName={municipalityName}
        residents={residents}
      />
      <div className="map-stage" ref={stageRef}>
        {layers.error ? (
          <p className="notice notice-error map-error" role="alert">
            {t("error", { message: errorText(layers.error) })}
          </p>
        ) : null}
        {initial ? (
          <AtlasMap
            locale={locale}
            initial={initial}
            outline={outline}
            dongsUrl={dongsUrl}
            tiles={tiles && on("tiles") ? tiles : null}
            aps={layers.aps}
            zones={layers.zones}
            pois={layers.pois}
            residents={residents}
            gaps={layers.gaps}
            proposeGap={proposeGap}
            depots={layers.operators}
            routes={layers.routes}
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
            pick={add.pick}
          />
        ) : null}
        {ready ? <span data-testid="map-ready" data-features={layers.drawnKey} hidden /> : null}
      </div>
      {add.adding && planning ? (
        <aside className="map-detail" aria-label={t("addCandidate")} data-testid="add-candidate-panel">
          <h2>{t("addCandidate")}</h2>
          {add.addedName ? (
            <p className="notice" role="status">
              {tk("candidates.added", { name: add.addedName })}
            </p>
          ) : null}
          {add.picked ? (
            <CandidateForm compact years={planning.years} prefill={{ lat: add.picked.lat, lng: add.picked.lng }} onCreated={add.onCreated} />
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
