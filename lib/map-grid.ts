// The square grid that map clusters are counted on: levels, the level for a zoom, and cell geometry.
import { bboxParam, type BBox } from "./query-params";

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

const TILE_PX = 256;

function project(lat: number, lng: number, zoom: number): { x: number; y: number } {
  const scale = TILE_PX * 2 ** zoom;
  const sin = Math.sin((Math.max(-85.05, Math.min(85.05, lat)) * Math.PI) / 180);
  return { x: ((lng + 180) / 360) * scale, y: (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * scale };
}

function unproject(x: number, y: number, zoom: number): { lat: number; lng: number } {
  const scale = TILE_PX * 2 ** zoom;
  const n = Math.PI - (2 * Math.PI * y) / scale;
  return { lat: (180 / Math.PI) * Math.atan(Math.sinh(n)), lng: (x / scale) * 360 - 180 };
}

/** The bounding box a map of `size` pixels shows at this centre and zoom (Web Mercator, like Leaflet). */
/** A view's bounds as the map endpoints take them (`minLng,minLat,maxLng,maxLat`, 4 decimals: about 10 m). */
export function formatBBox(b: BBox): string {
  return [b.minLng, b.minLat, b.maxLng, b.maxLat].map((v) => v.toFixed(4)).join(",");
}

/** The bounds as the endpoints receive them: written by `formatBBox`, read by their own parser. */
export const sentBBox = (b: BBox): BBox => bboxParam.parse(formatBBox(b));

export function viewBBox(center: { lat: number; lng: number }, zoom: number, size: { w: number; h: number }): BBox {
  const c = project(center.lat, center.lng, zoom);
  const nw = unproject(c.x - size.w / 2, c.y - size.h / 2, zoom);
  const se = unproject(c.x + size.w / 2, c.y + size.h / 2, zoom);
  return { minLng: nw.lng, minLat: se.lat, maxLng: se.lng, maxLat: nw.lat };
}

/** The centre and the largest whole zoom at which `bounds` fits a map of `size` pixels. */
export function fitView(
  bounds: [number, number, number, number],
  size: { w: number; h: number },
  zoomRange: { min: number; max: number },
): { center: { lat: number; lng: number }; zoom: number } {
  const [minLng, minLat, maxLng, maxLat] = bounds;
  let zoom = zoomRange.min;
  for (let z = zoomRange.max; z >= zoomRange.min; z--) {
    const a = project(maxLat, minLng, z);
    const b = project(minLat, maxLng, z);
    if (b.x - a.x <= size.w && b.y - a.y <= size.h) {
      zoom = z;
      break;
    }
  }
  const a = project(maxLat, minLng, zoom);
  const b = project(minLat, maxLng, zoom);
  return { center: unproject((a.x + b.x) / 2, (a.y + b.y) / 2, zoom), zoom };
}
