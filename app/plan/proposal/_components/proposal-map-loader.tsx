"use client";
// Loads the proposal's map in the browser only (Leaflet needs a window).
import dynamic from "next/dynamic";
import type { ComponentProps } from "react";
import type { ProposalMap } from "@/components/map/proposal-map";

const Map = dynamic(() => import("@/components/map/proposal-map").then((m) => m.ProposalMap), {
  ssr: false,
  loading: () => <div className="proposal-map map-loading" />,
});

export function ProposalMapLoader(props: ComponentProps<typeof ProposalMap>) {
  return <Map {...props} />;
}
