// Opens the database when the server starts, so the embedded one is migrated and seeded before the first request.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { getDb } = await import("./db");
  try {
    const { engine } = await getDb();
    console.log(`database ready (${engine})`);
  } catch (err) {
    // Keep serving: requests answer with a clear error until the cause is fixed.
    console.error(err instanceof Error ? err.message : err);
  }
}
