import { describe, expect, it } from "vitest";
import { classBreaks, classOf, classRanges, colourOf, CLASS_COLOURS, NO_DATA_COLOUR } from "./choropleth";

describe("choropleth classes", () => {
  it("splits the known values into five classes of about equal size", () => {
    const values = Array.from({ length: 10 }, (_, i) => i + 1);
    const breaks = classBreaks([...values, null]);
    expect(breaks).toEqual([2, 4, 6, 8, 10]);
    expect(values.map((v) => classOf(v, breaks))).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4, 4]);
    expect(classRanges(values, breaks)).toEqual([
      [1, 2],
      [3, 4],
      [5, 6],
      [7, 8],
      [9, 10],
    ]);
  });
  it("uses fewer classes when values repeat, and gives unknown no class", () => {
    const breaks = classBreaks([0, 0, 0, 0, 5]);
    expect(breaks).toEqual([0, 5]);
    // Each class says the values in it: "0", then "5" — not "0 – 5".
    expect(classRanges([0, 0, 0, 0, 5], breaks)).toEqual([
      [0, 0],
      [5, 5],
    ]);
    expect(classOf(null, breaks)).toBeNull();
    expect(colourOf(null, 2)).toBe(NO_DATA_COLOUR);
    expect([colourOf(0, 2), colourOf(1, 2)]).toEqual([CLASS_COLOURS[0], CLASS_COLOURS[4]]);
    expect(classBreaks([null, null])).toEqual([]);
  });
});
