// Accounts the seed makes: the first admin from ADMIN_EMAIL / ADMIN_PASSWORD, and in development and
// tests one demo user per role in Jinju. Existing emails are left alone, so re-seeding changes nothing.
import { eq, inArray } from "drizzle-orm";
import type { Role } from "../../lib/domain";
import { readAuthEnv, type AuthEnv } from "../../lib/env";
import type { Db } from "../client";
import { createUser } from "../queries/users";
import * as s from "../schema";
import { JINJU } from "./jinju-facts";

/** The demo logins (the README lists them). Never created when DEMO_USERS is off, as in production. */
export const DEMO_USERS = [
  { role: "viewer", email: "viewer@jinju.example", password: "viewer-pass-2026", name: "열람 담당" },
  { role: "partner", email: "kt@jinju.example", password: "partner-pass-2026", name: "KT 담당", partner: "KT" },
  { role: "planner", email: "planner@jinju.example", password: "planner-pass-2026", name: "계획 담당" },
  { role: "admin", email: "admin@jinju.example", password: "admin-pass-2026", name: "관리자" },
] as const satisfies ReadonlyArray<{ role: Role; email: string; password: string; name: string; partner?: string }>;

export async function seedUsers(db: Db, env: AuthEnv = readAuthEnv()): Promise<string[]> {
  const [jinju] = await db.select({ id: s.municipalities.id }).from(s.municipalities).where(eq(s.municipalities.code, JINJU.code));
  if (!jinju) return [];
  const wanted: { email: string; password: string; name: string; role: Role; partner?: string }[] = [];
  // Addresses as they are stored: trimmed and in lower case.
  if (env.admin) wanted.push({ ...env.admin, email: env.admin.email.trim().toLowerCase(), name: env.admin.email.split("@")[0]!, role: "admin" });
  if (env.demoUsers) wanted.push(...DEMO_USERS);
  const existing = new Set(
    wanted.length
      ? (
          await db
            .select({ email: s.users.email })
            .from(s.users)
            .where(
              inArray(
                s.users.email,
                wanted.map((u) => u.email),
              ),
            )
        ).map((u) => u.email)
      : [],
  );
  // Each address once (the first wanted wins, as ADMIN_EMAIL over a demo login of the same address).
  const missing = wanted.filter((u, i) => !existing.has(u.email) && wanted.findIndex((w) => w.email === u.email) === i);
  // Together: each password's hash runs on its own thread while the others' do.
  await Promise.all(
    missing.map(async (u) => {
      const [partner] = u.partner ? await db.select({ id: s.partners.id }).from(s.partners).where(eq(s.partners.nameKo, u.partner)) : [];
      await createUser(db, {
        actor: { viewer: null, label: "seed", requestId: "seed" },
        municipalityId: jinju.id,
        input: { email: u.email, name: u.name, password: u.password, role: u.role, partnerId: partner?.id ?? null },
      });
    }),
  );
  return missing.map((u) => `user ${u.email} (${u.role})`);
}
