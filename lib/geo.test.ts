import { describe, expect, it } from "vitest";
import type { Polygon } from "geojson";
import { centroidOf, containsPoint, distanceM, scatterAround, seededRandom } from "./geo";

const square: Polygon = {
  type: "Polygon",
  coordinates: [
    [
      [128, 35],
      [128.1, 35],
      [128.1, 35.1],
      [128, 35.1],
      [128, 35],
    ],
  ],
};

describe("geo", () => {
  it("tells inside from outside", () => {
    expect(containsPoint(square, { lat: 35.05, lng: 128.05 })).toBe(true);
    expect(containsPoint(square, { lat: 35.2, lng: 128.05 })).toBe(false);
  });

  it("finds the centroid", () => {
    expect(centroidOf(square)).toEqual({ lat: 35.05, lng: 128.05 });
  });

  it("scatters points within the radius, the same way every time", () => {
    const centre = { lat: 35.2, lng: 128.1 };
    const a = Array.from(
      { length: 50 },
      (
        (r) => () =>
          scatterAround(centre, 150, r)
      )(seededRandom(7)),
    );
    const b = Array.from(
      { length: 50 },
      (
        (r) => () =>
          scatterAround(centre, 150, r)
      )(seededRandom(7)),
    );
    expect(a).toEqual(b);
    for (const p of a) expect(distanceM(centre, p)).toBeLessThanOrEqual(150.5);
    expect(Math.max(...a.map((p) => distanceM(centre, p)))).toBeGreaterThan(75);
  });

  it("measures distance in metres", () => {
    // 진주성 to 진주중앙시장: about 0.5 km.
    const d = distanceM({ lat: 35.19043229, lng: 128.0802214 }, { lat: 35.19391998, lng: 128.0848966 });
    expect(d).toBeGreaterThan(500);
    expect(d).toBeLessThan(650);
  });
});
