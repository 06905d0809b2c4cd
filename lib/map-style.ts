// Colours and styles of map symbols, shared by the map layers and the legend.
import type { ApStatus, PoiKind, Provenance, SiteCategory, SiteStatus } from "./domain";

export const AP_STATUS_COLOURS: Record<ApStatus, string> = {
  planned: "#0284c7",
  active: "#16a34a",
  faulty: "#dc2626",
  retired: "#6b7280",
};

/** Positions that are estimates are drawn hollow and dashed, so nobody mistakes them for surveyed ones. */
export function isEstimated(p: Provenance): boolean {
  return p === "estimate";
}

export const CATEGORY_COLOURS: Record<SiteCategory, string> = {
  public_office: "#1d4ed8",
  welfare: "#9333ea",
  amenity: "#0891b2",
  transport: "#475569",
  bus_stop: "#ea580c",
  culture_tourism: "#c026d3",
  education: "#4f46e5",
  university: "#7c3aed",
  traditional_market: "#b45309",
  health: "#e11d48",
  park: "#15803d",
  sports: "#0d9488",
  riverside: "#0369a1",
  innovation_city: "#4d7c0f",
  resident_facility: "#a16207",
  other: "#57534e",
};

export const POI_COLOURS: Record<PoiKind, string> = {
  traditional_market: "#b45309",
  tourist_spot: "#c026d3",
  park: "#15803d",
  parking: "#334155",
  bus_stop: "#ea580c",
};

/** Zones still in planning get the candidate style. */
export const PLANNING_STATUSES: readonly SiteStatus[] = ["candidate", "surveyed", "approved"];
export function isPlanning(status: SiteStatus): boolean {
  return PLANNING_STATUSES.includes(status);
}

export const COVERAGE_COLOUR = "#16a34a";
export const ROUTE_COLOUR = "#7c2d12";
export const GAP_COLOUR = "#dc2626";
/** The ring around a point that lies outside its municipality's outline. */
export const OUTSIDE_COLOUR = "#dc2626";
/** Cluster badges: the AP count of a grid cell. */
export const CLUSTER_COLOUR = "#0f766e";
