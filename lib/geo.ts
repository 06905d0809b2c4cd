// Geometry helpers on WGS84 lat/lng: which polygon holds a point, centroids, deterministic scatter.
import turfArea from "@turf/area";
import turfBbox from "@turf/bbox";
import booleanPointInPolygon from "@turf/boolean-point-in-polygon";
import turfCentroid from "@turf/centroid";
import turfDistance from "@turf/distance";
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from "geojson";

export type LatLng = { lat: number; lng: number };
export type Area = Polygon | MultiPolygon;

/** A stored outline (a JSON column) as an area, or null when it is none. */
export function asArea(value: unknown): Area | null {
  if (value === null || typeof value !== "object" || !("type" in value) || !("coordinates" in value)) return null;
  return value.type === "Polygon" || value.type === "MultiPolygon" ? (value as Area) : null;
}

export function containsPoint(area: Area, p: LatLng): boolean {
  return booleanPointInPolygon([p.lng, p.lat], area);
}

/** [minLng, minLat, maxLng, maxLat] of a geometry. */
/** The geodesic area in km². */
export function areaKm2(area: Area): number {
  return turfArea(area) / 1e6;
}

export function bboxOf(area: Area): [number, number, number, number] {
  return turfBbox(area) as [number, number, number, number];
}

export function centroidOf(area: Area): LatLng {
  const [lng, lat] = turfCentroid(area).geometry.coordinates as [number, number];
  return { lat: round7(lat), lng: round7(lng) };
}

export function midpoint(a: LatLng, b: LatLng): LatLng {
  return { lat: round7((a.lat + b.lat) / 2), lng: round7((a.lng + b.lng) / 2) };
}

/** Name of the feature whose polygon holds the point (e.g. the 읍면동 of a site), or null. */
export function featureNameAt<P extends { name: string }>(collection: FeatureCollection<Area, P>, p: LatLng): string | null {
  const hit = collection.features.find((f: Feature<Area, P>) => containsPoint(f.geometry, p));
  return hit ? hit.properties.name : null;
}

/** A repeatable pseudo-random sequence (mulberry32), so generated estimates are the same on every seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const METRES_PER_DEGREE_LAT = 111_320;

/** A point within `radiusM` metres of `centre`, drawn from `rand`; rounded to 7 decimals (≈1 cm). */
export function scatterAround(centre: LatLng, radiusM: number, rand: () => number): LatLng {
  const r = radiusM * Math.sqrt(rand());
  const theta = 2 * Math.PI * rand();
  const dLat = (r * Math.cos(theta)) / METRES_PER_DEGREE_LAT;
  const dLng = (r * Math.sin(theta)) / (METRES_PER_DEGREE_LAT * Math.cos((centre.lat * Math.PI) / 180));
  return { lat: round7(centre.lat + dLat), lng: round7(centre.lng + dLng) };
}

export function distanceM(a: LatLng, b: LatLng): number {
  return turfDistance([a.lng, a.lat], [b.lng, b.lat], { units: "meters" });
}

function round7(x: number): number {
  return Math.round(x * 1e7) / 1e7;
}
