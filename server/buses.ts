// Buses with their APs, and the bus operators of a municipality.
import { countBusesByStatus, getBusById, listBusOperators as queryOperators, listBuses as queryBuses, type BusRow } from "../db/queries/buses";
import type { BusQuery } from "../lib/query-params";
import { readModel } from "../lib/read-model";
import { accessPointOfOwner } from "./access-points";
import type { RequestContext } from "./context";

type BusRecord = Awaited<ReturnType<typeof getBusById>>;

export const busModel = readModel<BusRecord>()({
  public: [
    "id",
    "municipalityId",
    "vehicleNumber",
    "routes",
    "status",
    "installYear",
    "installMonth",
    "planYear",
    "operatorId",
    "operatorName",
    "provenance",
    "apCount",
    "sourceNote",
    "batchId",
    "batchLabel",
  ],
});

/** A bus as the list shows it: public inventory. */
export const busListModel = readModel<BusRow>()({
  public: ["id", "vehicleNumber", "routes", "status", "installYear", "installMonth", "planYear", "operatorId", "operatorName", "provenance", "apCount"],
});

export async function listBuses(ctx: RequestContext, query: Omit<BusQuery, "municipality">) {
  const page = await queryBuses(ctx.db, { ...query, municipalityId: ctx.municipality.id });
  return { ...page, items: busListModel.many(page.items, ctx.grants) };
}
export type BusListView = Awaited<ReturnType<typeof listBuses>>;

/** The municipality's buses by status, whatever the list's filters: the count line above the list. */
export const busesByStatus = (ctx: RequestContext) => countBusesByStatus(ctx.db, { municipalityId: ctx.municipality.id });

export async function getBus(ctx: RequestContext, { id }: { id: number }) {
  const bus = await getBusById(ctx.db, { id });
  return { ...busModel.one(bus, ctx.grants), accessPoints: accessPointOfOwner.many(bus.accessPoints, ctx.grants) };
}
export type BusView = Awaited<ReturnType<typeof getBus>>;

export async function listBusOperators(ctx: RequestContext) {
  return queryOperators(ctx.db, { municipalityId: ctx.municipality.id });
}
