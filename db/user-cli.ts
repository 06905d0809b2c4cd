// `npm run user:create -- --email <e> --name <n> --password <p> --role <role> [--municipality <code>] [--partner <name>]`:
// creates a user with a role in one municipality (the first admin, typically). Exit 2 on bad input.
import { parseArgs } from "node:util";
import { eq } from "drizzle-orm";
import { newUserInput } from "../lib/inputs";
import { withCliDb } from "./cli";
import { createUserUnchecked } from "./queries/users";
import * as s from "./schema";
import { seed } from "./seed";

function refuse(message: string): never {
  console.error(message);
  process.exit(2);
}

const { values } = parseArgs({
  options: {
    email: { type: "string" },
    name: { type: "string" },
    password: { type: "string" },
    role: { type: "string" },
    municipality: { type: "string", default: process.env.DEFAULT_MUNICIPALITY ?? "48170" },
    partner: { type: "string" },
  },
});
const parsed = newUserInput.safeParse({
  email: values.email,
  name: values.name ?? values.email?.split("@")[0],
  password: values.password,
  role: values.role,
  municipality: values.municipality,
});
if (!parsed.success) {
  const issue = parsed.error.issues[0]!;
  refuse(`--${String(issue.path[0])}: ${issue.message}\nusage: npm run user:create -- --email <e> --password <p> --role viewer|partner|planner|admin [--name <n>] [--municipality <code>] [--partner <partner name>]`);
}

await withCliDb(async (handle) => {
  if (handle.engine === "pglite") {
    await handle.migrate();
    await seed(handle.db);
  }
  const { db } = handle;
  const [m] = await db.select().from(s.municipalities).where(eq(s.municipalities.code, parsed.data.municipality!));
  if (!m) refuse(`--municipality: no municipality with code ${parsed.data.municipality}`);
  let partnerId: number | null = null;
  if (parsed.data.role === "partner") {
    if (!values.partner) refuse("--partner: a partner user needs the partner company's name");
    const [p] = await db.select().from(s.partners).where(eq(s.partners.nameKo, values.partner));
    if (!p) refuse(`--partner: no partner named ${values.partner}`);
    partnerId = p.id;
  }
  const user = await createUserUnchecked(db, {
    actor: { viewer: null, label: `cli:${process.env.USER ?? "unknown"}`, requestId: `cli-${Date.now()}` },
    municipalityId: m.id,
    input: { email: parsed.data.email, name: parsed.data.name, password: parsed.data.password, role: parsed.data.role, partnerId },
  });
  console.log(`created ${user.email} (${user.role} in ${m.nameKo})`);
});
