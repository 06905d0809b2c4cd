"use client";
// Residents as demand: each 읍면동 the app knows the outline of, filled by its registered voters
// (선거인수 2022) per active AP — darker where more people share each AP, grey where none serves them.
import type { Geometry } from "geojson";
import type { PathOptions } from "leaflet";
import { GeoJSON, Pane, Tooltip } from "react-leaflet";
import { classOf, colourOf, NO_AP_COLOUR } from "@/lib/choropleth";
import type { DongDemand } from "@/lib/map-types";

export function ResidentsLayer({ dongs, breaks, describe }: { dongs: DongDemand[]; breaks: number[]; describe: (d: DongDemand) => string }) {
  return (
    <Pane name="residents" style={{ zIndex: 300 }}>
      {dongs.map((d) => {
        const style: PathOptions = {
          color: "#475569",
          weight: 1,
          fillColor: d.activeAps === 0 ? NO_AP_COLOUR : colourOf(classOf(d.votersPerActiveAp, breaks), breaks.length),
          fillOpacity: 0.55,
        };
        return (
          <GeoJSON key={`${d.code}-${d.activeAps}-${breaks.join(",")}`} data={d.geometry as Geometry} style={style}>
            <Tooltip sticky>{describe(d)}</Tooltip>
          </GeoJSON>
        );
      })}
    </Pane>
  );
}
