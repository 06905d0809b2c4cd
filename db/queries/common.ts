// Helpers every query module shares: the municipality lookup, paging and bbox conditions.
import { and, asc, between, eq, sql, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { Funded } from "../../lib/cost-shares";
import { AppError } from "../../lib/errors";
import type { BBox } from "../../lib/query-params";
import type { Db } from "../client";
import * as s from "../schema";
import { municipalities, workItems, type Municipality } from "../schema";

export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

/**
 * Values as one typed array parameter (`unnest` of many rows in one statement). Booleans travel as
 * text: postgres.js types a boolean array by its element until the connection has read the server's
 * array types, and the server then refuses to cast `boolean` to `boolean[]`.
 */
export function arr<T>(values: T[], type: string): SQL {
  if (type === "bool") return sql`${sql.param(values.map((v) => (v === null || v === undefined ? null : String(v))))}::text[]::bool[]`;
  return sql`${sql.param(values)}::${sql.raw(type)}[]`;
}

export async function findMunicipalityByCode(db: Db, { code }: { code: string }): Promise<Municipality> {
  const [row] = await db.select().from(municipalities).where(eq(municipalities.code, code));
  if (!row) throw new AppError("not_found", `No municipality with code ${code}`, { path: "municipality", params: { value: code } });
  return row;
}

export function withinBBox(lat: PgColumn, lng: PgColumn, bbox: BBox | undefined): SQL | undefined {
  if (!bbox) return undefined;
  return and(between(lat, bbox.minLat, bbox.maxLat), between(lng, bbox.minLng, bbox.maxLng));
}

export function offsetOf({ page, pageSize }: { page: number; pageSize: number }): number {
  return (page - 1) * pageSize;
}

/** Runs a page query and its count together. */
export async function paged<T>(query: { page: number; pageSize: number }, items: PromiseLike<T[]>, total: PromiseLike<{ n: number }[]>): Promise<Page<T>> {
  const [rows, [count]] = await Promise.all([items, total]);
  return { items: rows, total: count?.n ?? 0, page: query.page, pageSize: query.pageSize };
}

/**
 * What a funding item pays: the work in its scope (program, year, zone or bus batch) whose payer is
 * its partner. Null for every other kind of work, which carries its own cost.
 */
const funds = sql<Funded | null>`case when ${workItems.kind} = 'funding' then (
  select json_build_object(
    'planned', json_build_object('known', coalesce(sum(p.planned_cost_krw), 0)::float8, 'unknown', count(*) filter (where p.planned_cost_krw is null)),
    'actual', json_build_object('known', coalesce(sum(p.actual_cost_krw), 0)::float8, 'unknown', count(*) filter (where p.actual_cost_krw is null)))
  from work_items p
  where p.kind <> 'funding' and p.paid_by_partner_id = ${workItems.partnerId} and p.program_id = ${workItems.programId}
    and p.plan_year = ${workItems.planYear} and coalesce(p.site_id, 0) = coalesce(${workItems.siteId}, 0)
    and coalesce(p.bus_batch_id, 0) = coalesce(${workItems.busBatchId}, 0)) end`;

/** The columns every work-item listing shows. */
export const workItemColumns = {
  id: workItems.id,
  planYear: workItems.planYear,
  kind: workItems.kind,
  status: workItems.status,
  dueDate: workItems.dueDate,
  provenance: workItems.provenance,
  plannedCostKrw: workItems.plannedCostKrw,
  actualCostKrw: workItems.actualCostKrw,
  paidByPartnerId: workItems.paidByPartnerId,
  funds,
};

/**
 * Work items of one municipality's programs with their partner and scope (zone or bus batch),
 * filtered by `where`, in plan-year, scope, partner and kind order.
 */
export function selectWorkItems(db: Db, { municipalityId, where }: { municipalityId: number; where: (SQL | undefined)[] }) {
  return db
    .select({
      ...workItemColumns,
      notes: s.workItems.notes,
      version: s.workItems.version,
      provenance: s.workItems.provenance,
      partnerId: s.partners.id,
      partnerNameKo: s.partners.nameKo,
      partnerNameEn: s.partners.nameEn,
      siteId: s.sites.id,
      siteName: s.sites.name,
      busBatchId: s.busBatches.id,
      busBatchLabel: s.busBatches.label,
    })
    .from(s.workItems)
    .innerJoin(s.programs, eq(s.workItems.programId, s.programs.id))
    .innerJoin(s.partners, eq(s.workItems.partnerId, s.partners.id))
    .leftJoin(s.sites, eq(s.workItems.siteId, s.sites.id))
    .leftJoin(s.busBatches, eq(s.workItems.busBatchId, s.busBatches.id))
    .where(and(eq(s.programs.municipalityId, municipalityId), ...where))
    .orderBy(asc(s.workItems.planYear), asc(s.sites.name), asc(s.busBatches.label), asc(s.partners.id), sql`${s.workItems.kind}`);
}
