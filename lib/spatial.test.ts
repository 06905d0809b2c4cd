import { describe, expect, it } from "vitest";
import { distanceM } from "./geo";
import { areaIndex, pointIndex } from "./spatial";

let x = 7;
const rand = () => (x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;

describe("point index", () => {
  // Jinju and, far north, a place where a degree of longitude is much shorter.
  for (const [city, lat0, lng0] of [
    ["Jinju", 35.15, 128.04],
    ["70°N", 70, 25],
  ] as const) {
    it(`finds the same nearest point and the same points within a radius as a pass over all of them (${city})`, () => {
      const points = Array.from({ length: 1_000 }, (_, id) => ({ id, lat: lat0 + rand() * 0.05, lng: lng0 + rand() * 0.05 }));
      const index = pointIndex(points);
      for (let q = 0; q < 100; q++) {
        const at = { lat: lat0 + rand() * 0.05, lng: lng0 + rand() * 0.05 };
        const byDistance = points.map((p) => ({ p, d: distanceM(at, p) })).sort((a, b) => a.d - b.d);
        expect(index.nearest(at)?.point.id).toBe(byDistance[0]!.p.id);
        expect(index.nearest(at)?.distanceM).toBeCloseTo(byDistance[0]!.d, 6);
        const radius = 50 + rand() * 300;
        const brute = byDistance.filter((b) => b.d <= radius).map((b) => b.p.id);
        expect(index.within(at, radius).map((p) => p.id)).toEqual(brute);
        expect(index.anyWithin(at, radius)).toBe(brute.length > 0);
      }
    });
  }

  it("answers nothing when there are no points", () => {
    const index = pointIndex([]);
    const at = { lat: 35.19, lng: 128.08 };
    expect([index.nearest(at), index.within(at, 1_000), index.anyWithin(at, 1_000)]).toEqual([null, [], false]);
  });
});

describe("area index", () => {
  const square = (lng: number, lat: number, d: number) => ({
    type: "Polygon" as const,
    coordinates: [
      [
        [lng, lat],
        [lng + d, lat],
        [lng + d, lat + d],
        [lng, lat + d],
        [lng, lat],
      ],
    ],
  });
  // A triangle inside its box: a point in the box but outside the outline belongs to no area.
  const triangle = {
    name: "삼각",
    area: {
      type: "Polygon" as const,
      coordinates: [
        [
          [0, 0],
          [1, 0],
          [0, 1],
          [0, 0],
        ],
      ],
    },
  };

  it("gives the area holding a point, and none where only the bounding box does", () => {
    const at = areaIndex([{ name: "가", area: square(10, 10, 1) }, triangle]);
    expect(at({ lat: 10.5, lng: 10.5 })?.name).toBe("가");
    expect(at({ lat: 0.2, lng: 0.2 })?.name).toBe("삼각");
    expect(at({ lat: 0.9, lng: 0.9 })).toBeUndefined();
    expect(at({ lat: 5, lng: 5 })).toBeUndefined();
  });
});
