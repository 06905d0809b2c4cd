// The database's part of a first start, alone: creating the embedded database, migrating and
// seeding it; then opening it again as a restart does. Called by bench/first-start.sh.
import { openPglite } from "../db/client";
import { seedPending } from "../db/seed/steps";

const dir = process.argv[2] ?? ".data/bench-first-start";
const secs = (t: number) => +((performance.now() - t) / 1000).toFixed(1);
for (const run of ["create, migrate, seed", "reopen"]) {
  const t0 = performance.now();
  const handle = await openPglite(dir);
  const open = secs(t0);
  let t = performance.now();
  await handle.migrate();
  const migrate = secs(t);
  t = performance.now();
  if (await seedPending(handle.db)) {
    const { seed } = await import("../db/seed");
    await seed(handle.db);
  }
  const seed = secs(t);
  await handle.close();
  console.log(JSON.stringify({ case: `database: ${run}`, openS: open, migrateS: migrate, seedS: seed, totalS: secs(t0) }));
}
