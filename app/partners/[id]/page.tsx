import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { FilterForm } from "@/components/ui/filter-form";
import { Notice } from "@/components/ui/notice";
import { pageContext } from "@/server/page-context";
import { getPartner } from "@/server/partners";
import { WORK_STATUSES } from "@/lib/domain";
import { AppError } from "@/lib/errors";
import { localName } from "@/lib/format";
import { tryParseParams } from "@/lib/query-params";
import { BadFilter, filterLabels } from "../../_components/list-chrome";
import { WorkItemTable } from "../../_components/work-item-table";
import { yearOptions } from "../../_components/year-options";

export const dynamic = "force-dynamic";

const partnerPageQuery = z.strictObject({
  id: z.coerce.number().int().positive(),
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  status: z.enum(WORK_STATUSES).optional(),
});

export async function generateMetadata({ params }: PageProps<"/partners/[id]">) {
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) return {};
  try {
    const partner = await getPartner(await pageContext(), { id });
    return { title: localName(await getLocale(), partner) };
  } catch (err) {
    // The page itself answers a missing partner with 404.
    if (err instanceof AppError && err.code === "not_found") return {};
    throw err;
  }
}

export default async function PartnerPage({ params, searchParams }: PageProps<"/partners/[id]">) {
  const { id } = await params;
  const filters = await searchParams;
  const t = await getTranslations();
  const locale = await getLocale();
  const parsed = tryParseParams(partnerPageQuery, { ...filters, id });
  if (!parsed.ok) {
    if (parsed.param === "id") notFound();
    return <BadFilter param={parsed.param} value={parsed.value} resetHref={`/partners/${id}`} />;
  }
  let partner;
  try {
    partner = await getPartner(await pageContext(), parsed.data);
  } catch (err) {
    if (err instanceof AppError && err.code === "not_found") notFound();
    throw err;
  }
  const path = `/partners/${partner.id}`;
  return (
    <article>
      <p>
        <Link href="/partners">← {t("partners.back")}</Link>
      </p>
      <h1>{localName(locale, partner)}</h1>
      <dl className="facts">
        <dt>{t("partners.kind")}</dt>
        <dd>{t(`partnerKind.${partner.kind}`)}</dd>
        <dt>{t("partners.roles")}</dt>
        <dd>
          {partner.roles.map((r) => `${t(`workKind.${r.role}`)} (${localName(locale, { nameKo: r.programNameKo, nameEn: r.programNameEn })})`).join(", ")}
        </dd>
      </dl>
      <section aria-labelledby="work-h">
        <h2 id="work-h">{t("partners.workItems")}</h2>
        <FilterForm
          pathname={path}
          labels={await filterLabels()}
          fields={[
            { name: "year", label: t("filters.year"), value: parsed.data.year?.toString(), options: await yearOptions() },
            {
              name: "status",
              label: t("filters.status"),
              value: parsed.data.status,
              options: WORK_STATUSES.map((v) => ({ value: v, label: t(`workStatus.${v}`) })),
            },
          ]}
        />
        {partner.workItems.length === 0 ? (
          <Notice>{t("partners.noWorkItems")}</Notice>
        ) : (
          <WorkItemTable
            show="scope"
            items={partner.workItems.map((w) => ({
              ...w,
              scope: w.siteId
                ? { href: `/sites/${w.siteId}`, label: w.siteName ?? "" }
                : w.busBatchId
                  ? { href: `/buses?year=${w.planYear}`, label: w.busBatchLabel ?? "" }
                  : null,
            }))}
          />
        )}
      </section>
    </article>
  );
}
