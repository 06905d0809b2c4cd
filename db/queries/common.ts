// Helpers every query module shares: the tenant lookup, paging and bbox conditions.
import "server-only";
import { and, between, eq, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { AppError } from "../../lib/errors";
import type { BBox } from "../../lib/query-params";
import { getDb } from "../index";
import { municipalities, workItems, type Municipality } from "../schema";

export const DEFAULT_MUNICIPALITY = process.env.DEFAULT_MUNICIPALITY ?? "48170";

export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

export async function findMunicipalityByCode({ code }: { code?: string }): Promise<Municipality> {
  const { db } = await getDb();
  const wanted = code ?? DEFAULT_MUNICIPALITY;
  const [row] = await db.select().from(municipalities).where(eq(municipalities.code, wanted));
  if (!row) throw new AppError("not_found", `No municipality with code ${wanted}`, { param: "municipality", value: wanted });
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
export async function paged<T>(
  query: { page: number; pageSize: number },
  items: PromiseLike<T[]>,
  total: PromiseLike<{ n: number }[]>,
): Promise<Page<T>> {
  const [rows, [count]] = await Promise.all([items, total]);
  return { items: rows, total: count?.n ?? 0, page: query.page, pageSize: query.pageSize };
}

/** The columns every work-item listing shows. */
export const workItemColumns = {
  id: workItems.id,
  planYear: workItems.planYear,
  kind: workItems.kind,
  status: workItems.status,
  dueDate: workItems.dueDate,
  plannedCostKrw: workItems.plannedCostKrw,
  actualCostKrw: workItems.actualCostKrw,
};
