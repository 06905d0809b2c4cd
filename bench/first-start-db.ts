// The database's part of a first start, alone: creating the embedded database (from the empty cluster,
// then migrating and seeding it; or, as the app does, copying the install's migrated and seeded copy),
// then opening it again as a restart does. Called by bench/first-start.sh.
import fs from "node:fs";
import { openPglite } from "../db/client";
import { seedPending } from "../db/seed/steps";

const dir = process.argv[2] ?? ".data/bench-first-start";
const secs = (t: number) => +((performance.now() - t) / 1000).toFixed(1);
const runs = [
  { name: "create, migrate, seed", fresh: true, appTemplate: undefined },
  { name: "reopen", fresh: false, appTemplate: undefined },
  { name: "copy of the install's app database", fresh: true, appTemplate: "demo" as const },
];
for (const run of runs) {
  if (run.fresh) fs.rmSync(dir, { recursive: true, force: true });
  const t0 = performance.now();
  const handle = await openPglite(dir, { appTemplate: run.appTemplate });
  const open = secs(t0);
  let t = performance.now();
  await handle.migrate();
  const migrate = secs(t);
  t = performance.now();
  if (await seedPending(handle.db)) {
    const { seed } = await import("../db/seed");
    await seed(handle.db);
  } else {
    const { seedUsers } = await import("../db/seed/users");
    await seedUsers(handle.db);
  }
  const seed = secs(t);
  await handle.close();
  console.log(JSON.stringify({ case: `database: ${run.name}`, openS: open, migrateS: migrate, seedS: seed, totalS: secs(t0) }));
}
