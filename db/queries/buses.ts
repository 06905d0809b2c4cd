// Buses: filtered, sorted pages with operator and AP counts, and one bus with its APs.
import { and, asc, count, desc, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import { AppError } from "../../lib/errors";
import { BUS_STATUSES, type BusStatus } from "../../lib/domain";
import type { BusQuery } from "../../lib/query-params";
import type { Db } from "../client";
import * as s from "../schema";
import { listAccessPointsByOwner } from "./access-points";
import { offsetOf, paged, withinBBox, type Page } from "./common";

// Table-qualified by hand: inside a subquery an unqualified "id" would bind to the inner table.
const apCount = sql<number>`(select count(*)::int from access_points ap where ap.bus_id = "buses"."id")`;

const busColumns = {
  id: s.buses.id,
  vehicleNumber: s.buses.vehicleNumber,
  routes: s.buses.routes,
  status: s.buses.status,
  installYear: s.buses.installYear,
  installMonth: s.buses.installMonth,
  planYear: s.busBatches.planYear,
  operatorId: s.busOperators.id,
  operatorName: s.busOperators.name,
  provenance: s.buses.provenance,
  apCount,
};
export type BusRow = {
  id: number;
  vehicleNumber: string;
  routes: string[];
  status: s.Bus["status"];
  installYear: number | null;
  installMonth: number | null;
  planYear: number | null;
  operatorId: number | null;
  operatorName: string | null;
  provenance: s.Bus["provenance"];
  apCount: number;
};

const SORT_COLUMNS: Record<BusQuery["sort"], SQL | typeof s.buses.vehicleNumber> = {
  vehicleNumber: s.buses.vehicleNumber,
  operator: sql`${s.busOperators.name}`,
  planYear: sql`${s.busBatches.planYear}`,
  status: sql`${s.buses.status}`,
  route: sql`${s.buses.routes}[1]`,
};

export async function listBuses(db: Db, { municipalityId, ...query }: Omit<BusQuery, "municipality"> & { municipalityId: number }): Promise<Page<BusRow>> {
  const where = and(
    eq(s.buses.municipalityId, municipalityId),
    query.year !== undefined ? eq(s.busBatches.planYear, query.year) : undefined,
    query.status ? eq(s.buses.status, query.status) : undefined,
    query.operator ? eq(s.buses.operatorId, query.operator) : undefined,
    withinBBox(s.busOperators.depotLat, s.busOperators.depotLng, query.bbox),
    query.q
      ? or(ilike(s.buses.vehicleNumber, `%${query.q}%`), sql`${query.q} = any(${s.buses.routes})`, ilike(s.busOperators.name, `%${query.q}%`))
      : undefined,
  );
  const order = query.dir === "desc" ? desc : asc;
  const base = () =>
    db
      .select(busColumns)
      .from(s.buses)
      .leftJoin(s.busBatches, eq(s.buses.batchId, s.busBatches.id))
      .leftJoin(s.busOperators, eq(s.buses.operatorId, s.busOperators.id));
  return paged(
    query,
    base().where(where).orderBy(order(SORT_COLUMNS[query.sort]), asc(s.buses.id)).limit(query.pageSize).offset(offsetOf(query)),
    db
      .select({ n: count() })
      .from(s.buses)
      .leftJoin(s.busBatches, eq(s.buses.batchId, s.busBatches.id))
      .leftJoin(s.busOperators, eq(s.buses.operatorId, s.busOperators.id))
      .where(where),
  );
}

/** A municipality's buses by status, every status named (0 where it has none): what the list's count line shows. */
export async function countBusesByStatus(db: Db, { municipalityId }: { municipalityId: number }): Promise<Record<BusStatus, number>> {
  const rows = await db.select({ status: s.buses.status, n: count() }).from(s.buses).where(eq(s.buses.municipalityId, municipalityId)).groupBy(s.buses.status);
  const counted = new Map(rows.map((r) => [r.status, r.n]));
  return Object.fromEntries(BUS_STATUSES.map((st) => [st, counted.get(st) ?? 0])) as Record<BusStatus, number>;
}

export async function getBusById(db: Db, { id }: { id: number }) {
  const [bus] = await db
    .select({ ...busColumns, municipalityId: s.buses.municipalityId, sourceNote: s.buses.sourceNote, batchId: s.busBatches.id, batchLabel: s.busBatches.label })
    .from(s.buses)
    .leftJoin(s.busBatches, eq(s.buses.batchId, s.busBatches.id))
    .leftJoin(s.busOperators, eq(s.buses.operatorId, s.busOperators.id))
    .where(eq(s.buses.id, id));
  if (!bus) throw new AppError("not_found", `No bus with id ${id}`, { path: "id", params: { value: id } });
  const accessPoints = await listAccessPointsByOwner(db, { busId: id });
  return { ...bus, accessPoints };
}
export type BusDetail = Awaited<ReturnType<typeof getBusById>>;

export async function listBusOperators(db: Db, { municipalityId }: { municipalityId: number }) {
  return db
    .select({ id: s.busOperators.id, name: s.busOperators.name })
    .from(s.busOperators)
    .where(eq(s.busOperators.municipalityId, municipalityId))
    .orderBy(asc(s.busOperators.name));
}
