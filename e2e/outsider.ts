// Prepares the browser tests' embedded database before the server opens it: migrated, seeded, and
// with a second municipality whose admin has no role in Jinju (the leak tests' outsider).
import { eq } from "drizzle-orm";
import { openPglite } from "../db/client";
import { createUser } from "../db/queries/users";
import * as s from "../db/schema";
import { seed } from "../db/seed";

export const OUTSIDER = { email: "outsider@gimhae.example", password: "outsider-pass-2026" };

const handle = await openPglite(process.env.PGLITE_DIR!);
try {
  await handle.migrate();
  await seed(handle.db);
  const [gimhae] = await handle.db.select().from(s.municipalities).where(eq(s.municipalities.code, "48250"));
  await createUser(handle.db, {
    actor: { viewer: null, label: "e2e", requestId: "e2e-outsider" },
    municipalityId: gimhae!.id,
    input: { ...OUTSIDER, name: "김해 관리자", role: "admin", partnerId: null },
  });
} finally {
  await handle.close();
}
