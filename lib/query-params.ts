// Parses list filters from URL search parameters (API and pages alike); a bad one names itself.
import { z } from "zod";
import { AP_STATUSES, BUS_STATUSES, POI_KINDS, PROVENANCES, SITE_CATEGORIES, SITE_SOURCES, SITE_STATUSES } from "./domain";
import { AppError } from "./errors";
import { MAX_ID, MAX_PAGE_SIZE, text } from "./limits";
import { issuesOf } from "./validation";

export type BBox = { minLng: number; minLat: number; maxLng: number; maxLat: number };

export const bboxParam = z.string().transform((raw, ctx): BBox => {
  const parts = raw.split(",").map((p) => p.trim());
  const nums = parts.map(Number);
  if (parts.length !== 4 || parts.some((p) => p === "") || nums.some((n) => !Number.isFinite(n))) {
    ctx.addIssue({ code: "custom", message: "bbox_format" });
    return z.NEVER;
  }
  const [minLng, minLat, maxLng, maxLat] = nums as [number, number, number, number];
  if (minLng < -180 || maxLng > 180 || minLat < -90 || maxLat > 90) {
    ctx.addIssue({ code: "custom", message: "bbox_range" });
    return z.NEVER;
  }
  if (minLng > maxLng || minLat > maxLat) {
    ctx.addIssue({ code: "custom", message: "bbox_order" });
    return z.NEVER;
  }
  return { minLng, minLat, maxLng, maxLat };
});

const year = z.coerce.number({ error: "expected a year" }).int("expected a whole year").min(1990).max(2100);
const page = z.coerce.number({ error: "expected a page number" }).int().min(1).default(1);
const pageSize = z.coerce.number({ error: "expected a page size" }).int().min(1).max(MAX_PAGE_SIZE).default(50);
const dir = z.enum(["asc", "desc"]).default("asc");
const q = text({ max: 100 }).optional();
const id = z.coerce.number().int().positive().max(MAX_ID);
const municipality = z
  .string()
  .regex(/^\d{5}$/, "expected a 5-digit municipality code")
  .optional();

const common = { year: year.optional(), bbox: bboxParam.optional(), page, pageSize, dir, q, municipality };

/** The gap view: places no AP covers, of one kind or all, a page at a time. */
export const gapsQuery = z.strictObject({ kind: z.enum(POI_KINDS).optional(), page, pageSize, municipality });

export const MUNICIPALITY_SORTS = ["code", "name", "accessPoints", "sites", "voters", "apsPer10kVoters", "areaKm2", "apsPerKm2"] as const;
export const municipalitiesQuery = z.strictObject({
  /** A 시도 by the first two digits of its MOIS code (48 for 경상남도). */
  sido: z
    .string()
    .regex(/^\d{2}$/, "expected a 2-digit 시도 code")
    .optional(),
  sort: z.enum(MUNICIPALITY_SORTS).default("code"),
  dir,
});

export const SITE_SORTS = ["name", "category", "status", "planYear", "apCount", "dong"] as const;
export const siteQuery = z.strictObject({
  ...common,
  status: z.enum(SITE_STATUSES).optional(),
  category: z.enum(SITE_CATEGORIES).optional(),
  source: z.enum(SITE_SOURCES).optional(),
  sort: z.enum(SITE_SORTS).default("planYear"),
});
export type SiteQuery = z.infer<typeof siteQuery>;

export const BUS_SORTS = ["vehicleNumber", "operator", "planYear", "status", "route"] as const;
export const busQuery = z.strictObject({
  ...common,
  status: z.enum(BUS_STATUSES).optional(),
  operator: id.optional(),
  sort: z.enum(BUS_SORTS).default("vehicleNumber"),
});
export type BusQuery = z.infer<typeof busQuery>;

export const AP_SORTS = ["id", "ssid", "status", "installed", "owner"] as const;
export const accessPointQuery = z.strictObject({
  ...common,
  status: z.enum(AP_STATUSES).optional(),
  category: z.enum(SITE_CATEGORIES).optional(),
  kind: z.enum(["site", "bus"]).optional(),
  site: id.optional(),
  bus: id.optional(),
  sort: z.enum(AP_SORTS).default("id"),
});
export type AccessPointQuery = z.infer<typeof accessPointQuery>;

/** The map's filters, shared by every map layer endpoint and the map page's URL. */
export const mapFilters = {
  year: year.optional(),
  status: z.enum(AP_STATUSES).optional(),
  category: z.enum(SITE_CATEGORIES).optional(),
  partner: id.optional(),
  provenance: z.enum(PROVENANCES).optional(),
  /** `program`: the program's zones and buses and their APs; `other`: the rest of the inventory. */
  source: z.enum(SITE_SOURCES).optional(),
  q,
  municipality,
};

/** Up to this many APs in view, the map gets them as single points; past it, as clusters. */
export const MAX_POINTS = 2000;

export const mapFeaturesQuery = z.strictObject({
  ...mapFilters,
  bbox: bboxParam,
  zoom: z.coerce.number({ error: "expected a zoom level" }).int("expected a whole zoom level").min(0).max(22),
  maxPoints: z.coerce.number().int().min(0).max(5000).default(MAX_POINTS),
});
export type MapFeaturesQuery = z.infer<typeof mapFeaturesQuery>;

export const mapZonesQuery = z.strictObject({
  bbox: bboxParam,
  limit: z.coerce.number().int().min(1).max(2000).default(2000),
  /** `planning`: candidate, surveyed and approved zones only; `built`: the others. */
  stage: z.enum(["planning", "built"]).optional(),
  year: year.optional(),
  category: z.enum(SITE_CATEGORIES).optional(),
  source: z.enum(SITE_SOURCES).optional(),
  q,
  municipality,
});

export const mapPoisQuery = z.strictObject({
  bbox: bboxParam,
  kind: z
    .string()
    .transform((v) =>
      v
        .split(",")
        .map((k) => k.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(POI_KINDS)))
    .optional(),
});

export const summaryQuery = z.strictObject({ municipality });
export const idParam = z.strictObject({ id });

/** Parses search parameters with `schema`; unknown or malformed parameters become a 400 naming them. */
export function parseParams<S extends z.ZodType>(schema: S, params: URLSearchParams | Record<string, string | string[] | undefined>): z.infer<S> {
  const raw: Record<string, string> = {};
  const entries = params instanceof URLSearchParams ? [...params.entries()] : Object.entries(params);
  for (const [key, value] of entries) {
    if (value === undefined) continue;
    const v = Array.isArray(value) ? value[0] : value;
    if (v === undefined || v === "") continue;
    raw[key] = v;
  }
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const issues = issuesOf(result.error, raw);
  const first = issues[0]!;
  throw new AppError("bad_request", `Invalid parameter ${first.path}: ${first.code}`, { issues });
}

/** Like parseParams, for pages: a bad parameter becomes something to show instead of an exception. */
export function tryParseParams<S extends z.ZodType>(
  schema: S,
  params: Record<string, string | string[] | undefined>,
): { ok: true; data: z.infer<S> } | { ok: false; param: string; value: string } {
  try {
    return { ok: true, data: parseParams(schema, params) };
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    const first = err.issues?.[0];
    return { ok: false, param: first?.path ?? "", value: String(first?.params?.value ?? "") };
  }
}
