"use client";
// Points of interest (markets, tourist spots, parks, parking) as a reference layer: small lettered
// badges, unlike the round AP symbols, named in their tooltip.
import L from "leaflet";
import { Marker, Tooltip } from "react-leaflet";
import type { PoiKind } from "@/lib/domain";
import { POI_COLOURS } from "@/lib/map-style";
import type { PoiMarker } from "@/lib/map-types";

const icons = new Map<string, L.DivIcon>();
function iconFor(kind: PoiKind, letter: string): L.DivIcon {
  const key = `${kind}:${letter}`;
  let icon = icons.get(key);
  if (!icon) {
    icon = L.divIcon({ className: `poi-marker poi-${kind}`, html: `<span style="background:${POI_COLOURS[kind]}">${letter}</span>`, iconSize: [16, 16] });
    icons.set(key, icon);
  }
  return icon;
}

export function PoiLayer({ pois, kindLabel, kindLetter }: { pois: PoiMarker[]; kindLabel: (kind: PoiKind) => string; kindLetter: (kind: PoiKind) => string }) {
  return (
    <>
      {pois.map((p) => (
        <Marker
          key={p.id}
          position={[p.lat, p.lng]}
          icon={iconFor(p.kind, kindLetter(p.kind))}
          title={`${p.name} · ${kindLabel(p.kind)}`}
          keyboard={false}
          zIndexOffset={-500}
        >
          <Tooltip direction="top" offset={[0, -8]}>
            {p.name} · {kindLabel(p.kind)}
          </Tooltip>
        </Marker>
      ))}
    </>
  );
}
