"use client";
// Coverage: a circle of the chosen radius around each active AP in view.
import { Circle } from "react-leaflet";
import { COVERAGE_COLOUR } from "@/lib/map-style";

export function CoverageLayer({ centres, radius }: { centres: { id: number; lat: number; lng: number }[]; radius: number }) {
  return (
    <>
      {centres.map((c) => (
        <Circle
          key={c.id}
          center={[c.lat, c.lng]}
          radius={radius}
          className="coverage-circle"
          interactive={false}
          pathOptions={{ stroke: false, fillColor: COVERAGE_COLOUR, fillOpacity: 0.18 }}
        />
      ))}
    </>
  );
}
