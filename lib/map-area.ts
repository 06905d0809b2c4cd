// The area the map asks for around its view, and the view's APs cut from the area's answer.
//
// The map asks `/api/map/features` for its view with a margin of half a view on every side and keeps
// the answer: a pan that stays inside the area is drawn from it at once, without a request. When the
// view comes within a quarter of a view of the area's edge, the next area (around the view) is asked
// for while the current one still draws. The cut is exact: clusters are the grid's cells, so the view's
// clusters are the area's cells in the view's cell range, and the view's points are the area's points
// inside the view, with the same total and the same switch between the two as a request for the view.
import { cellRange, LEVEL_SIZES } from "./map-grid";
import type { ClusterProps, MapFeatures } from "./map-types";
import type { BBox } from "./query-params";

/** The margin asked for around the view, in views, on each side. */
export const AREA_MARGIN = 0.5;
/** How close to the area's edge (in views) the view may come before the next area is asked for. */
const AREA_KEEP = 0.25;

const grow = (b: BBox, by: number): BBox => {
  const w = (b.maxLng - b.minLng) * by;
  const h = (b.maxLat - b.minLat) * by;
  return {
    minLng: Math.max(-180, b.minLng - w),
    minLat: Math.max(-90, b.minLat - h),
    maxLng: Math.min(180, b.maxLng + w),
    maxLat: Math.min(90, b.maxLat + h),
  };
};

export const containsBBox = (outer: BBox, inner: BBox) =>
  outer.minLng <= inner.minLng && outer.minLat <= inner.minLat && outer.maxLng >= inner.maxLng && outer.maxLat >= inner.maxLat;

/**
 * The area to ask for with this view: the previous one while the view stays well inside it at the
 * same zoom, otherwise the view with its margin.
 */
export function areaFor(view: { zoom: number; bbox: BBox }, previous: { zoom: number; area: BBox } | null): BBox {
  const kept = previous !== null && previous.zoom === view.zoom && containsBBox(previous.area, grow(view.bbox, AREA_KEEP));
  return kept ? previous.area : grow(view.bbox, AREA_MARGIN);
}

/**
 * The view's APs out of an answer for a larger area at the same zoom and filters: what a request
 * for the view itself would answer. "ask" when it cannot be cut (the view would get single points
 * but the area got clusters), null when the area does not cover the view.
 */
export function cutToView(area: MapFeatures, areaBBox: BBox, view: BBox, maxPoints: number): MapFeatures | "ask" | null {
  if (!containsBBox(areaBBox, view)) return null;
  if (area.mode === "points") {
    const features = area.features.filter((f) => {
      const [lng, lat] = f.geometry.coordinates as [number, number];
      return lat >= view.minLat && lat <= view.maxLat && lng >= view.minLng && lng <= view.maxLng;
    });
    return { ...area, total: features.length, features };
  }
  const size = LEVEL_SIZES[area.level]!;
  const range = cellRange(view, area.level);
  let total = 0;
  const features = area.features.filter((f) => {
    const [w, s, e, n] = (f.properties as ClusterProps).bounds;
    const cx = Math.floor((w + e) / 2 / size);
    const cy = Math.floor((s + n) / 2 / size);
    const inside = cx >= range.x0 && cx <= range.x1 && cy >= range.y0 && cy <= range.y1;
    if (inside) total += (f.properties as ClusterProps).count;
    return inside;
  });
  if (total <= maxPoints) return "ask";
  return { ...area, total, features };
}
