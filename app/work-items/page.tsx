// `/work-items`: the responsibility matrix, filtered by partner, year and open work; totals and cost shares.
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { FilterForm } from "@/components/ui/filter-form";
import { Notice } from "@/components/ui/notice";
import { pageContext } from "@/server/page-context";
import { listPartners } from "@/server/partners";
import { listPlannableYears, listResponsibilityColumns } from "@/server/planning";
import { listWorkItems } from "@/server/work-items";
import { mayEditWorkItem, membershipIn, roleCan } from "@/lib/authz";
import { localName, todayInSeoul } from "@/lib/format";
import { getCostShares } from "@/server/summary";
import { CostSharesTables } from "../_components/cost-shares";
import { workItemsQuery } from "@/lib/inputs";
import { tryParseParams } from "@/lib/query-params";
import { BadFilter, filterLabels } from "../_components/list-chrome";
import { guardPage } from "../_components/require-role";
import { Matrix } from "./_components/matrix";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  return { title: (await getTranslations("matrix"))("title") };
}

export default async function WorkItemsPage({ searchParams }: PageProps<"/work-items">) {
  const guard = await guardPage("/work-items", ["viewer", "partner", "planner", "admin"]);
  if (!guard.ok) return guard.notice;
  const params = await searchParams;
  const t = await getTranslations();
  const locale = await getLocale();
  const parsed = tryParseParams(workItemsQuery, params);
  if (!parsed.ok) return <BadFilter param={parsed.param} value={parsed.value} resetHref="/work-items" />;
  const q = parsed.data;
  const ctx = await pageContext(q.municipality);
  const { viewer, municipality: m } = ctx;
  const own = membershipIn(viewer, m.id)?.partnerId ?? null;
  const [raw, columns, partners, years, shares] = await Promise.all([
    listWorkItems(ctx, { partner: q.partner, year: q.year, status: q.status, open: q.open === "1" }),
    listResponsibilityColumns(ctx),
    listPartners(ctx),
    listPlannableYears(ctx),
    getCostShares(ctx),
  ]);
  const items = raw.map((w) => ({
    ...w,
    partnerName: localName(locale, { nameKo: w.partnerNameKo, nameEn: w.partnerNameEn }),
    editable: mayEditWorkItem(viewer, { municipalityId: m.id, partnerId: w.partnerId }),
  }));
  // Who may pay for work: the program's funders, by name for the cells and the editor.
  const partnerNames = Object.fromEntries(partners.map((p) => [p.id, localName(locale, p)]));
  const funders = partners.filter((p) => p.roles.includes("funding")).map((p) => p.id);
  const shownColumns = columns
    .filter((c) => q.partner === undefined || c.partnerId === q.partner)
    .map((c) => ({ partnerId: c.partnerId, partnerName: localName(locale, c), kind: c.kind }));
  const today = todayInSeoul();

  return (
    <article className="wide">
      <h1>{t("matrix.title")}</h1>
      <p className="muted">{t("matrix.intro")}</p>
      {ctx.role === "partner" && own !== null ? (
        <p>
          <Link href={`/work-items?partner=${own}&open=1`} data-testid="my-work">
            {t("matrix.mine")}
          </Link>
        </p>
      ) : null}
      <FilterForm
        pathname="/work-items"
        labels={await filterLabels()}
        fields={[
          {
            name: "partner",
            label: t("workItems.partner"),
            value: q.partner?.toString(),
            options: partners.map((p) => ({ value: String(p.id), label: localName(locale, p) })),
          },
          { name: "year", label: t("filters.year"), value: q.year?.toString(), options: years.map((y) => ({ value: String(y), label: String(y) })) },
          { name: "open", label: t("matrix.show"), value: q.open, allLabel: t("matrix.allWork"), options: [{ value: "1", label: t("matrix.openOnly") }] },
        ]}
      />
      {items.length === 0 ? (
        <Notice>{t("matrix.empty")}</Notice>
      ) : (
        <>
          <Matrix items={items} columns={shownColumns} today={today} canPlan={roleCan(ctx.role, "editPlan")} partnerNames={partnerNames} funders={funders} />
          {shares ? <CostSharesTables shares={shares} /> : null}
        </>
      )}
    </article>
  );
}
