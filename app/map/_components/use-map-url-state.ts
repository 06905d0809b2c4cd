"use client";
// The map's shareable state (layers, filters, selection, radius) and its view, kept in the URL: read
// once, then written back on every change, so controls respond at once and a pasted link restores it.
import { useSearchParams } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
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

/** How long the view must rest before the URL follows it: writing the URL re-renders the page (a frame's work), so not between pans. */
const VIEW_URL_DELAY_MS = 1000;

/**
 * Writes the state and the view to the URL (the view is kept apart from the state, so a pan re-renders
 * only what depends on it). A change of the state is written at once; a new view once the map has
 * rested, so the URL is not rewritten in the frames that draw each pan.
 */
export function useUrlSync(state: MapState, view: MapView | null) {
  const written = useRef(state);
  useEffect(() => {
    const write = () => {
      const qs = serializeMapState(view ? { ...state, center: view.center, zoom: view.zoom } : state);
      window.history.replaceState(null, "", qs ? `/map?${qs}` : "/map");
    };
    if (written.current !== state) {
      written.current = state;
      write();
      return;
    }
    const timer = window.setTimeout(write, VIEW_URL_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [state, view]);
}
