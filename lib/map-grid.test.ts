import { describe, expect, it } from "vitest";
import { cellBounds, cellRange, LEVEL_SIZES, levelForZoom } from "./map-grid";

describe("levelForZoom", () => {
  it("uses coarse cells for the country and fine cells for streets", () => {
    expect(levelForZoom(5)).toBe(8);
    expect(levelForZoom(7)).toBe(7);
    expect(levelForZoom(11)).toBe(3);
    expect(levelForZoom(14)).toBe(0);
    expect(levelForZoom(18)).toBe(0);
  });
  it("never picks cells much smaller than the target on screen", () => {
    for (let z = 6; z <= 14; z++) {
      const px = (LEVEL_SIZES[levelForZoom(z)]! * 256 * 2 ** z) / 360;
      expect(px).toBeGreaterThanOrEqual(32);
      expect(px).toBeLessThanOrEqual(64);
    }
  });
});

describe("cells", () => {
  it("finds the cells a box touches, including negative coordinates", () => {
    expect(cellRange({ minLng: 128.0, minLat: 35.1, maxLng: 128.2, maxLat: 35.3 }, 4)).toEqual({ x0: 1600, x1: 1602, y0: 438, y1: 441 });
    expect(cellRange({ minLng: -0.01, minLat: -0.01, maxLng: 0.01, maxLat: 0.01 }, 1)).toEqual({ x0: -1, x1: 1, y0: -1, y1: 1 });
  });
  it("gives a cell's bounds", () => {
    expect(cellBounds(8, 100, 27)).toEqual([128, 34.56, 129.28, 35.84]);
  });
});
