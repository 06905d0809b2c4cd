"use client";
// Zones: a marker per zone showing its AP count, coloured by category; zones still in planning
// (candidate, surveyed, approved) are drawn dashed. A zone's extent is drawn when known.
import L from "leaflet";
import { GeoJSON, Marker } from "react-leaflet";
import type { ZoneMarker } from "@/lib/map-types";
import { CATEGORY_COLOURS, isPlanning } from "@/lib/map-style";

function zoneIcon(zone: ZoneMarker, selected: boolean): L.DivIcon {
  const colour = CATEGORY_COLOURS[zone.category];
  const planning = isPlanning(zone.status);
  return L.divIcon({
    className: `zone-marker${planning ? " zone-planning" : ""}${selected ? " zone-selected" : ""}`,
    html: `<span style="border-color:${colour};${planning ? "" : `background:${colour};`}">${zone.apCount}</span>`,
    iconSize: [30, 22],
  });
}

export function ZoneLayer({
  zones,
  selectedId,
  onSelect,
  describe,
}: {
  zones: ZoneMarker[];
  selectedId: number | null;
  onSelect: (id: number) => void;
  describe: (zone: ZoneMarker) => string;
}) {
  return (
    <>
      {zones.map((z) => (
        <Marker
          key={`${z.id}-${z.apCount}-${z.status}-${z.id === selectedId}`}
          position={[z.lat, z.lng]}
          icon={zoneIcon(z, z.id === selectedId)}
          title={describe(z)}
          alt={describe(z)}
          keyboard
          zIndexOffset={z.id === selectedId ? 1000 : 0}
          eventHandlers={{ click: () => onSelect(z.id) }}
        />
      ))}
      {zones
        .filter((z) => z.extent)
        .map((z) => (
          <GeoJSON
            key={`extent-${z.id}`}
            data={z.extent as GeoJSON.Geometry}
            style={{ color: CATEGORY_COLOURS[z.category], weight: 1.5, fillOpacity: 0.08, dashArray: isPlanning(z.status) ? "5 4" : undefined }}
          />
        ))}
    </>
  );
}
