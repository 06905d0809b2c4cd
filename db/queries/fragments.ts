// SQL fragments several query modules share; free of the server-only marker so the CLIs can use them.
import { isNotNull, isNull, sql } from "drizzle-orm";
import type { SiteSource } from "../../lib/domain";
import * as s from "../schema";

/** The number of APs of the row's site. Table-qualified by hand: inside a subquery an unqualified
 * "id" would bind to the inner table. */
export const siteApCount = sql<number>`(select count(*)::int from access_points ap where ap.site_id = "sites"."id")`;

/** The one rule of where a zone belongs: a zone is the program's when it carries the program, else it is the rest of the inventory. */
export const siteSourceIs = (source: SiteSource | undefined) =>
  source === "program" ? isNotNull(s.sites.programId) : source === "other" ? isNull(s.sites.programId) : undefined;
