"use client";
// Access points of the viewport: numbered cluster markers, or one circle per AP coloured by status
// (estimated positions hollow and dashed). Clicking a cluster zooms into it; clicking an AP selects it
// together with every AP drawn at nearly the same spot.
import L from "leaflet";
import { useEffect, useMemo, useRef } from "react";
import { CircleMarker, useMap } from "react-leaflet";
import type { ApPointProps, ClusterProps, MapFeatures } from "@/lib/map-types";
import { AP_STATUS_COLOURS, isEstimated, OUTSIDE_COLOUR } from "@/lib/map-style";
import { position } from "./positions";

const NEAR_PX = 10;
const CANVAS_ABOVE = 400;

// Icons are cached by count, so a re-render hands Leaflet the same icon and it leaves the marker alone.
const clusterIcons = new Map<string, L.DivIcon>();

function clusterIcon(count: number, label: string): L.DivIcon {
  const key = `${count}|${label}`;
  const cached = clusterIcons.get(key);
  if (cached) return cached;
  if (clusterIcons.size > 5000) clusterIcons.clear();
  const size = count < 100 ? 34 : count < 10_000 ? 42 : 52;
  const text = count >= 10_000 ? `${Math.round(count / 1000)}k` : String(count);
  const icon = L.divIcon({
    className: "ap-cluster",
    html: `<span aria-label="${label}">${text}</span>`,
    iconSize: [size, size],
  });
  clusterIcons.set(key, icon);
  return icon;
}

type ClusterFeature = MapFeatures["features"][number];

/**
 * Cluster markers kept by Leaflet itself rather than rendered through React: each redraw adds the
 * cells that came into view, relabels those whose count changed and removes those that left, so a
 * pan touches a few dozen markers instead of reconciling all of them.
 */
function ClusterMarkers({ features, clusterLabel }: { features: ClusterFeature[]; clusterLabel: (count: number) => string }) {
  const map = useMap();
  const group = useMemo(() => L.layerGroup(), []);
  const markers = useRef(new Map<string, { marker: L.Marker; bounds: ClusterProps["bounds"] }>());
  useEffect(() => {
    group.addTo(map);
    return () => {
      group.remove();
    };
  }, [map, group]);
  useEffect(() => {
    const next = new Map<string, { marker: L.Marker; bounds: ClusterProps["bounds"] }>();
    const added: L.Marker[] = [];
    for (const f of features) {
      const id = String(f.id);
      const p = f.properties as ClusterProps;
      const [lng, lat] = f.geometry.coordinates as [number, number];
      const label = clusterLabel(p.count);
      const icon = clusterIcon(p.count, label);
      const kept = markers.current.get(id);
      if (kept) {
        if (kept.marker.options.icon !== icon) {
          kept.marker.setIcon(icon);
          kept.marker.getElement()?.setAttribute("title", label);
        }
        const at = kept.marker.getLatLng();
        if (at.lat !== lat || at.lng !== lng) kept.marker.setLatLng([lat, lng]);
        kept.bounds = p.bounds;
        next.set(id, kept);
        continue;
      }
      const entry = { marker: L.marker([lat, lng], { icon, keyboard: true, title: label }), bounds: p.bounds };
      entry.marker.on("click", () => {
        const [w, s, e, n] = entry.bounds;
        map.fitBounds([
          [s, w],
          [n, e],
        ]);
      });
      added.push(entry.marker);
      next.set(id, entry);
    }
    for (const [id, { marker }] of markers.current) if (!next.has(id)) group.removeLayer(marker);
    for (const marker of added) group.addLayer(marker);
    markers.current = next;
  }, [features, clusterLabel, group, map]);
  useEffect(
    () => () => {
      group.clearLayers();
      markers.current.clear();
    },
    [group],
  );
  return null;
}

export function ApLayer({
  data,
  clusterLabel,
  onSelect,
  selectedId,
}: {
  data: MapFeatures;
  clusterLabel: (count: number) => string;
  onSelect: (ids: number[]) => void;
  selectedId: number | null;
}) {
  const map = useMap();
  // SVG keeps each AP a DOM element (styleable, testable); past a few hundred, canvas draws faster.
  const canvas = useMemo(() => L.canvas({ padding: 0.5 }), []);
  const points = useMemo(
    () => data.features.filter((f) => f.properties.kind === "ap") as { geometry: { coordinates: number[] }; properties: ApPointProps }[],
    [data],
  );

  if (data.mode === "clusters") return <ClusterMarkers features={data.features} clusterLabel={clusterLabel} />;

  const pick = (lat: number, lng: number) => {
    const here = map.latLngToContainerPoint([lat, lng]);
    const near = points
      .filter((q) => {
        const [qlng, qlat] = q.geometry.coordinates as [number, number];
        return map.latLngToContainerPoint([qlat, qlng]).distanceTo(here) <= NEAR_PX;
      })
      .map((q) => q.properties.id);
    onSelect(near.length ? near : []);
  };

  return (
    <>
      {/* An AP outside its municipality's outline: a red dashed ring around its dot. */}
      {points
        .filter((f) => f.properties.outside)
        .map((f) => {
          const [lng, lat] = f.geometry.coordinates as [number, number];
          return (
            <CircleMarker
              key={`outside-${f.properties.id}`}
              center={position(lat, lng)}
              radius={11}
              className="ap-outside"
              interactive={false}
              pathOptions={{ color: OUTSIDE_COLOUR, weight: 2, dashArray: "4 3", fill: false }}
            />
          );
        })}
      {points.map((f) => {
        const p = f.properties;
        const [lng, lat] = f.geometry.coordinates as [number, number];
        const colour = AP_STATUS_COLOURS[p.status];
        const estimated = isEstimated(p.provenance);
        const selected = p.id === selectedId;
        return (
          <CircleMarker
            key={p.id}
            center={position(lat, lng)}
            radius={selected ? 9 : 6}
            className={`ap-point ap-${p.status}${estimated ? " ap-estimated" : ""}${selected ? " ap-selected" : ""}`}
            pathOptions={{
              renderer: points.length > CANVAS_ABOVE ? canvas : undefined,
              color: selected ? "#111827" : colour,
              weight: selected ? 3 : 2,
              fillColor: colour,
              fillOpacity: estimated ? 0.15 : 0.85,
              dashArray: estimated ? "3 2" : undefined,
            }}
            eventHandlers={{ click: () => pick(lat, lng) }}
          />
        );
      })}
    </>
  );
}
