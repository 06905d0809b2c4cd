"use client";
// Points of interest (markets, tourist spots, parks, parking) as a reference layer: small lettered
// badges, unlike the round AP symbols, named in their tooltip.
import L from "leaflet";
import { Marker, Tooltip } from "react-leaflet";
import type { PoiKind } from "@/lib/domain";
import { POI_COLOURS } from "@/lib/map-style";
import type { PoiMarker } from "@/lib/map-types";

const icons = new Map<string, L.DivIcon>();
function iconFor(kind: PoiKind, letter: string, outside: boolean): L.DivIcon {
  const key = `${kind}:${letter}:${outside}`;
  let icon = icons.get(key);
  if (!icon) {
    icon = L.divIcon({
      className: `poi-marker poi-${kind}${outside ? " poi-outside" : ""}`,
      html: `<span style="background:${POI_COLOURS[kind]}">${letter}</span>`,
      iconSize: [16, 16],
    });
    icons.set(key, icon);
  }
  return icon;
}

type PoiLayerProps = {
  pois: PoiMarker[];
  kindLabel: (kind: PoiKind) => string;
  kindLetter: (kind: PoiKind) => string;
  /** Said after the name of a place outside its municipality's outline. */
  outsideLabel: string;
};

export function PoiLayer({ pois, kindLabel, kindLetter, outsideLabel }: PoiLayerProps) {
  return (
    <>
      {pois.map((p) => (
        <Marker
          key={p.id}
          position={[p.lat, p.lng]}
          icon={iconFor(p.kind, kindLetter(p.kind), p.outside ?? false)}
          title={`${p.name} · ${kindLabel(p.kind)}${p.outside ? ` · ${outsideLabel}` : ""}`}
          keyboard={false}
          zIndexOffset={-500}
        >
          <Tooltip direction="top" offset={[0, -8]}>
            {p.name} · {kindLabel(p.kind)}
            {p.outside ? ` · ${outsideLabel}` : ""}
          </Tooltip>
        </Marker>
      ))}
    </>
  );
}
