"use client";
// Bus routes whose line is known, with the route number and its bus count on hover.
import type { Geometry } from "geojson";
import { GeoJSON, Tooltip } from "react-leaflet";
import { ROUTE_COLOUR } from "@/lib/map-style";
import type { RouteLine } from "@/lib/map-types";

export function RouteLayer({ routes, describe }: { routes: RouteLine[]; describe: (r: RouteLine) => string }) {
  return (
    <>
      {routes.map((r) => (
        <GeoJSON key={r.id} data={r.geometry as Geometry} style={{ color: ROUTE_COLOUR, weight: 3, opacity: 0.75 }}>
          <Tooltip sticky>{describe(r)}</Tooltip>
        </GeoJSON>
      ))}
    </>
  );
}
