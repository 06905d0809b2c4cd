import { describe, expect, it } from "vitest";
import { cellText } from "./format";
import type { Column } from "./report-files";

const col = (kind: Column["kind"]): Column => ({ header: "", kind });

describe("a report cell, as the PDF writes it", () => {
  it("gives a column's decimals to every figure, as the spreadsheet's format does", () => {
    // A coverage gain of 45 beside 43.7: "45.0", not "45" (the XLSX shows #,##0.0).
    expect(cellText(col("decimal"), 45, "ko", "")).toBe("45.0");
    expect(cellText(col("decimal"), 43.75, "en", "")).toBe("43.8");
    expect(cellText(col("decimal"), 1234.5, "en", "")).toBe("1,234.5");
  });
  it("writes money, counts, shares, years and positions in their own forms", () => {
    expect(cellText(col("krw"), 3_800_000, "ko", "")).toBe("₩3,800,000");
    expect(cellText(col("number"), 12345, "en", "")).toBe("12,345");
    expect(cellText(col("percent"), 0.125, "en", "")).toBe("12.5%");
    expect(cellText(col("year"), 2019, "en", "")).toBe("2019");
    expect(cellText(col("coordinate"), 35.1, "en", "")).toBe("35.100000");
  });
  it("keeps worded text as it is and writes an empty cell as asked", () => {
    expect(cellText(col("krw"), "미공개", "ko", "—")).toBe("미공개");
    expect(cellText(col("number"), null, "ko", "—")).toBe("—");
  });
});
