import { describe, expect, it } from "vitest";
import { DEFAULT_LAYERS, filterParams, parseMapState, serializeMapState, type MapState } from "./map-state";

const parse = (qs: string) => parseMapState(new URLSearchParams(qs));

describe("map state in the URL", () => {
  it("round-trips view, layers, filters and selection", () => {
    const state: MapState = {
      center: { lat: 35.18, lng: 128.10742 },
      zoom: 13,
      layers: ["aps", "pois", "coverage"],
      year: 2020,
      status: "active",
      category: "park",
      partner: 1,
      provenance: "estimate",
      source: "program",
      q: "초전",
      selected: { type: "zone", id: 12 },
      radius: 80,
    };
    const qs = serializeMapState(state);
    expect(qs).toBe(
      "c=35.18000%2C128.10742&z=13&l=aps%2Cpois%2Ccoverage&year=2020&status=active&category=park&partner=1&prov=estimate&source=program&q=%EC%B4%88%EC%A0%84&sel=zone%3A12&r=80",
    );
    expect(parse(qs)).toEqual(state);
  });

  it("leaves defaults out of the URL", () => {
    expect(serializeMapState(parse(""))).toBe("");
    expect(parse("").layers).toEqual(DEFAULT_LAYERS);
  });

  it("keeps an explicitly empty layer list", () => {
    expect(parse("l=").layers).toEqual([]);
    expect(serializeMapState(parse("l="))).toBe("l=");
  });

  it("drops malformed values instead of failing", () => {
    const s = parse("c=abc&z=99&l=aps,bogus&year=20x&status=lost&category=cafe&partner=-1&prov=x&sel=ap:x&r=5");
    expect(s).toMatchObject({ center: null, zoom: null, layers: ["aps"], radius: 50 });
    expect([s.year, s.status, s.category, s.partner, s.provenance, s.selected]).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
  });

  it("turns filters into API parameters", () => {
    expect(filterParams(parse("year=2020&status=active&prov=import&source=other&q=x"))).toEqual({
      year: "2020",
      status: "active",
      provenance: "import",
      source: "other",
      q: "x",
    });
  });
});
