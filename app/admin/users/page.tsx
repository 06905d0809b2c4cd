// `/admin/users`: the municipality's users and their roles (admins only).
import { getLocale, getTranslations } from "next-intl/server";
import { pageContext } from "@/server/page-context";
import { listPartners } from "@/server/partners";
import { localName } from "@/lib/format";
import { guardPage } from "../../_components/require-role";
import { UsersAdmin } from "./_components/users-admin";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  return { title: (await getTranslations("users"))("title") };
}

export default async function UsersPage() {
  const guard = await guardPage("/admin/users", ["admin"]);
  const t = await getTranslations("users");
  if (!guard.ok) return guard.notice;
  const locale = await getLocale();
  const ctx = await pageContext();
  const [municipality, partners] = [ctx.municipality, await listPartners(ctx)];
  return (
    <article>
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro", { municipality: localName(locale, municipality) })}</p>
      <UsersAdmin partners={partners.map((p) => ({ id: p.id, name: localName(locale, p) }))} />
    </article>
  );
}
