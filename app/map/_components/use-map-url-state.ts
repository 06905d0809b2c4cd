"use client";
// The map's shareable state (layers, filters, selection, radius) and its view, kept in the URL: read
// once, then written back on every change, so controls respond at once and a pasted link restores it.
import { useSearchParams } from "next/navigation";
import { useCallback, useEffect, useState } from "react";
import { parseMapState, serializeMapState, type MapState } from "@/lib/map-state";
import type { MapView } from "@/components/map/atlas-map";

export function useMapUrlState() {
  const searchParams = useSearchParams();
  const [state, setState] = useState<MapState>(() => parseMapState(searchParams));
  const update = useCallback((change: Partial<MapState>) => setState((prev) => ({ ...prev, ...change })), []);
  /** `?add=1` opens the map in "add candidate" mode. */
  const [addOnOpen] = useState(() => searchParams.get("add") === "1");
  return { state, setState, update, addOnOpen };
}

/** Writes the state and the view to the URL (the view is kept apart from the state, so a pan re-renders only what depends on it). */
export function useUrlSync(state: MapState, view: MapView | null) {
  useEffect(() => {
    const qs = serializeMapState(view ? { ...state, center: view.center, zoom: view.zoom } : state);
    window.history.replaceState(null, "", qs ? `/map?${qs}` : "/map");
  }, [state, view]);
}
