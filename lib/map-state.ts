// The map's shareable state (view, layers, filters, selection) and its round trip through the URL.
import { AP_STATUSES, PROVENANCES, SITE_CATEGORIES, SITE_SOURCES, type ApStatus, type Provenance, type SiteCategory, type SiteSource } from "./domain";

export const LAYERS = ["aps", "zones", "candidates", "buses", "pois", "gaps", "residents", "coverage", "tiles"] as const;
export type LayerId = (typeof LAYERS)[number];
export const DEFAULT_LAYERS: LayerId[] = ["aps", "zones", "candidates", "buses", "tiles"];

export type Selection = { type: "ap" | "zone" | "operator"; id: number };

export type MapState = {
  center: { lat: number; lng: number } | null;
  zoom: number | null;
  layers: LayerId[];
  year?: number;
  status?: ApStatus;
  category?: SiteCategory;
  partner?: number;
  provenance?: Provenance;
  /** The program's zones and their APs, or the rest of the inventory. */
  source?: SiteSource;
  q?: string;
  selected?: Selection;
  /** Coverage circle radius in metres. */
  radius: number;
};

export const DEFAULT_RADIUS_M = 50;
export const MIN_ZOOM = 5;
export const MAX_ZOOM = 19;

type Params = { get(name: string): string | null };

const oneOf = <T extends string>(list: readonly T[], v: string | null): T | undefined =>
  v !== null && (list as readonly string[]).includes(v) ? (v as T) : undefined;

function int(v: string | null, min: number, max: number): number | undefined {
  if (v === null || !/^-?\d+$/.test(v)) return undefined;
  const n = Number(v);
  return n >= min && n <= max ? n : undefined;
}

/** Reads the state from URL parameters; anything malformed falls back to its default. */
export function parseMapState(params: Params): MapState {
  const c = params.get("c")?.split(",").map(Number);
  const center = c && c.length === 2 && c.every(Number.isFinite) && Math.abs(c[0]!) <= 90 && Math.abs(c[1]!) <= 180 ? { lat: c[0]!, lng: c[1]! } : null;
  const layersParam = params.get("l");
  const layers = layersParam === null ? [...DEFAULT_LAYERS] : LAYERS.filter((l) => layersParam.split(",").includes(l));
  const sel = params.get("sel")?.match(/^(ap|zone|operator):(\d+)$/);
  const q = params.get("q")?.trim();
  return {
    center,
    zoom: int(params.get("z"), MIN_ZOOM, MAX_ZOOM) ?? null,
    layers,
    year: int(params.get("year"), 1990, 2100),
    status: oneOf(AP_STATUSES, params.get("status")),
    category: oneOf(SITE_CATEGORIES, params.get("category")),
    partner: int(params.get("partner"), 1, 2 ** 31 - 1),
    provenance: oneOf(PROVENANCES, params.get("prov")),
    source: oneOf(SITE_SOURCES, params.get("source")),
    q: q ? q.slice(0, 100) : undefined,
    selected: sel ? { type: sel[1] as Selection["type"], id: Number(sel[2]) } : undefined,
    radius: int(params.get("r"), 10, 1000) ?? DEFAULT_RADIUS_M,
  };
}

/** Writes the state as URL parameters, leaving out what equals the default. */
export function serializeMapState(state: MapState): string {
  const p = new URLSearchParams();
  if (state.center) p.set("c", `${state.center.lat.toFixed(5)},${state.center.lng.toFixed(5)}`);
  if (state.zoom !== null) p.set("z", String(state.zoom));
  const layers = LAYERS.filter((l) => state.layers.includes(l));
  if (layers.join(",") !== DEFAULT_LAYERS.join(",")) p.set("l", layers.join(","));
  if (state.year !== undefined) p.set("year", String(state.year));
  if (state.status) p.set("status", state.status);
  if (state.category) p.set("category", state.category);
  if (state.partner !== undefined) p.set("partner", String(state.partner));
  if (state.provenance) p.set("prov", state.provenance);
  if (state.source) p.set("source", state.source);
  if (state.q) p.set("q", state.q);
  if (state.selected) p.set("sel", `${state.selected.type}:${state.selected.id}`);
  if (state.radius !== DEFAULT_RADIUS_M) p.set("r", String(state.radius));
  return p.toString();
}

/** The API filter parameters of a state (what the layer endpoints take). */
export function filterParams(state: MapState): Record<string, string> {
  const out: Record<string, string> = {};
  if (state.year !== undefined) out.year = String(state.year);
  if (state.status) out.status = state.status;
  if (state.category) out.category = state.category;
  if (state.partner !== undefined) out.partner = String(state.partner);
  if (state.provenance) out.provenance = state.provenance;
  if (state.source) out.source = state.source;
  if (state.q) out.q = state.q;
  return out;
}
