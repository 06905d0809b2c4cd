"use client";
// Zones: a marker per zone showing its AP count, coloured by category; the program's zones are
// squares, the rest of the inventory (standard data etc.) circles; zones still in planning
// (candidate, surveyed, approved) are drawn dashed; a zone outside its municipality's outline gets a
// red ring. A zone's extent is drawn when known. Zoomed out (a whole city), a zone is a small symbol
// without its count, so neighbouring zones do not pile up; the selected zone keeps its count.
// A zone stands just above its point, like a pin, and under the AP clusters: the APs at its point stay
// in sight instead of being covered by it.
import L from "leaflet";
import { GeoJSON, Marker } from "react-leaflet";
import type { ZoneMarker } from "@/lib/map-types";
import { CATEGORY_COLOURS, isPlanning } from "@/lib/map-style";
import { position } from "./positions";

// Icons and extent styles are cached: a re-render (every pan) then hands Leaflet the same objects
// and it leaves the markers and outlines alone instead of rebuilding each one.
const icons = new Map<string, L.DivIcon>();
function zoneIcon(zone: ZoneMarker, selected: boolean, compact: boolean): L.DivIcon {
  const planning = isPlanning(zone.status);
  const small = compact && !selected;
  const key = `${zone.category}|${planning}|${selected}|${zone.source}|${zone.outside ?? false}|${small ? "" : zone.apCount}`;
  let icon = icons.get(key);
  if (!icon) {
    if (icons.size > 5000) icons.clear();
    const colour = CATEGORY_COLOURS[zone.category];
    const [w, h] = small ? [12, 12] : [30, 22];
    icon = L.divIcon({
      className: `zone-marker zone-${zone.source}${planning ? " zone-planning" : ""}${selected ? " zone-selected" : ""}${small ? " zone-compact" : ""}${zone.outside ? " zone-outside" : ""}`,
      html: `<span style="border-color:${colour};${planning ? "" : `background:${colour};`}">${small ? "" : zone.apCount}</span>`,
      iconSize: [w, h],
      // Its bottom edge 5 px above the point (the pin's tip, drawn by CSS, reaches down to it).
      iconAnchor: [w / 2, h + 5],
    });
    icons.set(key, icon);
  }
  return icon;
}

const extentStyles = new Map<string, L.PathOptions>();
function extentStyle(zone: ZoneMarker): L.PathOptions {
  const key = `${zone.category}|${isPlanning(zone.status)}`;
  let style = extentStyles.get(key);
  if (!style) {
    style = { color: CATEGORY_COLOURS[zone.category], weight: 1.5, fillOpacity: 0.08, dashArray: isPlanning(zone.status) ? "5 4" : undefined };
    extentStyles.set(key, style);
  }
  return style;
}

/** Below this zoom (a whole city in view) zones are drawn small, without their AP count. */
export const ZONE_COUNTS_FROM_ZOOM = 13;

export function ZoneLayer({
  zones,
  selectedId,
  onSelect,
  describe,
  zoom,
}: {
  zones: ZoneMarker[];
  selectedId: number | null;
  onSelect: (id: number) => void;
  describe: (zone: ZoneMarker) => string;
  zoom: number;
}) {
  const compact = zoom < ZONE_COUNTS_FROM_ZOOM;
  return (
    <>
      {zones.map((z) => (
        <Marker
          key={`${z.id}-${z.apCount}-${z.status}-${z.id === selectedId}`}
          position={position(z.lat, z.lng)}
          icon={zoneIcon(z, z.id === selectedId, compact)}
          title={describe(z)}
          alt={describe(z)}
          keyboard
          // Below the AP clusters (same pane), above them only when selected.
          zIndexOffset={z.id === selectedId ? 1000 : -1000}
          eventHandlers={{ click: () => onSelect(z.id) }}
        />
      ))}
      {zones
        .filter((z) => z.extent)
        .map((z) => (
          <GeoJSON key={`extent-${z.id}`} data={z.extent as GeoJSON.Geometry} style={extentStyle(z)} />
        ))}
    </>
  );
}
