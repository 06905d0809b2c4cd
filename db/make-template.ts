// `npm install` (postinstall): writes the embedded database's starting points (see db/pglite-template.ts):
// the empty cluster for any new folder, and the app's database, migrated and seeded, for the app's new folder.
import fs from "node:fs";
import path from "node:path";
import { openPglite } from "./client";
import { appTemplateDirs, writeTemplate } from "./pglite-template";
import { seedProgram } from "./seed";
import { seedUsers } from "./seed/users";
import { readAuthEnv } from "../lib/env";

const secs = (t: number) => ((performance.now() - t) / 1000).toFixed(1);
let started = performance.now();
const file = await writeTemplate();
console.log(`embedded database template: ${path.relative(process.cwd(), file)} (${secs(started)} s)`);

started = performance.now();
// Both named from one reading of the code.
const { plain, demo } = appTemplateDirs() ?? { plain: null, demo: null };
if (plain && demo && !(fs.existsSync(path.join(plain, "PG_VERSION")) && fs.existsSync(path.join(demo, "PG_VERSION")))) {
  // Each is made beside its final place and renamed when complete, so a broken install never leaves half a copy.
  const partial = (dir: string) => `${dir}.${process.pid}.tmp`;
  const make = async (dir: string, from: string | null, fill: (handle: Awaited<ReturnType<typeof openPglite>>) => Promise<unknown>) => {
    fs.rmSync(partial(dir), { recursive: true, force: true });
    if (from) fs.cpSync(from, partial(dir), { recursive: true });
    const handle = await openPglite(partial(dir));
    try {
      await fill(handle);
    } finally {
      await handle.close();
    }
  };
  await make(plain, null, async (h) => {
    await h.migrate();
    await seedProgram(h.db);
  });
  // The demo logins only: never an ADMIN_EMAIL of the installing shell.
  await make(demo, partial(plain), (h) => seedUsers(h.db, { ...readAuthEnv({ NODE_ENV: "development" }), admin: undefined, demoUsers: true }));
  // Copies made for other code are of no use any more.
  const ours = new Set([plain, demo].map((d) => path.basename(partial(d))));
  for (const old of fs.readdirSync(path.dirname(plain)).filter((n) => n.startsWith("app-") && !ours.has(n))) {
    fs.rmSync(path.join(path.dirname(plain), old), { recursive: true, force: true });
  }
  fs.renameSync(partial(plain), plain);
  fs.renameSync(partial(demo), demo);
}
if (plain && demo) console.log(`embedded app database: ${path.relative(process.cwd(), plain)}, -demo (${secs(started)} s)`);
