// Users of a municipality (admins only): list them, or create one with a role.
import { route } from "@/server/context";
import { createUser, listUsers } from "@/server/users";
import { newUserInput } from "@/lib/inputs";
import { summaryQuery } from "@/lib/query-params";

export const dynamic = "force-dynamic";

export const GET = route({ query: summaryQuery }, async (ctx) => ({ items: await listUsers(ctx) }));

export const POST = route({ write: true, body: newUserInput, status: 201 }, (ctx, { body: { municipality: _m, ...input } }) => createUser(ctx, input));
