// `npm run user:create -- --email <e> --name <n> --password <p> --role <role> [--municipality <code>] [--partner <name>] [--locale ko|en]`:
// creates a user with a role in one municipality (the first admin, typically). It speaks Korean
// unless `--locale en`. Exit 2 on bad input.
import { eq } from "drizzle-orm";
import { AppError } from "../../lib/errors";
import { newUserInput } from "../../lib/inputs";
import { withCliDb } from "../../db/script";
import { readCliArgs } from "./args";
import { createUser } from "../../db/queries/users";
import * as s from "../../db/schema";
import { seed } from "../../db/seed";

function refuse(message: string): never {
  console.error(message);
  process.exit(2);
}

const args = readCliArgs({
  email: { type: "string" },
  name: { type: "string" },
  password: { type: "string" },
  role: { type: "string" },
  municipality: { type: "string", default: process.env.DEFAULT_MUNICIPALITY ?? "48170" },
  partner: { type: "string" },
});
const values = args.values as { email?: string; name?: string; password?: string; role?: string; municipality?: string; partner?: string };
const { t } = args;
if (args.wrong === "locale") refuse(t("cli.badLocale", { value: args.locale }));
if (args.wrong === "usage") refuse(t("cli.user.usage"));

const parsed = newUserInput.safeParse({
  email: values.email,
  name: values.name ?? values.email?.split("@")[0],
  password: values.password,
  role: values.role,
  municipality: values.municipality,
});
if (!parsed.success) {
  const field = String(parsed.error.issues[0]!.path[0]);
  const why =
    field === "role"
      ? t("cli.user.badRole")
      : field === "municipality"
        ? t("cli.badMunicipality", { value: String(values.municipality) })
        : `--${field}: ${t(`users.bad.${field}`)}`;
  refuse(`${why}\n${t("cli.user.usage")}`);
}

await withCliDb(async (handle) => {
  if (handle.engine === "pglite") {
    await handle.migrate();
    await seed(handle.db);
  }
  const { db } = handle;
  const [m] = await db.select().from(s.municipalities).where(eq(s.municipalities.code, parsed.data.municipality!));
  if (!m) refuse(t("cli.noMunicipality", { code: parsed.data.municipality! }));
  let partnerId: number | null = null;
  if (parsed.data.role === "partner") {
    if (!values.partner) refuse(t("cli.user.partnerNeeded"));
    const [p] = await db.select().from(s.partners).where(eq(s.partners.nameKo, values.partner));
    if (!p) refuse(t("cli.user.noPartner", { name: values.partner }));
    partnerId = p.id;
  }
  try {
    const user = await createUser(db, {
      actor: { viewer: null, label: `cli:${process.env.USER ?? "unknown"}`, requestId: `cli-${Date.now()}` },
      municipalityId: m.id,
      input: { email: parsed.data.email, name: parsed.data.name, password: parsed.data.password, role: parsed.data.role, partnerId },
    });
    console.log(t("cli.user.created", { email: user.email, role: t(`role.${user.role}`), municipality: m.nameKo }));
  } catch (err) {
    // The same email twice: said like the users screen says it.
    if (err instanceof AppError && err.code === "conflict") {
      console.error(`--email: ${t("users.bad.emailTaken")}`);
      process.exitCode = 1;
      return;
    }
    throw err;
  }
}, t);
