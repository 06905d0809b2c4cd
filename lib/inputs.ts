// Request bodies of the state-changing endpoints, validated with zod; a bad field names itself.
import { z } from "zod";
import { PARTNER_KINDS, ROLES, SITE_CATEGORIES, SITE_STATUSES, WORK_KINDS, WORK_STATUSES } from "./domain";
import { AppError } from "./errors";
import { krw, MAX_COUNT_TARGET, MAX_ID, MAX_PLANNED_APS, text } from "./limits";
import { issuesOf } from "./validation";

const municipality = z
  .string()
  .regex(/^\d{5}$/, "expected a 5-digit municipality code")
  .optional();

export const newUserInput = z.strictObject({
  email: z.email("expected an email address").max(200),
  name: text({ max: 100, required: true }),
  password: z.string().min(10, "at least 10 characters").max(200),
  role: z.enum(ROLES),
  partnerId: z.number().int().positive().max(MAX_ID).nullable().default(null),
  municipality,
});
export type NewUserInput = z.infer<typeof newUserInput>;

export const setRoleInput = z.strictObject({
  role: z.enum(ROLES).nullable(),
  partnerId: z.number().int().positive().max(MAX_ID).nullable().default(null),
  municipality,
});

const isoDate = z.iso.date("expected a date as YYYY-MM-DD").transform((d) => new Date(`${d}T00:00:00Z`));

export const auditQuery = z.strictObject({
  object: z
    .string()
    .regex(/^[a-z_]+(:[\w-]+)?$/, "expected a type or type:id, e.g. site:12")
    .optional(),
  actor: text({ max: 200 }).optional(),
  from: isoDate.optional(),
  /** Inclusive: entries on that day count. */
  to: isoDate.transform((d) => new Date(d.getTime() + 86_400_000)).optional(),
  limit: z.coerce.number({ error: "expected a number" }).int().min(1).max(5000).default(200),
  format: z.enum(["json", "csv"]).default("json"),
  municipality,
});
export type AuditQuery = z.infer<typeof auditQuery>;

/** Reads a JSON body and validates it; any problem is a 400 naming the field. */
export async function parseBody<S extends z.ZodType>(schema: S, req: Request): Promise<z.infer<S>> {
  let raw: unknown;
  try {
    raw = await req.json();
  } catch {
    throw new AppError("bad_request", "The request body must be JSON.", { issues: [{ code: "not_json" }] });
  }
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const issues = issuesOf(result.error, raw);
  throw new AppError("bad_request", `Invalid field ${issues[0]!.path}: ${issues[0]!.code}`, { issues });
}

const amount = krw();
const nullableText = text({ max: 2000, multiline: true }).nullable();

/** `PATCH /api/sites/:id`: the version read, plus the fields and/or status to change. */
export const sitePatchInput = z.strictObject({
  version: z.number({ error: "send the version you read" }).int().min(1),
  status: z.enum(SITE_STATUSES).optional(),
  /** With an approval: when its work is due (YYYY-MM-DD). */
  dueDate: z.iso.date().optional(),
  statusReason: text({ max: 2000, multiline: true }).optional(),
  name: text({ max: 200, required: true }).optional(),
  category: z.enum(SITE_CATEGORIES, { error: "unknown category" }).optional(),
  planYear: z.number().int().min(1990).max(2100).optional(),
  plannedApCount: z.number().int().min(1).max(MAX_PLANNED_APS).optional(),
  notes: nullableText.optional(),
  lat: z.number().min(-90).max(90).optional(),
  lng: z.number().min(-180).max(180).optional(),
});

export const workItemPatchInput = z.strictObject({
  version: z.number({ error: "send the version you read" }).int().min(1),
  status: z.enum(WORK_STATUSES).optional(),
  plannedCostKrw: amount.nullable().optional(),
  actualCostKrw: amount.nullable().optional(),
  /** Who pays for the work: one of the program's partners; null for the partner doing it. */
  paidByPartnerId: z.number().int().positive().max(MAX_ID).nullable().optional(),
  dueDate: z.iso.date("expected a date as YYYY-MM-DD").nullable().optional(),
  notes: nullableText.optional(),
});

const count = z.number().int().min(0).max(MAX_COUNT_TARGET).nullable();
export const planYearPatchInput = z.strictObject({
  version: z.number({ error: "send the version you read" }).int().min(1),
  targetBuses: count.optional(),
  targetZones: count.optional(),
  targetAccessPoints: count.optional(),
  targetBudgetKrw: amount.nullable().optional(),
  targetCategories: z.array(z.enum(SITE_CATEGORIES)).max(SITE_CATEGORIES.length).optional(),
});

export const CANDIDATE_SORTS = ["score", "name", "planYear", "status", "apCount"] as const;
export const candidatesQuery = z.strictObject({
  sort: z.enum(CANDIDATE_SORTS).default("score"),
  /** Score sorts best first unless asked otherwise; the rest A→Z. */
  dir: z.enum(["asc", "desc"]).optional(),
  status: z.enum(["candidate", "surveyed", "approved", "rejected"]).optional(),
  year: z.coerce.number({ error: "expected a year" }).int().min(1990).max(2100).optional(),
  category: z.enum(SITE_CATEGORIES).optional(),
  municipality,
});

export const workItemsQuery = z.strictObject({
  partner: z.coerce.number().int().positive().max(MAX_ID).optional(),
  year: z.coerce.number({ error: "expected a year" }).int().min(1990).max(2100).optional(),
  status: z.enum(WORK_STATUSES).optional(),
  open: z.enum(["1"]).optional(),
  municipality,
});

/** A new program as a planner or admin starts it: its years and the partners with their MOU roles. */
export const programInput = z
  .strictObject({
    nameKo: text({ max: 200, required: true }),
    nameEn: text({ max: 200 }).optional(),
    startYear: z.number({ error: "expected a year" }).int("expected a year").min(2000).max(2100),
    endYear: z.number({ error: "expected a year" }).int("expected a year").min(2000).max(2100),
    mouDate: z.iso.date("expected a date as YYYY-MM-DD").optional(),
    partners: z
      .array(
        z.strictObject({
          nameKo: text({ max: 100, required: true }),
          kind: z.enum(PARTNER_KINDS),
          roles: z.array(z.enum(WORK_KINDS)).min(1, "give the partner at least one role").max(WORK_KINDS.length),
        }),
      )
      .min(1, "name at least one partner")
      .max(12),
  })
  .refine((p) => p.endYear >= p.startYear && p.endYear - p.startYear <= 20, { path: ["endYear"], message: "end_before_start" });
export type ProgramInput = z.infer<typeof programInput>;
