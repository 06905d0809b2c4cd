// Previous/next links and the "x–y of n" line under a paged table.
import Link from "next/link";
import { hrefWith, pageCount, type SearchParamsRecord } from "@/lib/url";

export type PaginationLabels = { count: string; pages: string; previous: string; next: string; page: string };

export function Pagination({
  pathname,
  params,
  page,
  pageSize,
  total,
  labels,
}: {
  pathname: string;
  params: SearchParamsRecord;
  page: number;
  pageSize: number;
  total: number;
  labels: PaginationLabels;
}) {
  const pages = pageCount(total, pageSize);
  return (
    <nav className="pagination" aria-label={labels.pages}>
      <span data-testid="result-count">{labels.count}</span>
      {page > 1 ? (
        <Link href={hrefWith(pathname, params, { page: page - 1 === 1 ? undefined : page - 1 })} rel="prev">
          {labels.previous}
        </Link>
      ) : (
        <span aria-disabled="true" className="disabled">
          {labels.previous}
        </span>
      )}
      <span>{labels.page}</span>
      {page < pages ? (
        <Link href={hrefWith(pathname, params, { page: page + 1 })} rel="next">
          {labels.next}
        </Link>
      ) : (
        <span aria-disabled="true" className="disabled">
          {labels.next}
        </span>
      )}
    </nav>
  );
}
