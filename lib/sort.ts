// One comparison for tables sorted by a column whose values may be unknown.

/** Compares two cells in `dir` order: numbers as numbers, text in the locale's order; unknown last in either direction. */
export function compareNullsLast(x: string | number | null, y: string | number | null, dir: "asc" | "desc", locale = "ko"): number {
  if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
  const c = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y), locale);
  return dir === "desc" ? -c : c;
}
