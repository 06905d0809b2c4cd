// Builds links that keep the current URL state (filters, sort, page) while changing some of it.
export type SearchParamsRecord = Record<string, string | string[] | undefined>;

export function hrefWith(pathname: string, current: SearchParamsRecord, changes: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(current)) {
    const v = Array.isArray(value) ? value[0] : value;
    if (v !== undefined && v !== "") params.set(key, v);
  }
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined || value === "") params.delete(key);
    else params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${pathname}?${qs}` : pathname;
}

/** The link a column header points to: sort by it, or flip the direction when it is already the sort. */
export function sortHref(pathname: string, current: SearchParamsRecord, column: string, active: { sort: string; dir: "asc" | "desc" }): string {
  const dir = active.sort === column && active.dir === "asc" ? "desc" : "asc";
  return hrefWith(pathname, current, { sort: column, dir, page: undefined });
}

export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}
