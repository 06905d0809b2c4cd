"use client";
// Access points of the viewport: numbered clusters on a canvas, or one circle per AP coloured by status
// (estimated positions hollow and dashed). Clicking a cluster zooms into it; clicking an AP selects it
// together with every AP drawn at nearly the same spot.
import L from "leaflet";
import { useCallback, useEffect, useMemo } from "react";
import { createPortal } from "react-dom";
import { CircleMarker, useMap } from "react-leaflet";
import type { ApPointProps, ClusterProps, MapFeatures } from "@/lib/map-types";
import { AP_STATUS_COLOURS, isEstimated, OUTSIDE_COLOUR } from "@/lib/map-style";
import { ClusterCanvas, type CanvasCluster } from "./cluster-canvas";
import { prefersReducedMotion } from "./motion";
import { position } from "./positions";

const NEAR_PX = 10;
const CANVAS_ABOVE = 400;

type ClusterFeature = MapFeatures["features"][number];
type Cluster = CanvasCluster & { bounds: ClusterProps["bounds"] };

/**
 * The clusters on one canvas (`cluster-canvas.ts`), and the same clusters as a list of buttons for the
 * keyboard and screen readers: each names its count, and focusing one rings it on the map.
 */
function ClusterLayer({ features, clusterLabel, listLabel }: { features: ClusterFeature[]; clusterLabel: (count: number) => string; listLabel: string }) {
  const map = useMap();
  const zoomTo = useCallback(
    ({ bounds: [w, s, e, n] }: Cluster) =>
      map.fitBounds(
        [
          [s, w],
          [n, e],
        ],
        { animate: !prefersReducedMotion() },
      ),
    [map],
  );
  const layer = useMemo(() => new ClusterCanvas((c) => zoomTo(c as Cluster)), [zoomTo]);
  useEffect(() => {
    layer.addTo(map);
    return () => {
      layer.remove();
    };
  }, [map, layer]);
  const clusters = useMemo(
    () =>
      features.map((f): Cluster => {
        const p = f.properties as ClusterProps;
        const [lng, lat] = f.geometry.coordinates as [number, number];
        return { id: String(f.id), lat, lng, count: p.count, label: clusterLabel(p.count), bounds: p.bounds };
      }),
    [features, clusterLabel],
  );
  useEffect(() => layer.setClusters(clusters), [layer, clusters]);
  const stage = map.getContainer().parentElement;
  if (!stage) return null;
  return createPortal(
    <ul className="visually-hidden" aria-label={listLabel} data-testid="ap-cluster-list">
      {clusters.map((c) => (
        <li key={c.id}>
          <button
            type="button"
            data-count={c.count}
            onFocus={() => layer.setFocused(c.id)}
            onBlur={() => layer.setFocused(null)}
            onClick={() => {
              zoomTo(c);
              // The button leaves with the cluster: the map takes the focus (arrow keys pan it, and Tab
              // reaches the new view's clusters after the map's controls).
              map.getContainer().focus({ preventScroll: true });
            }}
          >
            {c.label}
          </button>
        </li>
      ))}
    </ul>,
    stage,
  );
}

export function ApLayer({
  data,
  clusterLabel,
  clusterList,
  onSelect,
  selectedId,
}: {
  data: MapFeatures;
  clusterLabel: (count: number) => string;
  /** The name of the list of clusters that keyboard and screen-reader users move through. */
  clusterList: string;
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

  if (data.mode === "clusters") return <ClusterLayer features={data.features} clusterLabel={clusterLabel} listLabel={clusterList} />;

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
