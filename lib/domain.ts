// The shared vocabulary of the domain: category, status, kind and provenance codes used by the
// database, the API and the UI (labels live in the message catalogue, keyed by these codes).

export const SITE_CATEGORIES = [
  "public_office",
  "welfare",
  "amenity",
  "transport",
  "bus_stop",
  "culture_tourism",
  "education",
  "university",
  "traditional_market",
  "health",
  "park",
  "sports",
  "riverside",
  "innovation_city",
  "resident_facility",
  "other",
] as const;
export type SiteCategory = (typeof SITE_CATEGORIES)[number];

/**
 * Site lifecycle: candidate → surveyed → approved → installing → active → decommissioned; or rejected.
 * An imported zone a newer edition of its file no longer lists may be retired: kept with its history, counted nowhere.
 */
export const SITE_STATUSES = ["candidate", "surveyed", "approved", "installing", "active", "decommissioned", "rejected", "retired"] as const;
export type SiteStatus = (typeof SITE_STATUSES)[number];
/** Where a zone belongs: to the municipality's rollout program, or to the rest of its inventory (imported standard data and the like). */
export const SITE_SOURCES = ["program", "other"] as const;
export type SiteSource = (typeof SITE_SOURCES)[number];

export const AP_STATUSES = ["planned", "active", "faulty", "retired"] as const;
export type ApStatus = (typeof AP_STATUSES)[number];

export const BUS_STATUSES = ["planned", "active", "retired"] as const;
export type BusStatus = (typeof BUS_STATUSES)[number];

export const PARTNER_KINDS = ["telecom", "cable_operator", "city", "ministry", "province", "other"] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];

/** The units of partner responsibility under a program's MOU. */
export const WORK_KINDS = ["equipment_purchase", "installation", "line_provision", "line_construction", "funding"] as const;
export type WorkKind = (typeof WORK_KINDS)[number];

export const WORK_STATUSES = ["not_started", "in_progress", "done", "cancelled"] as const;
export type WorkStatus = (typeof WORK_STATUSES)[number];

/** Where a record's facts come from; `estimate` marks anything the sources do not give. */
export const PROVENANCES = ["press_release", "estimate", "import", "field_survey", "manual"] as const;
export type Provenance = (typeof PROVENANCES)[number];

/**
 * What a zone's own provenance does not say, one rule for every screen and export: its place (the
 * position and the 읍면동 that follows it) is an estimate when so marked and it has one; its AP
 * count is when any of its APs was estimated.
 */
export function zoneEstimates(z: { positionEstimate: boolean; lat: number | null; dong: string | null; estimatedApCount?: number }) {
  const place = z.positionEstimate && (z.lat !== null || z.dong !== null);
  return { dong: place && z.dong !== null, position: place && z.lat !== null, place, apCount: (z.estimatedApCount ?? 0) > 0 };
}

export const POI_KINDS = ["traditional_market", "tourist_spot", "park", "parking", "bus_stop"] as const;
export type PoiKind = (typeof POI_KINDS)[number];

/** What a user may do in one municipality; each role includes what the ones before it may do, except partner. */
export const ROLES = ["viewer", "partner", "planner", "admin"] as const;
export type Role = (typeof ROLES)[number];
