import { describe, expect, it } from "vitest";
import { splitEvenly, YEARS, ZONES_2020 } from "./jinju-facts";

describe("splitEvenly", () => {
  it("splits the published AP totals over the zones without losing any", () => {
    expect(splitEvenly(55, 7)).toEqual([8, 8, 8, 8, 8, 8, 7]);
    expect(splitEvenly(58, 6)).toEqual([10, 10, 10, 10, 9, 9]);
  });
});

describe("program facts", () => {
  it("add up to the published two-year totals", () => {
    expect(YEARS.reduce((a, y) => a + y.buses, 0)).toBe(247);
    expect(YEARS.reduce((a, y) => a + y.zones, 0)).toBe(13);
    expect(YEARS.reduce((a, y) => a + y.accessPoints, 0)).toBe(113);
    expect(ZONES_2020).toHaveLength(YEARS.find((y) => y.year === 2020)!.zones);
  });
});
