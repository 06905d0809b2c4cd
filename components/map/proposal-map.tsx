"use client";
// A proposal's zones on a map: the chosen ones filled and numbered in the order chosen, the candidates
// left out hollow; the municipality outlines for context (shipped, no tiles). Fitted to the zones.
import "leaflet/dist/leaflet.css";
import L, { type PathOptions } from "leaflet";
import { useEffect, useMemo } from "react";
import { CircleMarker, GeoJSON, MapContainer, Tooltip, useMap } from "react-leaflet";
import { useTopo } from "./base-layer";

export type ProposalMarker = { siteId: number; name: string; lat: number; lng: number; order: number | null; label: string };

const OUTLINES: PathOptions = { color: "#94a3b8", weight: 1, fill: false };
const CHOSEN: PathOptions = { color: "#0f5e54", weight: 2, fillColor: "#14b8a6", fillOpacity: 0.9 };
const LEFT: PathOptions = { color: "#64748b", weight: 1.5, fillColor: "#ffffff", fillOpacity: 0.8, dashArray: "3 2" };

function FitTo({ bounds }: { bounds: L.LatLngBounds | null }) {
  const map = useMap();
  useEffect(() => {
    if (bounds?.isValid()) map.fitBounds(bounds, { padding: [24, 24], maxZoom: 16, animate: false });
  }, [map, bounds]);
  return null;
}

export function ProposalMap({ markers, attribution }: { markers: ProposalMarker[]; attribution: string }) {
  const outlines = useTopo("/geo/municipalities-topo.json", "skorea_municipalities_2018_geo");
  const bounds = useMemo(() => (markers.length ? L.latLngBounds(markers.map((m) => [m.lat, m.lng] as [number, number])) : null), [markers]);
  return (
    <MapContainer className="proposal-map" center={[35.18, 128.1]} zoom={12} scrollWheelZoom={false} zoomAnimation={false} fadeAnimation={false}>
      {outlines ? <GeoJSON data={outlines} style={OUTLINES} attribution={attribution} interactive={false} /> : null}
      {markers.map((m) => (
        <CircleMarker key={m.siteId} center={[m.lat, m.lng]} radius={m.order === null ? 6 : 9} pathOptions={m.order === null ? LEFT : CHOSEN}>
          <Tooltip permanent={m.order !== null} direction="top">
            {m.label}
          </Tooltip>
        </CircleMarker>
      ))}
      <FitTo bounds={bounds} />
    </MapContainer>
  );
}
