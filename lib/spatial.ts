// Spatial indexes over points and areas, so that "what is near here" and "which 읍면동 holds this"
// cost a tree search instead of a pass over every AP or outline. kdbush builds a static k-d tree
// over the points, geokdbush searches it on the sphere; distances are then taken with `distanceM`,
// so a radius means the same here as everywhere else in the app.
import KDBush from "kdbush";
import { around } from "geokdbush";
import { bboxOf, containsPoint, distanceM, type Area, type LatLng } from "./geo";

/**
 * geokdbush and `distanceM` both measure on a sphere, with radii 6,371 and 6,371.0088 km: the same
 * order, distances a hair apart. Search a little wider, then keep what `distanceM` puts inside.
 */
const SLACK = 1.001;

export type PointIndex<T extends LatLng> = {
  readonly size: number;
  /** The nearest point and its distance in metres, or null when there are none. */
  nearest(at: LatLng): { point: T; distanceM: number } | null;
  /** The points within `radiusM` metres of `at`, nearest first. */
  within(at: LatLng, radiusM: number): T[];
  /** Whether any point lies within `radiusM` metres of `at`. */
  anyWithin(at: LatLng, radiusM: number): boolean;
};

export function pointIndex<T extends LatLng>(points: readonly T[]): PointIndex<T> {
  if (points.length === 0) return { size: 0, nearest: () => null, within: () => [], anyWithin: () => false };
  const tree = new KDBush(points.length);
  for (const p of points) tree.add(p.lng, p.lat);
  tree.finish();
  // No predicate: geokdbush calls it on every point of every leaf it opens, before pruning by distance.
  const search = (at: LatLng, max: number, radiusM: number) =>
    around(tree, at.lng, at.lat, max, Number.isFinite(radiusM) ? (radiusM / 1000) * SLACK : undefined)
      .map((i) => ({ point: points[i]!, distanceM: distanceM(at, points[i]!) }))
      .filter((r) => r.distanceM <= radiusM);
  return {
    size: points.length,
    nearest: (at) => search(at, 1, Infinity)[0] ?? null,
    within: (at, radiusM) => search(at, Infinity, radiusM).map((r) => r.point),
    anyWithin: (at, radiusM) => search(at, 1, radiusM).length > 0,
  };
}

/** Which of a set of areas holds a point: a bounding-box test first, the outline only where it passes. */
export function areaIndex<T extends { area: Area }>(areas: readonly T[]): (p: LatLng) => T | undefined {
  const boxes = areas.map((a) => ({ item: a, box: bboxOf(a.area) }));
  return (p) => boxes.find(({ item, box: [w, s, e, n] }) => p.lng >= w && p.lng <= e && p.lat >= s && p.lat <= n && containsPoint(item.area, p))?.item;
}

/** How many of the points each area holds, each point placed once; a point in no area counts nowhere. */
export function countWithin<T extends { area: Area }>(areas: readonly T[], points: readonly LatLng[]): Map<T, number> {
  const at = areaIndex(areas);
  const counts = new Map<T, number>(areas.map((a) => [a, 0]));
  for (const p of points) {
    const a = at(p);
    if (a) counts.set(a, counts.get(a)! + 1);
  }
  return counts;
}
