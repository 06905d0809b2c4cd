// Users and their roles per municipality (admins).
import { createUser as insertUser, listUsers as queryUsers, setUserRole as updateRole, type NewUser, type UserRow } from "../db/queries/users";
import { authorize } from "../lib/authz";
import type { Role } from "../lib/domain";
import { readModel } from "../lib/read-model";
import type { RequestContext } from "./context";

export const userModel = readModel<UserRow>()({ public: [], manageUsers: ["id", "email", "name", "role", "partnerId", "createdAt"] });

export type UserView = Awaited<ReturnType<typeof listUsers>>[number];

export async function listUsers(ctx: RequestContext) {
  authorize(ctx.viewer, ctx.municipality.id, "manageUsers");
  return userModel.manyWith(await queryUsers(ctx.db, { municipalityId: ctx.municipality.id }), ctx.grants, "manageUsers");
}

export async function createUser(ctx: RequestContext, input: NewUser) {
  authorize(ctx.viewer, ctx.municipality.id, "manageUsers");
  return insertUser(ctx.db, { actor: ctx.actor, municipalityId: ctx.municipality.id, input });
}

export async function setUserRole(ctx: RequestContext, { userId, role, partnerId }: { userId: string; role: Role | null; partnerId: number | null }) {
  authorize(ctx.viewer, ctx.municipality.id, "manageUsers");
  return updateRole(ctx.db, { actor: ctx.actor, municipalityId: ctx.municipality.id, userId, role, partnerId });
}
