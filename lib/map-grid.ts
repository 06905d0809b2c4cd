// The square grid that map clusters are counted on: levels, the level for a zoom, and cell geometry.
import type { BBox } from "./query-params";

/** Cell size in degrees of each grid level (must match the ap_cell_levels rows of the migrations). */
export const LEVEL_SIZES = [0.005, 0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28] as const;

/** About how many screen pixels one cluster cell should span. */
const CELL_PX = 64;

/** The coarsest level whose cells span at most CELL_PX pixels at this zoom (Web Mercator, 256 px tiles). */
export function levelForZoom(zoom: number): number {
  const wanted = (CELL_PX * 360) / (256 * 2 ** zoom);
  let level = 0;
  for (let k = 0; k < LEVEL_SIZES.length; k++) if (LEVEL_SIZES[k]! <= wanted) level = k;
  return level;
}

export type CellRange = { x0: number; x1: number; y0: number; y1: number };

/** The cell indices a bounding box touches at a level (cell x = floor(lng / size), y = floor(lat / size)). */
export function cellRange(bbox: BBox, level: number): CellRange {
  const size = LEVEL_SIZES[level]!;
  return {
    x0: Math.floor(bbox.minLng / size),
    x1: Math.floor(bbox.maxLng / size),
    y0: Math.floor(bbox.minLat / size),
    y1: Math.floor(bbox.maxLat / size),
  };
}

export function cellBounds(level: number, cx: number, cy: number): [number, number, number, number] {
  const size = LEVEL_SIZES[level]!;
  const r = (v: number) => Math.round(v * 1e9) / 1e9;
  return [r(cx * size), r(cy * size), r((cx + 1) * size), r((cy + 1) * size)];
}
