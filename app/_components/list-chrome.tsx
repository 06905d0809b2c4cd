// The pieces every list page shares: translated pagination labels and the bad-filter message.
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Notice } from "@/components/ui/notice";
import { Pagination } from "@/components/ui/pagination";
import { SortHeader } from "@/components/ui/sort-header";
import { pageCount, type SearchParamsRecord } from "@/lib/url";

export async function ListPagination({
  pathname,
  params,
  page,
  pageSize,
  total,
}: {
  pathname: string;
  params: SearchParamsRecord;
  page: number;
  pageSize: number;
  total: number;
}) {
  const t = await getTranslations("table");
  const format = await getFormatter();
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  return (
    <Pagination
      pathname={pathname}
      params={params}
      page={page}
      pageSize={pageSize}
      total={total}
      labels={{
        count: total === 0 ? t("none") : t("count", { total, from, to }),
        pages: t("pages"),
        previous: t("previous"),
        next: t("next"),
        page: t("page", { page: format.number(page), pages: format.number(pageCount(total, pageSize)) }),
      }}
    />
  );
}

export async function BadFilter({ param, value, resetHref }: { param: string; value: string; resetHref: string }) {
  const t = await getTranslations("errors");
  return (
    <Notice kind="error">
      {t("badFilter", { param, value })} <Link href={resetHref}>{t("resetFilters")}</Link>
    </Notice>
  );
}

export async function filterLabels() {
  const t = await getTranslations("filters");
  return { legend: t("label"), all: t("all"), apply: t("apply"), reset: t("reset") };
}

/** A maker of sortable column headers bound to one list page's URL state. */
export async function sortHeaders(pathname: string, params: SearchParamsRecord, active: { sort: string; dir: "asc" | "desc" }) {
  const t = await getTranslations("table");
  function header(column: string, label: string, options: { num?: boolean } = {}) {
    return (
      <SortHeader
        column={column}
        label={label}
        pathname={pathname}
        params={params}
        active={active}
        sortLabel={t("sortBy", { column: label })}
        num={options.num}
      />
    );
  }
  return header;
}
