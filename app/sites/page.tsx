import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge, EstimateMark } from "@/components/ui/badge";
import { FilterForm } from "@/components/ui/filter-form";
import { Notice } from "@/components/ui/notice";
import { pageContext } from "@/server/page-context";
import { listSites, sitesBySource } from "@/server/sites";
import { SITE_CATEGORIES, SITE_SOURCES, SITE_STATUSES, zoneEstimates } from "@/lib/domain";
import { siteQuery, tryParseParams } from "@/lib/query-params";
import { BadFilter, filterLabels, ListPagination, sortHeaders } from "../_components/list-chrome";
import { ExportLinks } from "../_components/export-links";
import { yearOptions } from "../_components/year-options";

export const dynamic = "force-dynamic";

const PATH = "/sites";

export async function generateMetadata() {
  return { title: (await getTranslations("sites"))("heading") };
}

export default async function SitesPage({ searchParams }: PageProps<"/sites">) {
  const params = await searchParams;
  const t = await getTranslations();
  const format = await getFormatter();
  const parsed = tryParseParams(siteQuery, params);
  if (!parsed.ok) return <BadFilter param={parsed.param} value={parsed.value} resetHref={PATH} />;
  const query = parsed.data;
  const { municipality, ...filters } = query;
  const ctx = await pageContext(municipality);
  const [result, bySource] = await Promise.all([listSites(ctx, filters), sitesBySource(ctx)]);
  const header = await sortHeaders(PATH, params, { sort: query.sort, dir: query.dir });

  return (
    <article>
      <h1>{t("sites.heading")}</h1>
      {/* Every count says what it counts: the program's zones are not all the zones on record. */}
      <p className="muted" data-testid="sites-by-source">
        {t("sites.bySourceLead", { total: bySource.program + bySource.other })}{" "}
        <Link href={`${PATH}?source=program`}>{t("sites.programCount", { count: bySource.program })}</Link>
        {" · "}
        <Link href={`${PATH}?source=other`}>{t("sites.otherCount", { count: bySource.other })}</Link>
      </p>
      <FilterForm
        pathname={PATH}
        labels={await filterLabels()}
        keep={{ sort: params.sort as string | undefined, dir: params.dir as string | undefined }}
        fields={[
          { name: "year", label: t("filters.year"), value: query.year?.toString(), options: await yearOptions() },
          { name: "status", label: t("filters.status"), value: query.status, options: SITE_STATUSES.map((v) => ({ value: v, label: t(`siteStatus.${v}`) })) },
          {
            name: "category",
            label: t("filters.category"),
            value: query.category,
            options: SITE_CATEGORIES.map((v) => ({ value: v, label: t(`category.${v}`) })),
          },
          { name: "source", label: t("filters.source"), value: query.source, options: SITE_SOURCES.map((v) => ({ value: v, label: t(`siteSource.${v}`) })) },
        ]}
        search={{ label: t("filters.search"), placeholder: t("filters.searchPlaceholder"), value: query.q }}
      />
      <ExportLinks
        what="sites"
        formats={["csv", "geojson"]}
        filters={{ year: query.year, status: query.status, category: query.category, source: query.source }}
      />
      <ExportLinks what="standard" formats={["csv", "csv-cp949"]} />
      <ExportLinks what="standard" formats={["csv", "csv-cp949"]} filters={{ estimates: "include" }} label="whatStandardWithEstimates" />
      {result.items.length === 0 ? (
        <Notice>{t("sites.empty")}</Notice>
      ) : (
        <div className="table-wrap">
          <table className="data" data-testid="sites-table">
            <thead>
              <tr>
                {header("name", t("sites.name"))}
                {header("category", t("sites.category"))}
                {header("dong", t("sites.dong"))}
                {header("status", t("sites.status"))}
                {header("planYear", t("sites.planYear"), { num: true })}
                {header("apCount", t("sites.apCount"), { num: true })}
                <th scope="col">{t("sites.provenance")}</th>
              </tr>
            </thead>
            <tbody>
              {result.items.map((site) => (
                <tr key={site.id}>
                  <td>
                    <Link href={`/sites/${site.id}`}>{site.name}</Link>
                  </td>
                  <td>
                    {site.categoryGiven
                      ? t("sites.categoryGiven", { label: t(`category.${site.category}`), given: site.categoryGiven })
                      : t(`category.${site.category}`)}
                  </td>
                  <td data-testid="site-dong">
                    {site.dong ?? "—"}
                    <EstimateMark on={zoneEstimates(site).dong} label={t("provenance.estimate")} />
                  </td>
                  <td>
                    <Badge tone={site.status}>{t(`siteStatus.${site.status}`)}</Badge>
                  </td>
                  <td className="num">{site.planYear ?? "—"}</td>
                  <td className="num">
                    {format.number(site.apCount)}
                    <EstimateMark on={zoneEstimates(site).apCount} label={t("provenance.estimate")} />
                  </td>
                  <td>
                    <Badge tone={site.provenance}>{t(`provenance.${site.provenance}`)}</Badge>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ListPagination pathname={PATH} params={params} page={query.page} pageSize={query.pageSize} total={result.total} />
    </article>
  );
}
