// SQL fragments several query modules share; free of the server-only marker so the CLIs can use them.
import { sql } from "drizzle-orm";

/** The number of APs of the row's site. Table-qualified by hand: inside a subquery an unqualified
 * "id" would bind to the inner table. */
export const siteApCount = sql<number>`(select count(*)::int from access_points ap where ap.site_id = "sites"."id")`;
