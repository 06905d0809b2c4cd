import { describe, expect, it } from "vitest";
import { containsPoint } from "../lib/geo";
import { nationalOutline, provinceNameOf } from "./national-outlines";

const JINJU_CASTLE = { lat: 35.1904, lng: 128.0802 };
const HWASEONG_HAENGGUNG = { lat: 37.2819, lng: 127.0139 };

describe("national 시군구 outlines", () => {
  it("finds a 시군구 by its 시도's full, short or newer name", () => {
    for (const province of ["경상남도", "경남", " 경상 남도 "]) expect(containsPoint(nationalOutline(province, "진주시")!, JINJU_CASTLE), province).toBe(true);
    expect(nationalOutline("강원특별자치도", "고성군")).toEqual(nationalOutline("강원도", "고성군"));
    // The other 고성군 is in 경상남도.
    expect(nationalOutline("경상남도", "고성군")).not.toEqual(nationalOutline("강원도", "고성군"));
  });

  it("takes a city divided into 구 as the sum of its 구, and one 구 by its full name", () => {
    const suwon = nationalOutline("경기도", "수원시")!;
    expect(suwon.type).toBe("MultiPolygon");
    expect(containsPoint(suwon, HWASEONG_HAENGGUNG)).toBe(true);
    expect(containsPoint(suwon, JINJU_CASTLE)).toBe(false);
    expect(containsPoint(nationalOutline("경기도", "수원시 팔달구")!, HWASEONG_HAENGGUNG)).toBe(true);
    expect(containsPoint(nationalOutline("경기도", "수원시 영통구")!, HWASEONG_HAENGGUNG)).toBe(false);
  });

  it("has no outline for a name or 시도 the 2018 boundaries do not know", () => {
    expect(nationalOutline("경기도", "새도시")).toBeNull();
    expect(nationalOutline("시도38", "진주시")).toBeNull();
    expect(nationalOutline("경상북도", "진주시")).toBeNull();
    expect(provinceNameOf("38030")).toBe("경상남도");
  });
});
