"use client";
// The map island: a Leaflet map with the offline base map, optional raster tiles, and one component per
// layer. It reports its view (bbox, zoom, centre) and what the user clicks; it fetches nothing itself
// except the shipped boundary files.
import "leaflet/dist/leaflet.css";
import { useCallback, useEffect, useRef, useState } from "react";
import { MapContainer, TileLayer, useMapEvents } from "react-leaflet";
import type { PoiKind } from "@/lib/domain";
import { MAX_ZOOM, MIN_ZOOM } from "@/lib/map-state";
import type { DongDemand, MapFeatures, OperatorSummary, PoiMarker, RouteLine, ZoneMarker } from "@/lib/map-types";
import type { Area } from "@/lib/geo";
import type { BBox } from "@/lib/query-params";
import { ApLayer } from "./ap-layer";
import { prefersReducedMotion } from "./motion";
import { BaseLayer } from "./base-layer";
import { CoverageLayer } from "./coverage-layer";
import { DepotLayer } from "./depot-layer";
import { GapLayer, type GapMarker } from "./gap-layer";
import { PickLayer } from "./pick-layer";
import { PoiLayer } from "./poi-layer";
import { ResidentsLayer } from "./residents-layer";
import { RouteLayer } from "./route-layer";
import { ZoneLayer } from "./zone-layer";

/** Where the map is: what it reports. The screen works out the view's bounds from it, in one place. */
export type MapPlace = { zoom: number; center: { lat: number; lng: number } };
/** A view: where the map is, its bounds, and the larger area its APs are asked for with (`lib/map-area.ts`). */
export type MapView = MapPlace & { bbox: BBox; area: BBox };

export type AtlasMapProps = {
  locale: string;
  initial: { center: { lat: number; lng: number }; zoom: number };
  tiles: { url: string; attribution: string } | null;
  aps: MapFeatures | undefined;
  zones: ZoneMarker[];
  pois: PoiMarker[];
  /** The residents layer's 읍면동 and the class breaks of their voters per AP. */
  residents: { dongs: DongDemand[]; breaks: number[] };
  gaps: GapMarker[];
  /** Where "propose as candidate" leads from a place without Wi-Fi; null for those who may not. */
  proposeGap: { label: string; href: (g: GapMarker) => string } | null;
  depots: OperatorSummary[];
  routes: RouteLine[];
  coverage: { radius: number } | null;
  /** Whether the first data is on screen: the base map then adds its heavier outlines. */
  drawn: boolean;
  selected: { type: string; id: number } | null;
  labels: {
    cluster: (count: number) => string;
    clusterList: string;
    zone: (zone: ZoneMarker) => string;
    poiKind: (kind: PoiKind) => string;
    poiLetter: (kind: PoiKind) => string;
    boundaryAttribution: string;
    /** Said of a point outside its municipality's outline. */
    outside: string;
    depot: (name: string, buses: number) => string;
    route: (route: RouteLine) => string;
    dong: (dong: DongDemand) => string;
  };
  onView: (place: MapPlace) => void;
  /** Where a zoom is heading, as soon as its animation starts: the new view's data can be asked for early. */
  onZoomStart?: (target: { center: { lat: number; lng: number }; zoom: number }) => void;
  onBaseLoaded: () => void;
  /** The municipality's outline and its 읍면동 (where shipped), drawn by the base map. */
  outline: Area | null;
  dongsUrl: string | null;
  onSelectAps: (ids: number[]) => void;
  onSelectZone: (id: number) => void;
  onSelectOperator: (id: number) => void;
  /** "Add candidate" mode: clicks pick a spot instead of nothing. */
  pick?: { at: { lat: number; lng: number } | null; onPick: (p: { lat: number; lng: number }) => void } | null;
};

function ViewWatcher({ onView, onZoomStart }: { onView: (place: MapPlace) => void; onZoomStart?: AtlasMapProps["onZoomStart"] }) {
  const latest = useRef(onView);
  const zoomStart = useRef(onZoomStart);
  useEffect(() => {
    latest.current = onView;
    zoomStart.current = onZoomStart;
  }, [onView, onZoomStart]);
  const map = useMapEvents({
    moveend: () => report(),
    zoomanim: (e) => zoomStart.current?.({ center: { lat: e.center.lat, lng: e.center.lng }, zoom: e.zoom }),
  });
  const report = useCallback(() => {
    const c = map.getCenter();
    latest.current({ zoom: map.getZoom(), center: { lat: c.lat, lng: c.lng } });
  }, [map]);
  useEffect(() => {
    // The first view, once the map has its size; later ones come from moveend.
    map.whenReady(report);
  }, [map, report]);
  return null;
}

export function AtlasMap(props: AtlasMapProps) {
  const [zoom, setZoom] = useState(props.initial.zoom);
  const { initial } = props;
  const onView = props.onView;
  const handleView = useCallback(
    (place: MapPlace) => {
      setZoom(place.zoom);
      onView(place);
    },
    [onView],
  );
  const apPoints =
    props.aps?.mode === "points"
      ? props.aps.features.flatMap((f) =>
          f.properties.kind === "ap" && f.properties.status === "active"
            ? [{ id: f.properties.id, lat: f.geometry.coordinates[1]!, lng: f.geometry.coordinates[0]! }]
            : [],
        )
      : [];
  const selectedOf = (type: string) => (props.selected?.type === type ? props.selected.id : null);
  // Read once: Leaflet takes its animation options when the map is made.
  const [still] = useState(prefersReducedMotion);

  return (
    <MapContainer
      className="atlas-map"
      center={[initial.center.lat, initial.center.lng]}
      zoom={initial.zoom}
      minZoom={MIN_ZOOM}
      maxZoom={MAX_ZOOM}
      worldCopyJump={false}
      attributionControl
      zoomAnimation={!still}
      fadeAnimation={!still}
      markerZoomAnimation={!still}
      inertia={!still}
    >
      <BaseLayer
        zoom={zoom}
        locale={props.locale}
        outline={props.outline}
        dongsUrl={props.dongsUrl}
        attribution={props.labels.boundaryAttribution}
        detail={props.drawn}
        onLoaded={props.onBaseLoaded}
      />
      {props.tiles ? <TileLayer url={props.tiles.url} attribution={props.tiles.attribution} maxZoom={MAX_ZOOM} opacity={0.85} /> : null}
      <ViewWatcher onView={handleView} onZoomStart={props.onZoomStart} />
      <RouteLayer routes={props.routes} describe={props.labels.route} />
      {props.coverage ? <CoverageLayer centres={apPoints} radius={props.coverage.radius} /> : null}
      <GapLayer gaps={props.gaps} propose={props.proposeGap} describe={(g) => `${g.name} · ${props.labels.poiKind(g.kind)}`} />
      {props.residents.dongs.length ? <ResidentsLayer dongs={props.residents.dongs} breaks={props.residents.breaks} describe={props.labels.dong} /> : null}
      <PoiLayer pois={props.pois} kindLabel={props.labels.poiKind} kindLetter={props.labels.poiLetter} outsideLabel={props.labels.outside} />
      <ZoneLayer zones={props.zones} selectedId={selectedOf("zone")} onSelect={props.onSelectZone} describe={props.labels.zone} zoom={zoom} />
      {props.aps ? (
        <ApLayer
          data={props.aps}
          clusterLabel={props.labels.cluster}
          clusterList={props.labels.clusterList}
          onSelect={props.onSelectAps}
          selectedId={selectedOf("ap")}
        />
      ) : null}
      <DepotLayer
        depots={props.depots.flatMap((d) =>
          d.depotLat !== null && d.depotLng !== null ? [{ id: d.id, name: d.name, lat: d.depotLat, lng: d.depotLng, buses: d.buses }] : [],
        )}
        describe={(d) => props.labels.depot(d.name, d.buses)}
        onSelect={props.onSelectOperator}
      />
      {props.pick ? <PickLayer at={props.pick.at} onPick={props.pick.onPick} /> : null}
    </MapContainer>
  );
}
