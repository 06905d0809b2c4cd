// An import's refusals and row reasons in words from the message catalogue: the same sentences on
// the upload screen and from `npm run import`. Takes the caller's translator, so it runs in both.
import type { Issue, StandardDataError } from "./standard-data";

type Translate = (key: string, values?: Record<string, string | number>) => string;

/** The reasons a whole file is refused for, as the API's details and StandardDataError name them. */
export const REFUSAL_CODES = [
  "binary",
  "empty",
  "unparseable",
  "unknown_format",
  "bad_feature",
  "unknown_column",
  "missing_column",
  "truncated",
] as const satisfies readonly StandardDataError["code"][];
export type RefusalCode = (typeof REFUSAL_CODES)[number];

/** Why `file` was refused: a CSV that breaks names its line; one that breaks elsewhere (GeoJSON) is just broken. */
export function refusalText(
  t: Translate,
  r: { file: string; code: RefusalCode; line?: number; column?: string; columns: { older: string; newer: string } },
): string {
  if (r.code === "unparseable" && !r.line) return t("import.refused.broken", { file: r.file });
  return t(`import.refused.${r.code}`, {
    file: r.file,
    line: r.line ?? 0,
    feature: (r.line ?? 2) - 1,
    column: r.column ?? "",
    newer: r.columns.newer,
    older: r.columns.older,
  });
}

/** What is wrong with a row, or what was done about it. */
export function issueReason(t: Translate, i: Pick<Issue, "code" | "ref">): string {
  return t(`issueCode.${i.code}`, { ref: i.ref ?? "" });
}

/** An import's findings of one kind: how many, and the first few rows (the full list is in the report file). */
export type IssueGroup = { code: Issue["code"]; severity: Issue["severity"]; count: number; first: Issue[] };

const SEVERITY_ORDER: Issue["severity"][] = ["error", "position", "warning"];

/**
 * The findings grouped by reason: rows not imported first, then rows without a position, then
 * warnings; within each, the largest group first. Each group keeps its first `first` rows in file order.
 */
export function groupIssues(issues: readonly Issue[], first = 5): IssueGroup[] {
  const groups = new Map<string, IssueGroup>();
  for (const i of issues) {
    const key = `${i.severity}|${i.code}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { code: i.code, severity: i.severity, count: 0, first: [] }));
    g.count++;
    if (g.first.length < first) g.first.push(i);
  }
  return [...groups.values()].sort(
    (a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) || b.count - a.count || (a.code < b.code ? -1 : 1),
  );
}

/** A long list of names cut to its first `shown`, with how many more: "가, 나, 다 외 219곳". */
export function shortList(t: Translate, names: readonly string[], shown = 10): string {
  if (names.length <= shown) return names.join(", ");
  return t("import.andMore", { list: names.slice(0, shown).join(", "), more: names.length - shown });
}

/** The values a progress line's message takes: how many of how many, and the share done (0 to 1). */
export function progressValues(p: { done: number; total: number }): { done: number; total: number; share: number } {
  return { done: p.done, total: p.total, share: p.total > 0 ? Math.min(1, p.done / p.total) : 0 };
}
