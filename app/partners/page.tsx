import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Notice } from "@/components/ui/notice";
import { pageContext } from "@/server/page-context";
import { listPartners } from "@/server/partners";
import { localName } from "@/lib/format";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  return { title: (await getTranslations("partners"))("heading") };
}

export default async function PartnersPage() {
  const t = await getTranslations();
  const format = await getFormatter();
  const locale = await getLocale();
  const partners = await listPartners(await pageContext());
  return (
    <article>
      <h1>{t("partners.heading")}</h1>
      {partners.length === 0 ? (
        <Notice>{t("partners.empty")}</Notice>
      ) : (
        <div className="table-wrap">
          <table className="data" data-testid="partners-table">
            <thead>
              <tr>
                <th scope="col">{t("partners.name")}</th>
                <th scope="col">{t("partners.kind")}</th>
                <th scope="col">{t("partners.roles")}</th>
                <th scope="col">{t("partners.openItems")}</th>
                <th scope="col">{t("partners.doneItems")}</th>
              </tr>
            </thead>
            <tbody>
              {partners.map((p) => (
                <tr key={p.id}>
                  <td>
                    <Link href={`/partners/${p.id}`}>{localName(locale, p)}</Link>
                  </td>
                  <td>{t(`partnerKind.${p.kind}`)}</td>
                  <td>{p.roles.map((r) => t(`workKind.${r}`)).join(", ")}</td>
                  <td className="num">
                    <Link href={`/partners/${p.id}?status=not_started`}>{format.number(p.openItems)}</Link>
                  </td>
                  <td className="num">{format.number(p.doneItems)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </article>
  );
}
