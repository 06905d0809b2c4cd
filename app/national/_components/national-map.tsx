"use client";
// Loads the national choropleth in the browser only (Leaflet needs a window).
import dynamic from "next/dynamic";
import type { ComponentProps } from "react";
import type { ChoroplethMap } from "@/components/map/choropleth-map";

const Map = dynamic(() => import("@/components/map/choropleth-map").then((m) => m.ChoroplethMap), {
  ssr: false,
  loading: () => <div className="national-map map-loading" />,
});

export function NationalMap(props: ComponentProps<typeof ChoroplethMap>) {
  return <Map {...props} />;
}
