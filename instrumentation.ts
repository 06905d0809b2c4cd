// Runs once when the server starts; the Node-only work lives in its own module so the Edge bundle never sees it.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { openDatabaseAtStart, guardRequests } = await import("./instrumentation-node");
  guardRequests();
  await openDatabaseAtStart();
}
