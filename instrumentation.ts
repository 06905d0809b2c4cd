// Opens the database when the server starts, so the embedded one is migrated and seeded before the first request.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { getDb } = await import("./db");
  const { AppError } = await import("./lib/errors");
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
