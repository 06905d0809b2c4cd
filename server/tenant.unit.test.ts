import fs from "node:fs";
import { describe, expect, it } from "vitest";
import type { Municipality } from "../db/schema";
import { containsPoint } from "../lib/geo";
import { tenantMap } from "./tenant";

const jinjuOutline = JSON.parse(fs.readFileSync("db/seed/data/jinju_sgg_2018.geojson", "utf8")).features[0].geometry;
const municipality = (m: Partial<Municipality>) => ({ id: 1, code: null, nameKo: "", provinceKo: "", boundary: null, ...m }) as Municipality;

describe("what the map draws of a municipality", () => {
  it("draws Jinju's own outline and its 읍면동, and opens on it", () => {
    const map = tenantMap(municipality({ code: "48170", nameKo: "진주시", provinceKo: "경상남도", boundary: jinjuOutline }));
    expect(map.outline).toEqual(jinjuOutline);
    expect(map.dongsUrl).toBe("/geo/jinju-emd.geojson");
    const [minLng, minLat, maxLng, maxLat] = map.home;
    expect(minLng).toBeGreaterThan(127.8);
    expect(maxLat).toBeLessThan(35.5);
    expect(maxLng - minLng).toBeLessThan(0.6);
    expect(minLat).toBeGreaterThan(34.9);
  });

  it("draws a municipality without an outline of its own from the national boundaries, with no 읍면동", () => {
    const map = tenantMap(municipality({ code: "48250", nameKo: "김해시", provinceKo: "경상남도" }));
    expect(map.outline).not.toBeNull();
    // 김해시청 lies inside; Jinju's city hall does not.
    expect(containsPoint(map.outline!, { lat: 35.2285, lng: 128.8894 })).toBe(true);
    expect(containsPoint(map.outline!, { lat: 35.1802, lng: 128.1076 })).toBe(false);
    expect(map.dongsUrl).toBeNull();
  });

  it("opens on Korea when the outline is not known", () => {
    expect(tenantMap(municipality({ nameKo: "없는시", provinceKo: "없는도" }))).toEqual({ outline: null, dongsUrl: null, home: [124.6, 33.1, 131.9, 38.6] });
  });
});
