"use client";
// Where the map looks: the first view (worked out before Leaflet loads, so its APs are asked for at
// once), then each view the map reports. Every view's bounds come from one function, `viewAt`.
import { useCallback, useLayoutEffect, useRef, useState } from "react";
import type { MapPlace, MapView } from "@/components/map/atlas-map";
import { fitView, viewBBox } from "@/lib/map-grid";
import { MAX_ZOOM, MIN_ZOOM } from "@/lib/map-state";

type Size = { w: number; h: number };
const viewAt = (place: MapPlace, size: Size): MapView => ({ ...place, bbox: viewBBox(place.center, place.zoom, size) });

/**
 * `prefetch` is told of each new view (and of a zoom's target when its animation starts) before
 * React re-renders, so the request for its data is already running.
 */
export function useMapView({
  home,
  opening,
  prefetch,
}: {
  home: [number, number, number, number];
  opening: MapPlace | null;
  prefetch: (view: MapView) => void;
}) {
  const stageRef = useRef<HTMLDivElement>(null);
  const [initial, setInitial] = useState<MapPlace | null>(null);
  const [view, setView] = useState<MapView | null>(null);
  // The view last set, read by the map's callbacks without waiting for a render.
  const viewRef = useRef<MapView | null>(null);
  const sizeOf = useCallback((): Size | null => {
    const el = stageRef.current;
    return el ? { w: el.clientWidth, h: el.clientHeight } : null;
  }, []);

  // The stage has its size before the first paint: the first view is worked out then, once.
  useLayoutEffect(() => {
    if (viewRef.current) return;
    const size = sizeOf()!;
    const first = opening ?? fitView(home, size, { min: MIN_ZOOM, max: MAX_ZOOM });
    viewRef.current = viewAt(first, size);
    setInitial(first);
    setView(viewRef.current);
  }, [home, opening, sizeOf]);

  const onZoomStart = useCallback(
    (target: MapPlace) => {
      const size = sizeOf();
      if (size) prefetch(viewAt(target, size));
    },
    [prefetch, sizeOf],
  );

  const onView = useCallback(
    (place: MapPlace) => {
      const size = sizeOf();
      const previous = viewRef.current;
      if (!size) return;
      const pixel = 360 / (256 * 2 ** place.zoom);
      // Leaflet rounds its view to whole pixels, so its report of the first view can differ from the
      // one worked out before it loaded by a fraction of a pixel: that is the same view, and asking
      // for it again (with a bbox a digit off) would only fetch the same APs twice.
      if (
        previous &&
        previous.zoom === place.zoom &&
        Math.abs(previous.center.lat - place.center.lat) < pixel &&
        Math.abs(previous.center.lng - place.center.lng) < pixel
      )
        return;
      const next = viewAt(place, size);
      prefetch(next);
      viewRef.current = next;
      setView(next);
    },
    [prefetch, sizeOf],
  );

  return { stageRef, initial, view, onView, onZoomStart };
}
