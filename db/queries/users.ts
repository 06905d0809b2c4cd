// Users and their roles per municipality: created by admins (or the command line), never by visitors.
import { and, asc, eq } from "drizzle-orm";
import { hashPassword } from "better-auth/crypto";
import { randomUUID } from "node:crypto";
import type { Role } from "../../lib/domain";
import { AppError } from "../../lib/errors";
import type { Db } from "../client";
import * as s from "../schema";
import { recordChange, type Actor } from "./audit";

export type NewUser = { email: string; name: string; password: string; role: Role; partnerId: number | null };
export type UserRow = { id: string; email: string; name: string; role: Role; partnerId: number | null; createdAt: Date };

/** `passwordHash`: the password hashed by the auth library's own function, so it signs in exactly like its accounts. */
async function insertUser(tx: Parameters<Parameters<Db["transaction"]>[0]>[0], input: NewUser, passwordHash: string, municipalityId: number): Promise<string> {
  const email = input.email.trim().toLowerCase();
  const [taken] = await tx.select({ id: s.users.id }).from(s.users).where(eq(s.users.email, email));
  if (taken) throw new AppError("conflict", `A user with the email ${email} already exists.`, { issues: [{ code: "taken", path: "email" }] });
  const id = randomUUID();
  await tx.insert(s.users).values({ id, email, name: input.name.trim(), emailVerified: true });
  await tx.insert(s.accounts).values({ id: randomUUID(), accountId: id, providerId: "credential", userId: id, password: passwordHash });
  await tx.insert(s.memberships).values({ userId: id, municipalityId, role: input.role, partnerId: input.role === "partner" ? input.partnerId : null });
  return id;
}

async function checkPartner(db: Db, input: { role: Role; partnerId: number | null }) {
  if (input.role !== "partner") return;
  if (input.partnerId === null)
    throw new AppError("bad_request", "A partner user needs the partner company it acts for.", { issues: [{ code: "required", path: "partnerId" }] });
  const [p] = await db.select({ id: s.partners.id }).from(s.partners).where(eq(s.partners.id, input.partnerId));
  if (!p) throw new AppError("bad_request", `There is no partner ${input.partnerId}.`, { issues: [{ code: "unknown", path: "partnerId" }] });
}

const publicUser = (id: string, input: NewUser, municipalityId: number) => ({
  id,
  email: input.email.trim().toLowerCase(),
  name: input.name.trim(),
  municipalityId,
  role: input.role,
  partnerId: input.role === "partner" ? input.partnerId : null,
});

/** Creates a user with a role, audited; who may is checked by the caller (server/users, or the command line's operator). */
export async function createUser(db: Db, { actor, municipalityId, input }: { actor: Actor; municipalityId: number; input: NewUser }) {
  await checkPartner(db, input);
  // Hashed before the transaction: the hash is deliberately slow, and other writers need not wait for it.
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const id = await insertUser(tx, input, passwordHash, municipalityId);
    const after = publicUser(id, input, municipalityId);
    await recordChange(tx, actor, { action: "create", entityType: "user", entityId: id, municipalityId, after });
    return after;
  });
}

export async function listUsers(db: Db, { municipalityId }: { municipalityId: number }): Promise<UserRow[]> {
  return db
    .select({
      id: s.users.id,
      email: s.users.email,
      name: s.users.name,
      role: s.memberships.role,
      partnerId: s.memberships.partnerId,
      createdAt: s.users.createdAt,
    })
    .from(s.memberships)
    .innerJoin(s.users, eq(s.users.id, s.memberships.userId))
    .where(eq(s.memberships.municipalityId, municipalityId))
    .orderBy(asc(s.users.email));
}

/** Sets (or with `role: null` removes) a user's role in one municipality. */
export async function setUserRole(
  db: Db,
  { actor, municipalityId, userId, role, partnerId }: { actor: Actor; municipalityId: number; userId: string; role: Role | null; partnerId: number | null },
) {
  if (role) await checkPartner(db, { role, partnerId });
  return db.transaction(async (tx) => {
    const where = and(eq(s.memberships.userId, userId), eq(s.memberships.municipalityId, municipalityId));
    // The municipality's admins, locked: two admins taking each other's role at once cannot both succeed.
    const admins = await tx
      .select({ userId: s.memberships.userId })
      .from(s.memberships)
      .where(and(eq(s.memberships.municipalityId, municipalityId), eq(s.memberships.role, "admin")))
      .for("update");
    const [before] = await tx.select().from(s.memberships).where(where);
    if (!before) throw new AppError("not_found", `There is no user ${userId} here.`);
    if (before.role === "admin" && role !== "admin" && !admins.some((a) => a.userId !== userId)) {
      throw new AppError("unprocessable", "A municipality keeps at least one admin.", { issues: [{ code: "last_admin", path: "role" }] });
    }
    if (userId === actor.viewer?.userId && role !== "admin") {
      throw new AppError("unprocessable", "You cannot take away your own admin role; ask another admin.", { issues: [{ code: "self", path: "role" }] });
    }
    const pick = (m: { role: Role; partnerId: number | null } | undefined) => (m ? { role: m.role, partnerId: m.partnerId } : null);
    let after: { role: Role; partnerId: number | null } | undefined;
    if (role) {
      [after] = await tx
        .update(s.memberships)
        .set({ role, partnerId: role === "partner" ? partnerId : null })
        .where(where)
        .returning({ role: s.memberships.role, partnerId: s.memberships.partnerId });
    } else {
      await tx.delete(s.memberships).where(where);
      await tx.delete(s.sessions).where(eq(s.sessions.userId, userId));
    }
    await recordChange(tx, actor, {
      action: role ? "update" : "delete",
      entityType: "membership",
      entityId: userId,
      municipalityId,
      before: pick(before),
      after: pick(after),
    });
    return { userId, municipalityId, role: after?.role ?? null, partnerId: after?.partnerId ?? null };
  });
}

/** The municipalities where a user holds a role, with the role. */
export async function listMembershipsOfUser(db: Db, { userId }: { userId: string }) {
  return db
    .select({ municipalityId: s.memberships.municipalityId, role: s.memberships.role, partnerId: s.memberships.partnerId })
    .from(s.memberships)
    .where(eq(s.memberships.userId, userId));
}
