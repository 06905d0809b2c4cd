import { describe, expect, it } from "vitest";
import { AREA_MARGIN, areaFor, containsBBox, cutToView } from "./map-area";
import { cellBounds, LEVEL_SIZES, viewBBox } from "./map-grid";
import type { MapFeatures } from "./map-types";

const SIZE = { w: 1280, h: 800 };
const view = (lat: number, lng: number, zoom: number) => ({ zoom, bbox: viewBBox({ lat, lng }, zoom, SIZE) });

describe("areaFor", () => {
  it("asks for half a view more on every side of the first view", () => {
    const v = view(35.18, 128.1, 11);
    const area = areaFor(v, null);
    const w = v.bbox.maxLng - v.bbox.minLng;
    expect(area.minLng).toBeCloseTo(v.bbox.minLng - w * AREA_MARGIN, 9);
    expect(area.maxLng).toBeCloseTo(v.bbox.maxLng + w * AREA_MARGIN, 9);
    expect(containsBBox(area, v.bbox)).toBe(true);
  });

  it("keeps the area while pans stay well inside it, and moves it before the view reaches its edge", () => {
    const first = view(35.18, 128.1, 11);
    const area = areaFor(first, null);
    const step = (first.bbox.maxLng - first.bbox.minLng) / 8;
    let previous = { zoom: 11, area };
    const areas = [];
    for (let i = 1; i <= 4; i++) {
      const next = view(35.18, 128.1 + step * i, 11);
      const a = areaFor(next, previous);
      expect(containsBBox(a, next.bbox)).toBe(true);
      areas.push(a);
      previous = { zoom: 11, area: a };
    }
    // An eighth of a view each time: the first two pans keep it, the third is within a quarter of its edge.
    expect(areas[0]).toBe(area);
    expect(areas[1]).toBe(area);
    expect(areas[2]).not.toBe(area);
    expect(areas[3]).toBe(areas[2]);
  });

  it("asks for a new area at a new zoom", () => {
    const v = view(35.18, 128.1, 11);
    const area = areaFor(v, null);
    expect(areaFor(view(35.18, 128.1, 12), { zoom: 11, area })).not.toBe(area);
  });
});

const LEVEL = 3;
const cell = (cx: number, cy: number, count: number) => ({
  type: "Feature" as const,
  id: `c:${LEVEL}:${cx}:${cy}`,
  geometry: { type: "Point" as const, coordinates: [(cx + 0.5) * LEVEL_SIZES[LEVEL], (cy + 0.5) * LEVEL_SIZES[LEVEL]] },
  properties: { kind: "cluster" as const, count, bounds: cellBounds(LEVEL, cx, cy) },
});

describe("cutToView", () => {
  // Cells of 0.04° from (128.0, 35.0) to (128.36, 35.36), 100 APs each.
  const cells = [];
  for (let x = 3200; x < 3209; x++) for (let y = 875; y < 884; y++) cells.push(cell(x, y, 100));
  const area: MapFeatures = { type: "FeatureCollection", mode: "clusters", level: LEVEL, total: 8100, features: cells };
  const areaBox = { minLng: 128.0, minLat: 35.0, maxLng: 128.36, maxLat: 35.36 };

  it("keeps the cells the view touches, with their total", () => {
    const cut = cutToView(area, areaBox, { minLng: 128.05, minLat: 35.05, maxLng: 128.13, maxLat: 35.09 }, 100);
    expect(cut).not.toBe("ask");
    expect(cut).not.toBeNull();
    const kept = cut as MapFeatures;
    // x 3201..3203, y 876..877: six cells.
    expect(kept.features.map((f) => f.id).sort()).toEqual(["c:3:3201:876", "c:3:3201:877", "c:3:3202:876", "c:3:3202:877", "c:3:3203:876", "c:3:3203:877"]);
    expect(kept.total).toBe(600);
    expect(kept.mode).toBe("clusters");
  });

  it("asks for the view itself when it would get single points", () => {
    expect(cutToView(area, areaBox, { minLng: 128.05, minLat: 35.05, maxLng: 128.07, maxLat: 35.07 }, 100)).toBe("ask");
  });

  it("cannot cut a view the area does not cover", () => {
    expect(cutToView(area, areaBox, { minLng: 127.9, minLat: 35.05, maxLng: 128.1, maxLat: 35.1 }, 100)).toBeNull();
  });

  it("keeps the points inside the view, edges included", () => {
    const point = (id: number, lng: number, lat: number) => ({
      type: "Feature" as const,
      id: `ap:${id}`,
      geometry: { type: "Point" as const, coordinates: [lng, lat] },
      properties: {
        kind: "ap" as const,
        id,
        status: "active" as const,
        provenance: "field_survey" as const,
        ssid: null,
        siteId: null,
        siteName: null,
        category: null,
        source: "program" as const,
        municipalityId: 1,
      },
    });
    const points: MapFeatures = {
      type: "FeatureCollection",
      mode: "points",
      level: 0,
      total: 3,
      features: [point(1, 128.1, 35.1), point(2, 128.2, 35.2), point(3, 128.3, 35.3)],
    };
    const cut = cutToView(points, areaBox, { minLng: 128.1, minLat: 35.1, maxLng: 128.2, maxLat: 35.2 }, 100) as MapFeatures;
    expect(cut.features.map((f) => f.id)).toEqual(["ap:1", "ap:2"]);
    expect(cut.total).toBe(2);
  });
});
