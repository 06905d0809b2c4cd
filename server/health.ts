// Liveness: the database answers, and which engine it is.
import { checkDatabase } from "../db/queries/health";
import { getDb } from "./database";

export async function checkHealth() {
  const { db, engine } = await getDb();
  await checkDatabase(db);
  return { ok: true, database: engine };
}
