// Liveness of the database connection.
import { sql } from "drizzle-orm";
import type { Db } from "../client";

export async function checkDatabase(db: Db): Promise<void> {
  await db.execute(sql`select 1`);
}
