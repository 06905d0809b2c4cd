import { describe, expect, it } from "vitest";
import { cellBounds, cellRange, fitView, LEVEL_SIZES, levelForZoom, viewBBox } from "./map-grid";

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

describe("views", () => {
  it("gives the box a 1280×800 map shows, like Leaflet's getBounds", () => {
    const b = viewBBox({ lat: 35.2, lng: 128.1 }, 11, { w: 1280, h: 800 });
    // 1280 px at zoom 11 span 1280 * 360 / (256 * 2048) degrees of longitude.
    expect(b.maxLng - b.minLng).toBeCloseTo(0.8789, 4);
    expect((b.minLat + b.maxLat) / 2).toBeCloseTo(35.2, 2);
    expect(b.maxLat - b.minLat).toBeCloseTo(0.4487, 3);
  });

  it("fits a municipality's extent at the largest whole zoom", () => {
    const jinju: [number, number, number, number] = [127.8878, 35.0509, 128.3682, 35.3508];
    const v = fitView(jinju, { w: 660, h: 704 }, { min: 5, max: 19 });
    expect(v.zoom).toBe(10);
    const b = viewBBox(v.center, v.zoom, { w: 660, h: 704 });
    expect(b.minLng).toBeLessThanOrEqual(jinju[0]);
    expect(b.maxLng).toBeGreaterThanOrEqual(jinju[2]);
    expect(b.minLat).toBeLessThanOrEqual(jinju[1]);
    expect(b.maxLat).toBeGreaterThanOrEqual(jinju[3]);
  });
});
