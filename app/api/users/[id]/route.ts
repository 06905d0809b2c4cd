// A user's role in a municipality (admins only): change it, or remove it with `role: null`.
import { z } from "zod";
import { route } from "@/server/context";
import { setUserRole } from "@/server/users";
import { setRoleInput } from "@/lib/inputs";

export const dynamic = "force-dynamic";

const userParam = z.strictObject({ id: z.string().min(1).max(100) });

export const PATCH = route({ write: true, params: userParam, body: setRoleInput }, (ctx, { params, body }) =>
  setUserRole(ctx, { userId: params.id, role: body.role, partnerId: body.partnerId }),
);
