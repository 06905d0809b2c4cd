// Liveness of the database connection.
import "server-only";
import { sql } from "drizzle-orm";
import { getDb, type Engine } from "../index";

export async function checkDatabase(): Promise<Engine> {
  const { db, engine } = await getDb();
  await db.execute(sql`select 1`);
  return engine;
}
