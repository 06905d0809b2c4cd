import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { neutraliseCell, toCsv, toGeoJson } from "./export-formats";

describe("CSV export", () => {
  it.each([
    ['=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'],
    ["+1+1", "'+1+1"],
    ["-2", "'-2"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tcmd", "'\tcmd"],
    ["\rcmd", "'\rcmd"],
    ["진주시청", "진주시청"],
  ])("neutralises %j", (raw, safe) => expect(neutraliseCell(raw)).toBe(safe));

  it("keeps numbers as numbers and starts with a BOM", () => {
    const csv = toCsv(
      ["이름", "AP", "위도"],
      [
        ["=cmd()", 3, -35.1],
        ["진주성", null, 35.19],
      ],
    );
    expect(csv.startsWith("\uFEFF이름,AP,위도\r\n")).toBe(true);
    const rows = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
    expect(rows).toEqual([
      ["이름", "AP", "위도"],
      ["'=cmd()", "3", "-35.1"],
      ["진주성", "", "35.19"],
    ]);
  });
});

describe("GeoJSON export", () => {
  it("writes longitude first and leaves out what has no position", () => {
    const { collection, withoutPosition } = toGeoJson(
      [
        { id: 1, lat: 35.19, lng: 128.08 },
        { id: 2, lat: null, lng: null },
      ],
      (r) => ({ id: r.id }),
    );
    expect(withoutPosition).toBe(1);
    expect(collection).toEqual({
      type: "FeatureCollection",
      features: [{ type: "Feature", geometry: { type: "Point", coordinates: [128.08, 35.19] }, properties: { id: 1 } }],
    });
  });
});
