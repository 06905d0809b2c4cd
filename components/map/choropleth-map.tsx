"use client";
// The national view's map: 시도 or one 시도's 시군구 from the shipped 2018 boundaries, each filled by
// the class of its figure (lib/choropleth), with its name and figure on hover; clicking one opens it.
import "leaflet/dist/leaflet.css";
import type { Feature, Geometry } from "geojson";
import L, { type PathOptions } from "leaflet";
import { useEffect, useMemo } from "react";
import { GeoJSON, MapContainer, useMap } from "react-leaflet";
import { classOf, colourOf } from "@/lib/choropleth";
import { useTopo } from "./base-layer";

export type ChoroplethArea = { value: number | null; text: string; href: string };

type Props = {
  level: "sido" | "sigungu";
  /** For the 시군구 level: the 2-digit boundary code of the 시도 shown. */
  within?: string;
  /** Figures by boundary code. */
  areas: Record<string, ChoroplethArea>;
  breaks: number[];
  /** The boundaries' source, on the map's attribution line. */
  attribution: string;
};

function FitTo({ bounds }: { bounds: L.LatLngBounds | null }) {
  const map = useMap();
  useEffect(() => {
    // No animation: a person may follow a link (a new page, a new map) before it would end, and an
    // animation frame on a map already removed throws.
    if (bounds?.isValid()) map.fitBounds(bounds, { padding: [12, 12], animate: false });
  }, [map, bounds]);
  return null;
}

export function ChoroplethMap({ level, within, areas, breaks, attribution }: Props) {
  const provinces = useTopo(level === "sido" ? "/geo/provinces-topo.json" : null, "skorea_provinces_2018_geo");
  const municipalities = useTopo(level === "sigungu" ? "/geo/municipalities-topo.json" : null, "skorea_municipalities_2018_geo");
  const shown = useMemo(() => {
    const fc = level === "sido" ? provinces : municipalities;
    if (!fc) return null;
    const features = (fc.features as Feature<Geometry, { code: string; name: string }>[]).filter(
      (f) => level === "sido" || f.properties.code.startsWith(within ?? ""),
    );
    return { type: "FeatureCollection" as const, features };
  }, [level, within, provinces, municipalities]);
  const bounds = useMemo(() => (shown?.features.length ? L.geoJSON(shown).getBounds() : null), [shown]);
  const style = (f?: Feature<Geometry, { code: string }>): PathOptions => {
    const a = f ? areas[f.properties.code] : undefined;
    return { color: "#475569", weight: 0.8, fillColor: colourOf(classOf(a?.value ?? null, breaks), breaks.length), fillOpacity: 0.85 };
  };
  return (
    <MapContainer
      className="national-map"
      center={[36.3, 127.8]}
      zoom={6}
      zoomSnap={0.25}
      scrollWheelZoom={false}
      zoomAnimation={false}
      fadeAnimation={false}
      attributionControl
    >
      {shown ? (
        <GeoJSON
          key={`${level}-${within ?? ""}-${breaks.join(",")}`}
          data={shown}
          attribution={attribution}
          style={style}
          onEachFeature={(f: Feature<Geometry, { code: string; name: string }>, layer) => {
            const a = areas[f.properties.code];
            layer.bindTooltip(a?.text ?? f.properties.name, { sticky: true, direction: "top", className: "choropleth-tooltip" });
            if (a) layer.on("click", () => window.location.assign(a.href));
          }}
        />
      ) : null}
      <FitTo bounds={bounds} />
    </MapContainer>
  );
}
