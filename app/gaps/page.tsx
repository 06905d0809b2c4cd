// `/gaps`: points of interest no active or approved AP covers, by kind, each with one click to propose it as a candidate.
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { FilterForm } from "@/components/ui/filter-form";
import { Notice } from "@/components/ui/notice";
import { pageContext } from "@/server/page-context";
import { listCoverageGaps } from "@/server/planning";
import { roleCan } from "@/lib/authz";
import { POI_KINDS } from "@/lib/domain";
import { GAP_CATEGORY } from "@/lib/planning";
import { gapsQuery, tryParseParams } from "@/lib/query-params";
import { hrefWith } from "@/lib/url";
import { BadFilter, filterLabels, ListPagination } from "../_components/list-chrome";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  return { title: (await getTranslations("gaps"))("title") };
}

export default async function GapsPage({ searchParams }: PageProps<"/gaps">) {
  const params = await searchParams;
  const t = await getTranslations();
  const format = await getFormatter();
  const parsed = tryParseParams(gapsQuery, params);
  if (!parsed.ok) return <BadFilter param={parsed.param} value={parsed.value} resetHref="/gaps" />;
  const ctx = await pageContext(parsed.data.municipality);
  const { kind, page, pageSize } = parsed.data;
  const gaps = await listCoverageGaps(ctx, { kind, page, pageSize });
  const canPropose = roleCan(ctx.role, "editPlan");
  return (
    <article>
      <h1>{t("gaps.title")}</h1>
      <p className="muted">{t("gaps.intro", { radius: gaps.radiusM })}</p>
      <dl className="stat-cards" data-testid="gap-counts">
        {POI_KINDS.filter((k) => gaps.byKind[k]).map((k) => (
          <div key={k} data-testid={`gap-${k}`}>
            <dt>
              {/* Each count opens the list of its kind. */}
              <Link href={hrefWith("/gaps", {}, { kind: k, municipality: parsed.data.municipality })} aria-current={kind === k ? "true" : undefined}>
                {t(`poiKind.${k}`)}
              </Link>
            </dt>
            <dd>{format.number(gaps.byKind[k]!.uncovered)}</dd>
            <dd className="small muted">{t("gaps.covered", gaps.byKind[k]!)}</dd>
          </div>
        ))}
      </dl>
      <FilterForm
        pathname="/gaps"
        labels={await filterLabels()}
        fields={[{ name: "kind", label: t("gaps.kind"), value: parsed.data.kind, options: POI_KINDS.map((k) => ({ value: k, label: t(`poiKind.${k}`) })) }]}
      />
      {gaps.total === 0 ? (
        <Notice>{t("gaps.empty")}</Notice>
      ) : (
        <div className="table-wrap">
          <table className="data" data-testid="gaps-table">
            <thead>
              <tr>
                <th>{t("gaps.name")}</th>
                <th>{t("gaps.kind")}</th>
                <th>{t("gaps.onMap")}</th>
                {canPropose ? <th>{t("gaps.action")}</th> : null}
              </tr>
            </thead>
            <tbody>
              {gaps.items.map((p) => (
                <tr key={p.id}>
                  <td>{p.name}</td>
                  <td>{t(`poiKind.${p.kind}`)}</td>
                  <td>
                    <Link href={`/map?c=${p.lat.toFixed(5)},${p.lng.toFixed(5)}&z=17&l=aps,zones,candidates,gaps,coverage`}>{t("gaps.onMap")}</Link>
                  </td>
                  {canPropose ? (
                    <td>
                      <Link
                        href={hrefWith("/candidates", {}, { name: p.name, category: GAP_CATEGORY[p.kind], lat: p.lat, lng: p.lng })}
                        data-testid={`propose-${p.id}`}
                      >
                        {t("gaps.propose")}
                      </Link>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ListPagination pathname="/gaps" params={params} page={page} pageSize={pageSize} total={gaps.total} />
    </article>
  );
}
