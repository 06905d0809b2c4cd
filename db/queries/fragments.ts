// SQL fragments several query modules share; free of the server-only marker so the CLIs can use them.
import { and, isNotNull, isNull, ne, or, sql } from "drizzle-orm";
import type { SiteSource } from "../../lib/domain";
import * as s from "../schema";

/** The number of APs of the row's site. Table-qualified by hand: inside a subquery an unqualified
 * "id" would bind to the inner table. */
export const siteApCount = sql<number>`(select count(*)::int from access_points ap where ap.site_id = "sites"."id")`;
/** How many of them are estimates (a press release's total split over its zones), so a list can say the count is one. */
export const siteEstimatedApCount = sql<number>`(select count(*)::int from access_points ap where ap.site_id = "sites"."id" and ap.provenance = 'estimate')`;

/** Zones still in the inventory: a zone retired because a newer edition of its file superseded it is kept with its history, and counted nowhere. */
export const siteInInventory = ne(s.sites.status, "retired");

/** The one rule of where a zone belongs: a zone is the program's when it carries the program, else it is the rest of the inventory. */

export const siteSourceIs = (source: SiteSource | undefined) =>
  source === "program" ? isNotNull(s.sites.programId) : source === "other" ? isNull(s.sites.programId) : undefined;

/**
 * The same rule for an AP (joined to its site, if any): the program's when its zone is, or when it is on
 * a bus (every bus belongs to one of a program's batches); else the rest of the inventory.
 */
export const apSourceIs = (source: SiteSource | undefined) =>
  source === "program"
    ? or(isNotNull(s.accessPoints.busId), isNotNull(s.sites.programId))
    : source === "other"
      ? and(isNull(s.accessPoints.busId), isNull(s.sites.programId))
      : undefined;

/** An AP's source as a value (joined to its site, if any). */
export const apSource = sql<SiteSource>`case when ${s.accessPoints.busId} is not null or ${s.sites.programId} is not null then 'program' else 'other' end`;
