// A table column header that sorts the list by its column through the URL.
import Link from "next/link";
import { sortHref, type SearchParamsRecord } from "@/lib/url";

export function SortHeader({
  label,
  column,
  pathname,
  params,
  active,
  sortLabel,
  num = false,
}: {
  label: string;
  column: string;
  pathname: string;
  params: SearchParamsRecord;
  active: { sort: string; dir: "asc" | "desc" };
  sortLabel: string;
  /** A column of numbers: its header aligns with them, on the right. */
  num?: boolean;
}) {
  const isActive = active.sort === column;
  const ariaSort = isActive ? (active.dir === "asc" ? "ascending" : "descending") : "none";
  return (
    <th scope="col" aria-sort={ariaSort} className={num ? "num" : undefined}>
      <Link href={sortHref(pathname, params, column, active)} title={sortLabel} data-testid={`sort-${column}`}>
        {label}
        <span aria-hidden="true" className="sort-mark">
          {isActive ? (active.dir === "asc" ? " ▲" : " ▼") : ""}
        </span>
      </Link>
    </th>
  );
}
