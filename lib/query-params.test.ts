import { describe, expect, it } from "vitest";
import { AppError } from "./errors";
import { accessPointQuery, parseParams, siteQuery, tryParseParams } from "./query-params";

function errorOf(fn: () => unknown): AppError {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error("expected a refusal");
}

describe("parseParams", () => {
  it("reads filters, paging and a bounding box", () => {
    const q = parseParams(siteQuery, new URLSearchParams("year=2020&status=active&category=park&bbox=128.0,35.1,128.2,35.3&page=2&pageSize=10"));
    expect(q).toMatchObject({
      year: 2020,
      status: "active",
      category: "park",
      bbox: { minLng: 128, minLat: 35.1, maxLng: 128.2, maxLat: 35.3 },
      page: 2,
      pageSize: 10,
      sort: "planYear",
      dir: "asc",
    });
  });

  it("treats empty values as absent (what a GET form sends for 'all')", () => {
    const q = parseParams(siteQuery, new URLSearchParams("year=&status=&q="));
    expect([q.year, q.status, q.q]).toEqual([undefined, undefined, undefined]);
  });

  it.each([
    ["bbox=1,2,3", "bbox", "bbox_format"],
    ["bbox=128,35,127,36", "bbox", "bbox_order"],
    ["bbox=128,95,129,96", "bbox", "bbox_range"],
    ["year=20x0", "year", "invalid"],
    ["year=2020.5", "year", "invalid"],
    ["page=0", "page", "too_small"],
    ["status=open", "status", "not_allowed"],
    ["zoom=3", "zoom", "unknown"],
  ])("refuses %s naming %s with the code %s", (qs, param, code) => {
    const err = errorOf(() => parseParams(siteQuery, new URLSearchParams(qs)));
    expect(err.status).toBe(400);
    expect(err.message).toContain(`Invalid parameter ${param}`);
    expect(err.toJSON().error).toMatchObject({ code: "bad_request", path: param, issues: [expect.objectContaining({ code, path: param })] });
  });

  it("accepts Next.js page searchParams records, taking the first of repeated values", () => {
    expect(parseParams(accessPointQuery, { kind: ["bus", "site"], year: "2019" })).toMatchObject({ kind: "bus", year: 2019 });
  });
});

describe("tryParseParams", () => {
  it("returns the offending parameter and value instead of throwing", () => {
    expect(tryParseParams(siteQuery, { category: "cafe" })).toEqual({ ok: false, param: "category", value: "cafe" });
  });
});
