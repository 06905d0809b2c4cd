import fs from "node:fs";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decode, normaliseCategory, normaliseInstalled, normaliseProvider, readStandardData, StandardDataError, tableFromGeoJson } from "./standard-data";

const JINJU = fs.readFileSync("db/seed/data/jinju_free_wifi_2016_cp949.csv");
const NEWER_HEADER =
  "번호,설치장소명,설치장소상세,설치시도명,설치시군구명,설치시설구분,서비스제공사명,와이파이SSID,설치연월,소재지도로명주소,소재지지번주소,관리기관명,관리기관전화번호,WGS84위도,WGS84경도,데이터기준일자";
const utf8Bom = (s: string) => new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from(s, "utf8")]);

function refusal(bytes: Uint8Array): StandardDataError {
  try {
    readStandardData(bytes);
  } catch (err) {
    if (err instanceof StandardDataError) return err;
    throw err;
  }
  throw new Error("expected a refusal");
}

describe("the real Jinju file (older release, CP949)", () => {
  const report = readStandardData(JINJU);

  it("is read as CP949 with the older header", () => {
    expect([report.encoding, report.variant, report.rows]).toEqual(["cp949", "older", 110]);
  });

  it("collapses the repeated rows into 55 sites", () => {
    expect(report.records).toHaveLength(55);
    expect(report.duplicates).toBe(55);
    expect(report.invalid).toBe(0);
  });

  it("reports the bus terminal rows whose longitude equals their latitude, and keeps them off the map", () => {
    const broken = report.issues.filter((i) => i.severity === "position");
    expect(broken).toHaveLength(2);
    expect(broken[0]).toMatchObject({ column: "경도", value: "35.1913517", reason: expect.stringContaining("longitude equals latitude") });
    const terminal = report.records.find((r) => r.placeName === "진주시외버스터미널")!;
    expect([terminal.lat, terminal.lng]).toEqual([null, null]);
    expect(report.records.filter((r) => r.lat !== null)).toHaveLength(54);
  });

  it("normalises providers, categories and install dates", () => {
    expect(new Set(report.records.map((r) => r.provider))).toEqual(new Set(["KT", "LG U+", "SK텔레콤"]));
    expect(report.records.find((r) => r.categoryRaw === "서민.복지시설")?.category).toBe("welfare");
    expect(new Set(report.records.map((r) => `${r.installYear}-${r.installMonth}`))).toEqual(new Set(["2016-1"]));
    expect(report.records[0]).toMatchObject({
      placeName: "문산읍사무소",
      provinceName: "경상남도",
      municipalityName: "진주시",
      category: "public_office",
      lat: 35.1692009,
      lng: 128.1642375,
    });
  });
});

describe("blank install dates", () => {
  it("are counted once for the summary, not reported row by row, and a bad date is not counted as blank", () => {
    const row = (no: number, installed: string) => `${no},장소${no},,경상남도,진주시,공원,KT,x,${installed},,,,,35.1,128.1,2023-01-01`;
    const report = readStandardData(utf8Bom([NEWER_HEADER, row(1, ""), row(2, "2020-01"), row(3, ""), row(4, "soon")].join("\n")));
    expect(report.blankInstallDates).toBe(2);
    expect(report.issues.filter((i) => i.column === "설치연월").map((i) => [i.line, i.code])).toEqual([[5, "bad_date"]]);
  });
});

describe("a newer-release file (UTF-8 with BOM)", () => {
  const csv = [
    NEWER_HEADER,
    "101,진주중앙시장,고객지원센터,경상남도,진주시,전통시장,LG U+,Jinju_PublicWiFi,2021-07-15,경상남도 진주시 중앙시장길 1,,진주시청,055-749-0000,35.1939,128.0849,2023-01-01",
    "102,진양호공원,전망대,경상남도,진주시,문화·관광시설,lgu+,Jinju_PublicWiFi,Oct-15,,,진주시청,,128.0362677,35.1766099,2023-01-01",
    "103,,빈 이름,경상남도,진주시,관공서,KT,x,2014,,,,,35.1,128.1,2023-01-01",
  ].join("\r\n");
  const report = readStandardData(utf8Bom(csv));

  it("is read as UTF-8 with the newer header, matched on 번호", () => {
    expect([report.encoding, report.variant, report.rows, report.records.length]).toEqual(["utf-8-bom", "newer", 3, 2]);
    expect(report.records[0]).toMatchObject({ ref: "101", category: "traditional_market", installYear: 2021, installMonth: 7, key: "ref:경상남도|진주시|101" });
  });

  it("flags swapped coordinates and reads Oct-15 as 2015-10", () => {
    const park = report.records[1]!;
    expect(park).toMatchObject({ provider: "LG U+", category: "culture_tourism", installYear: 2015, installMonth: 10, lat: null, lng: null });
    expect(report.issues).toContainEqual(expect.objectContaining({ line: 3, column: "WGS84위도", reason: expect.stringContaining("swapped") }));
  });

  it("refuses a row without a place name, naming line and column", () => {
    expect(report.invalid).toBe(1);
    expect(report.issues).toContainEqual({ line: 4, column: "설치장소명", value: "", code: "required", reason: "required field is empty", severity: "error" });
  });
});

describe("hostile input", () => {
  it("refuses a binary file", () => {
    expect(refusal(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0]))).toMatchObject({ code: "binary" });
  });

  it("refuses a NUL anywhere, not only in the first 8 KB, naming its line", () => {
    const text = `${NEWER_HEADER}\n${"1,도서관,,경상남도,진주시,교육시설,KT,a,2020-01,,,,,35.1,128.1,2020-01-01\n".repeat(200)}`;
    const bytes = new Uint8Array([...Buffer.from(text, "utf8"), ...Buffer.from("2,시청\u0000,,경상남도,진주시,,,,,,,,,35.1,128.1,\n", "utf8")]);
    expect(bytes.length).toBeGreaterThan(8192);
    expect(refusal(bytes)).toMatchObject({ code: "binary", line: 202 });
  });

  it("reads a UTF-16 file (with its byte-order mark) instead of calling it binary", () => {
    const text = `${NEWER_HEADER}\n1,도서관,,경상남도,진주시,교육시설,KT,a,2020-01,,,,,35.1,128.1,2020-01-01\n`;
    const le = new Uint8Array([0xff, 0xfe, ...Buffer.from(text, "utf16le")]);
    const report = readStandardData(le);
    expect(report.encoding).toBe("utf-16");
    expect(report.records.map((r) => r.placeName)).toEqual(["도서관"]);
  });

  it("refuses a GeoJSON item that is not a feature, naming it, instead of failing", () => {
    expect(refusal(Buffer.from('{"type":"FeatureCollection","features":[null]}'))).toMatchObject({ code: "bad_feature", line: 2 });
    expect(refusal(Buffer.from('{"type":"FeatureCollection","features":[{"type":"Feature","properties":{}},7]}'))).toMatchObject({
      code: "bad_feature",
      line: 3,
    });
  });

  it("reads a GeoJSON whose features each carry other keys by the standard's names only, and ignores deep values", () => {
    const deep = JSON.parse("[".repeat(2000) + "]".repeat(2000)) as unknown;
    const features = Array.from({ length: 3000 }, (_, i) => ({
      type: "Feature",
      geometry: { type: "Point", coordinates: [128.1, 35.18] },
      properties: { 설치장소명: `장소 ${i}`, 설치시도명: "경상남도", 설치시군구명: "진주시", [`extra_${i}`]: "x", 관리기관명: i === 0 ? deep : "진주시" },
    }));
    const table = tableFromGeoJson(JSON.stringify({ type: "FeatureCollection", features }));
    // The width is the standard's columns present, not one column per stray key.
    expect(table[0]).toEqual(["설치장소명", "설치시도명", "설치시군구명", "관리기관명", "WGS84위도", "WGS84경도"]);
    expect(table).toHaveLength(3001);
    expect(table[1]![3]).toBe("");
  });

  it("refuses an unknown header and lists the expected columns", () => {
    const err = refusal(Buffer.from("name,lat,lon\nx,1,2\n", "utf8"));
    expect(err.code).toBe("unknown_format");
    expect(err.message).toContain("missing 설치장소명");
    expect(err.message).toContain("설치장소명, 설치장소상세, 설치시도명");
  });

  it("refuses an empty file", () => {
    expect(refusal(new Uint8Array())).toMatchObject({ code: "empty" });
  });

  it("reads a CP949 file even when it is mostly ASCII", () => {
    const bytes = iconv.encode(`${NEWER_HEADER}\n1,도서관,,경상남도,진주시,교육시설,KT,a,2020-01,,,,,35.1,128.1,2020-01-01\n`, "cp949");
    const { encoding } = decode(bytes);
    expect(encoding).toBe("cp949");
    expect(readStandardData(bytes).records[0]!.placeName).toBe("도서관");
  });

  it("keeps a file with a UTF-8 BOM as UTF-8 even when a byte in it is broken", () => {
    const body = new TextEncoder().encode(`${NEWER_HEADER}\n1,도서관,,경상남도,진주시,교육시설,KT,a,2020-01,,,,,35.1,128.1,2020-01-01\n`);
    const name = body.indexOf(0x0a) + 3; // 도, after the header and "1,"
    const broken = Uint8Array.from([0xef, 0xbb, 0xbf, ...body.subarray(0, name), 0xff, ...body.subarray(name + 3)]);
    const { text, encoding } = decode(broken);
    expect(encoding).toBe("utf-8-bom");
    expect(readStandardData(broken).records[0]!.placeName).toBe("\uFFFD서관");
    expect(text.startsWith("번호")).toBe(true);
  });
});

describe("normalisers", () => {
  it.each([
    ["LGU+", "LG U+"],
    ["LG U+", "LG U+"],
    ["LG", "LG U+"],
    ["kt", "KT"],
    ["SKT", "SK텔레콤"],
    [" 지역방송 ", "지역방송"],
    ["", null],
  ])("provider %s → %s", (raw, expected) => expect(normaliseProvider(raw)).toBe(expected));

  it.each([
    ["서민·복지시설", "welfare"],
    ["서민.복지시설", "welfare"],
    ["서민복지시설", "welfare"],
    ["문화·관광시설", "culture_tourism"],
    ["버스정류소", "bus_stop"],
    ["관광", "culture_tourism"],
    ["지역문화시설", "culture_tourism"],
    ["문화시설", "culture_tourism"],
    ["카페", null],
  ])("category %s → %s", (raw, expected) => expect(normaliseCategory(raw)).toBe(expected));

  it.each([
    ["2012-05", { year: 2012, month: 5 }],
    ["2014-11-30", { year: 2014, month: 11 }],
    ["201405", { year: 2014, month: 5 }],
    ["Oct-15", { year: 2015, month: 10 }],
    ["2014", { year: 2014, month: null }],
    ["", { year: null, month: null }],
    ["2016년 07월 01일", { year: 2016, month: 7 }],
    ["2016년7월", { year: 2016, month: 7 }],
    ["2013-Sep", { year: 2013, month: 9 }],
    ["Sep 2013", { year: 2013, month: 9 }],
    ["September 2013", { year: 2013, month: 9 }],
    ["2016년 13월", null],
    ["2013-Sem", null],
    ["2014-13", null],
    ["soon", null],
  ])("install date %s", (raw, expected) => expect(normaliseInstalled(raw)).toEqual(expected));
});

describe("two rows for one place", () => {
  it("keeps the later row and reports the earlier one", () => {
    const csv = [
      NEWER_HEADER,
      "7,시청,1층,경상남도,진주시,관공서,KT,old,2019-01,,,,,35.18,128.1,2020-01-01",
      "7,시청,1층,경상남도,진주시,관공서,KT,new,2021-01,,,,,35.18,128.1,2022-01-01",
    ].join("\n");
    const report = readStandardData(Buffer.from(csv, "utf8"));
    expect(report.records.map((r) => r.ssid)).toEqual(["new"]);
    expect(report.issues).toEqual([
      { line: 2, column: "번호", value: "7", code: "replaced_by", ref: "3", reason: "same place as line 3, which replaces this row", severity: "warning" },
    ]);
  });
});
