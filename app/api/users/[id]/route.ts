// A user's role in a municipality (admins only): change it, or remove it with `role: null`.
import { getDb } from "@/db";
import { writerOf } from "@/db/auth";
import { findMunicipalityByCode } from "@/db/queries/common";
import { setUserRole } from "@/db/queries/users";
import { handle } from "@/lib/http";
import { parseBody, setRoleInput } from "@/lib/inputs";

export const dynamic = "force-dynamic";

export const PATCH = handle(async (req: Request, ctx: RouteContext<"/api/users/[id]">) => {
  const actor = await writerOf(req);
  const { id } = await ctx.params;
  const { municipality, role, partnerId } = await parseBody(setRoleInput, req);
  const [m, { db }] = await Promise.all([findMunicipalityByCode({ code: municipality }), getDb()]);
  return Response.json(await setUserRole(db, { actor, municipalityId: m.id, userId: id, role, partnerId }));
});
