import { describe, expect, it } from "vitest";
import type { Issue } from "./standard-data";
import { groupIssues, shortList } from "./import-text";

const issue = (line: number, code: Issue["code"], severity: Issue["severity"]): Issue => ({ line, code, severity, column: "", value: "", reason: "" });

describe("the import report's groups", () => {
  it("groups findings by reason with their count and first rows, refused rows first", () => {
    const issues = [
      ...Array.from({ length: 7 }, (_, i) => issue(10 + i, "duplicate_row", "warning")),
      issue(3, "required", "error"),
      issue(4, "swapped", "position"),
      issue(5, "bad_date", "warning"),
    ];
    const groups = groupIssues(issues, 3);
    expect(groups.map((g) => [g.code, g.count, g.first.map((i) => i.line)])).toEqual([
      ["required", 1, [3]],
      ["swapped", 1, [4]],
      ["duplicate_row", 7, [10, 11, 12]],
      ["bad_date", 1, [5]],
    ]);
    expect(groups.reduce((n, g) => n + g.count, 0)).toBe(issues.length);
  });

  it("cuts a long list of names and says how many more", () => {
    const t = (key: string, v?: Record<string, string | number>) => `${key}:${v?.list}|${v?.more}`;
    expect(shortList(t, ["가", "나"], 2)).toBe("가, 나");
    expect(shortList(t, ["가", "나", "다", "라"], 2)).toBe("import.andMore:가, 나|2");
  });
});
