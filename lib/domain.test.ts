import { describe, expect, it } from "vitest";
import { zoneEstimates } from "./domain";

describe("zoneEstimates", () => {
  it("marks the place of an estimated zone wherever it has one, and nothing else", () => {
    expect(zoneEstimates({ positionEstimate: true, lat: 35.18, dong: "충무공동", estimatedApCount: 0 })).toEqual({
      dong: true,
      position: true,
      place: true,
      apCount: false,
    });
    // 읍면동 known, position not: the list, the zone's page and the export all mark the 읍면동.
    expect(zoneEstimates({ positionEstimate: true, lat: null, dong: "충무공동" })).toEqual({ dong: true, position: false, place: true, apCount: false });
  });

  it("marks nothing for a zone without a place, or whose place was given", () => {
    expect(zoneEstimates({ positionEstimate: true, lat: null, dong: null }).place).toBe(false);
    expect(zoneEstimates({ positionEstimate: false, lat: 35.18, dong: "충무공동", estimatedApCount: 2 })).toEqual({
      dong: false,
      position: false,
      place: false,
      apCount: true,
    });
  });
});
