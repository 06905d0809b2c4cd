"use client";
// Where the map looks: the first view (worked out before Leaflet loads, so its APs are asked for at
// once), then each view the map reports. Every view's bounds come from one function, `viewAt`.
import { useCallback, useLayoutEffect, useRef, useState } from "react";
import type { MapPlace, MapView } from "@/components/map/atlas-map";
import { areaFor, containsBBox } from "@/lib/map-area";
import { fitView, viewBBox } from "@/lib/map-grid";
import { MAX_ZOOM, MIN_ZOOM } from "@/lib/map-state";

type Size = { w: number; h: number };
/** A view's bounds, and the area its APs are asked for with (kept from the view before while it still covers this one). */
const viewAt = (place: MapPlace, size: Size, before: MapView | null): MapView => {
  const bbox = viewBBox(place.center, place.zoom, size);
  return { ...place, bbox, area: areaFor({ zoom: place.zoom, bbox }, before) };
};

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
    viewRef.current = viewAt(first, size, null);
    prefetch(viewRef.current);
    setInitial(first);
    setView(viewRef.current);
  }, [home, opening, sizeOf, prefetch]);

  const onZoomStart = useCallback(
    (target: MapPlace) => {
      const size = sizeOf();
      if (size) prefetch(viewAt(target, size, viewRef.current));
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
      const next = viewAt(place, size, previous);
      // A view inside the area asked for before needs no request now: it is drawn from that area,
      // and the next area (when the view nears its edge) is asked for once the view is drawn.
      const covered = previous !== null && previous.zoom === next.zoom && containsBBox(previous.area, next.bbox);
      if (!covered) prefetch(next);
      viewRef.current = next;
      setView(next);
    },
    [prefetch, sizeOf],
  );

  return { stageRef, initial, view, onView, onZoomStart };
}
