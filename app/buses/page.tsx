import Link from "next/link";
import { Fragment } from "react";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { FilterForm } from "@/components/ui/filter-form";
import { Notice } from "@/components/ui/notice";
import { busesByStatus, listBuses, listBusOperators } from "@/server/buses";
import { pageContext } from "@/server/page-context";
import { BUS_STATUSES } from "@/lib/domain";
import { yearMonth } from "@/lib/format";
import { busQuery, tryParseParams } from "@/lib/query-params";
import { BadFilter, filterLabels, ListPagination, sortHeaders } from "../_components/list-chrome";
import { yearOptions } from "../_components/year-options";

export const dynamic = "force-dynamic";

const PATH = "/buses";

export async function generateMetadata() {
  return { title: (await getTranslations("buses"))("heading") };
}

export default async function BusesPage({ searchParams }: PageProps<"/buses">) {
  const params = await searchParams;
  const t = await getTranslations();
  const format = await getFormatter();
  const parsed = tryParseParams(busQuery, params);
  if (!parsed.ok) return <BadFilter param={parsed.param} value={parsed.value} resetHref={PATH} />;
  const query = parsed.data;
  const { municipality, ...filters } = query;
  const ctx = await pageContext(municipality);
  const [result, operators, byStatus] = await Promise.all([listBuses(ctx, filters), listBusOperators(ctx), busesByStatus(ctx)]);
  const header = await sortHeaders(PATH, params, { sort: query.sort, dir: query.dir });

  return (
    <article>
      <h1>{t("buses.heading")}</h1>
      {/* Every count says what it counts: all the municipality's buses on record, by status, whatever the filters. */}
      <p className="muted" data-testid="buses-by-status">
        {t("buses.byStatusLead", { total: BUS_STATUSES.reduce((n, st) => n + byStatus[st], 0) })}{" "}
        {BUS_STATUSES.map((st, i) => (
          <Fragment key={st}>
            {i > 0 ? " · " : null}
            <Link href={`${PATH}?status=${st}`}>{t("buses.statusCount", { status: t(`busStatus.${st}`), count: byStatus[st] })}</Link>
          </Fragment>
        ))}
      </p>
      <FilterForm
        pathname={PATH}
        labels={await filterLabels()}
        keep={{ sort: params.sort as string | undefined, dir: params.dir as string | undefined }}
        fields={[
          { name: "year", label: t("filters.year"), value: query.year?.toString(), options: await yearOptions() },
          { name: "status", label: t("filters.status"), value: query.status, options: BUS_STATUSES.map((v) => ({ value: v, label: t(`busStatus.${v}`) })) },
          {
            name: "operator",
            label: t("filters.operator"),
            value: query.operator?.toString(),
            options: operators.map((o) => ({ value: String(o.id), label: o.name })),
          },
        ]}
        search={{ label: t("filters.search"), placeholder: t("buses.vehicleNumber"), value: query.q }}
      />
      {result.items.length === 0 ? (
        <Notice>{t("buses.empty")}</Notice>
      ) : (
        <div className="table-wrap">
          <table className="data" data-testid="buses-table">
            <thead>
              <tr>
                {header("vehicleNumber", t("buses.vehicleNumber"))}
                {header("operator", t("buses.operator"))}
                {header("route", t("buses.routes"))}
                {header("planYear", t("buses.planYear"), { num: true })}
                <th scope="col">{t("buses.installed")}</th>
                {header("status", t("buses.status"))}
                <th scope="col" className="num">
                  {t("buses.apCount")}
                </th>
                <th scope="col">{t("sites.provenance")}</th>
              </tr>
            </thead>
            <tbody>
              {result.items.map((bus) => (
                <tr key={bus.id}>
                  <td>
                    <Link href={`/buses/${bus.id}`}>{bus.vehicleNumber}</Link>
                  </td>
                  <td>{bus.operatorName ?? "—"}</td>
                  <td>{bus.routes.length ? bus.routes.join(", ") : t("buses.unknownRoute")}</td>
                  <td className="num">{bus.planYear ?? "—"}</td>
                  <td>{yearMonth(bus.installYear, bus.installMonth) ?? "—"}</td>
                  <td>
                    <Badge tone={bus.status}>{t(`busStatus.${bus.status}`)}</Badge>
                  </td>
                  <td className="num">{format.number(bus.apCount)}</td>
                  <td>
                    <Badge tone={bus.provenance}>{t(`provenance.${bus.provenance}`)}</Badge>
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
