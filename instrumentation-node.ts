// Server start on Node: open the database, so the embedded one is migrated and seeded before the first request.
import { getDb } from "./server/database";
import { AppError } from "./lib/errors";

export async function openDatabaseAtStart(): Promise<void> {
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  try {
    const { engine } = await getDb();
    console.log(`database ready (${engine})`);
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    // A second server on the same embedded folder must not serve at all: it would corrupt it.
    if (err instanceof AppError && err.code === "database_busy") process.exit(3);
    // Otherwise keep serving: requests answer with a clear error until the database is back.
  }
}
