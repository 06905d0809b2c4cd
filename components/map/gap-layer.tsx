"use client";
// Places without Wi-Fi: points of interest no active AP or approved zone covers, as red rings; planners
// get a link to propose one as a candidate.
import { CircleMarker, Popup, Tooltip } from "react-leaflet";
import type { PoiKind } from "@/lib/domain";
import { GAP_COLOUR } from "@/lib/map-style";

export type GapMarker = { id: number; kind: PoiKind; name: string; lat: number; lng: number };

export function GapLayer({
  gaps,
  describe,
  propose,
}: {
  gaps: GapMarker[];
  describe: (g: GapMarker) => string;
  propose: { label: string; href: (g: GapMarker) => string } | null;
}) {
  return (
    <>
      {gaps.map((g) => (
        <CircleMarker
          key={g.id}
          center={[g.lat, g.lng]}
          radius={8}
          className="gap-marker"
          pathOptions={{ color: GAP_COLOUR, weight: 3, fillColor: "#fff", fillOpacity: 0.6 }}
        >
          <Tooltip direction="top" offset={[0, -6]}>
            {describe(g)}
          </Tooltip>
          {propose ? (
            <Popup>
              <strong>{describe(g)}</strong>
              <br />
              <a href={propose.href(g)}>{propose.label}</a>
            </Popup>
          ) : null}
        </CircleMarker>
      ))}
    </>
  );
}
