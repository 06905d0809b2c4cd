// An import's refusals and row reasons in words from the message catalogue: the same sentences on
// the upload screen and from `npm run import`. Takes the caller's translator, so it runs in both.
import type { Issue, StandardDataError } from "./standard-data";

type Translate = (key: string, values?: Record<string, string | number>) => string;

/** The reasons a whole file is refused for, as the API's details and StandardDataError name them. */
export const REFUSAL_CODES = ["binary", "empty", "unparseable", "unknown_format", "bad_feature"] as const satisfies readonly StandardDataError["code"][];
export type RefusalCode = (typeof REFUSAL_CODES)[number];

/** Why `file` was refused: a CSV that breaks names its line; one that breaks elsewhere (GeoJSON) is just broken. */
export function refusalText(t: Translate, r: { file: string; code: RefusalCode; line?: number; columns: { older: string; newer: string } }): string {
  if (r.code === "unparseable" && !r.line) return t("import.refused.broken", { file: r.file });
  return t(`import.refused.${r.code}`, { file: r.file, line: r.line ?? 0, feature: (r.line ?? 2) - 1, newer: r.columns.newer, older: r.columns.older });
}

/** What is wrong with a row, or what was done about it. */
export function issueReason(t: Translate, i: Pick<Issue, "code" | "ref">): string {
  return t(`issueCode.${i.code}`, { ref: i.ref ?? "" });
}
