// What the in-process benches over Jinju share: a migrated, seeded database, a planner's request
// context for Jinju, and the median time of a call.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { DbHandle } from "../db/client";
import { seed } from "../db/seed";
import * as s from "../db/schema";
import { grantsOf, type Viewer } from "../lib/authz";
import type { RequestContext } from "../server/context";

export async function seededJinju(handle: DbHandle) {
  await handle.migrate();
  await seed(handle.db);
  const db = handle.db;
  const [jinju] = await db.select().from(s.municipalities).where(eq(s.municipalities.code, "48170"));
  const [program] = await db.select().from(s.programs).where(eq(s.programs.municipalityId, jinju!.id));
  const viewer: Viewer = {
    userId: "bench",
    email: "bench@example",
    name: "bench",
    memberships: [{ municipalityId: jinju!.id, role: "planner", partnerId: null }],
  };
  // A request context as the routes build one for a signed-in planner.
  const ctx = {
    db,
    engine: handle.engine,
    viewer,
    actor: { viewer, label: "bench", requestId: randomUUID() },
    municipality: jinju!,
    role: "planner",
    grants: grantsOf(viewer, jinju!.id),
    requestId: randomUUID(),
  } as unknown as RequestContext;
  return { db, jinju: jinju!, program: program!, ctx };
}

/** The median of `runs` timed calls in milliseconds, after one untimed call to warm up. */
export async function medianMs(runs: number, fn: () => Promise<unknown>, digits = 1) {
  await fn();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    ms.push(performance.now() - t);
  }
  return +ms.sort((a, b) => a - b)[Math.floor(runs / 2)]!.toFixed(digits);
}

/** A repeatable random number in [0, 1), so every run benches the same city. */
export function seededRandom(seedValue = 42) {
  let x = seedValue;
  return () => (x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}
