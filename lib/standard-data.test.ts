import fs from "node:fs";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import {
  decode,
  EXPECTED_COLUMNS,
  normaliseCategory,
  normaliseInstalled,
  normaliseProvider,
  readStandardData,
  STANDARD_CATEGORY_LABEL,
  StandardDataError,
  tableFromGeoJson,
  type StandardRecord,
} from "./standard-data";

const JINJU = fs.readFileSync("db/seed/data/jinju_free_wifi_2016_cp949.csv");
const NEWER_HEADER =
  "번호,설치장소명,설치장소상세,설치시도명,설치시군구명,설치시설구분,서비스제공사명,와이파이SSID,설치연월,소재지도로명주소,소재지지번주소,관리기관명,관리기관전화번호,WGS84위도,WGS84경도,데이터기준일자";
const EXPECTED_OLDER = EXPECTED_COLUMNS.older.split(", ").join(",");
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

  it("reads its 110 rows as 55 access points and 55 duplicates, naming each duplicate's first line", () => {
    expect(report.records).toHaveLength(55);
    expect(new Set(report.records.map((r) => r.siteKey)).size).toBe(55);
    expect(report.duplicates).toBe(55);
    expect(report.invalid).toBe(0);
    // 44 rows repeat an earlier one cell for cell; 11 differ only in how a coordinate is written (35.0943900 / 35.09439).
    const kinds = report.issues.filter((i) => i.code === "duplicate_row" || i.code === "same_after_normalising");
    expect(kinds.filter((i) => i.code === "duplicate_row")).toHaveLength(44);
    expect(kinds.filter((i) => i.code === "same_after_normalising")).toHaveLength(11);
    expect(kinds.find((i) => i.value === "금곡면사무소")).toMatchObject({ code: "same_after_normalising", ref: expect.stringMatching(/^\d+$/) });
  });

  it("reports the bus terminal rows whose longitude equals their latitude, and keeps them off the map", () => {
    // Two terminals, each on two identical rows: the second of each is a duplicate, reported as such.
    const broken = report.issues.filter((i) => i.severity === "position");
    expect(broken).toHaveLength(1);
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

  it("is read as UTF-8 with the newer header; 번호 is kept, the place and detail are the identity", () => {
    expect([report.encoding, report.variant, report.rows, report.records.length]).toEqual(["utf-8-bom", "newer", 3, 2]);
    expect(report.records[0]).toMatchObject({
      ref: "101",
      category: "traditional_market",
      installYear: 2021,
      installMonth: 7,
      siteKey: "place:진주중앙시장|경상남도진주시중앙시장길1",
      key: "ap:진주중앙시장|경상남도진주시중앙시장길1|고객지원센터|jinju_publicwifi",
    });
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

  it("refuses a header of another format and lists the expected columns", () => {
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

describe("every category of the standard", () => {
  it("is written as a label the reader takes back to the same category", () => {
    for (const [code, label] of Object.entries(STANDARD_CATEGORY_LABEL)) expect([label, normaliseCategory(label)]).toEqual([label, code]);
  });
});

describe("rows of one place", () => {
  const floors = (ssids: string[]) =>
    [NEWER_HEADER, ...ssids.map((ssid, i) => `${i + 1},시청,${i + 1}층,경상남도,진주시,관공서,KT,${ssid},2019-01,시청로 1,,,,35.18,128.1,2020-01-01`)].join(
      "\n",
    );

  it("are that place's access points, one per row, however many floors", () => {
    const report = readStandardData(Buffer.from(floors(Array.from({ length: 14 }, () => "Free")), "utf8"));
    expect(report.records).toHaveLength(14);
    expect(new Set(report.records.map((r) => r.siteKey)).size).toBe(1);
    expect(new Set(report.records.map((r) => r.key)).size).toBe(14);
    expect(report.issues).toEqual([]);
  });

  it("agreeing on detail and SSID but not elsewhere are further APs of that spot, in file order", () => {
    const csv = [
      NEWER_HEADER,
      "7,시청,1층,경상남도,진주시,관공서,KT,Free,2019-01,,,,,35.18,128.1,2020-01-01",
      "8,시청,1층,경상남도,진주시,관공서,KT,Free,2021-01,,,,,35.181,128.1,2022-01-01",
    ].join("\n");
    const report = readStandardData(Buffer.from(csv, "utf8"));
    expect(report.records.map((r) => [r.installYear, r.key])).toEqual([
      [2019, "ap:시청||1층|free"],
      [2021, "ap:시청||1층|free#2"],
    ]);
  });

  it("that are the same once spaces and number forms are normalised are one, and the later is reported", () => {
    const csv = [
      NEWER_HEADER,
      "1,시청,1층,경상남도,진주시,관공서,KT,Free,2019-01,,,,,35.1800,128.1,2020-01-01",
      "2,시청 ,1층,경상남도, 진주시,관공서,kt,Free,2019-01,,,,,35.18,128.10,2020-01-01",
    ].join("\n");
    const report = readStandardData(Buffer.from(csv, "utf8"));
    // 번호 differs, as it does on every row: it numbers the rows and is not part of what a row says.
    expect(report.records).toHaveLength(1);
    expect(report.duplicates).toBe(1);
  });
});

describe("the same data in both releases", () => {
  const older = (n: number) => `시청,${n}층,경상남도,진주시,관공서,KT,Free,2019-01,시청로 1,,진주시,055,35.18,128.1,2020-01-01,`;
  const newer = (n: number) => `${n * 3},시청,${n}층,경상남도,진주시,관공서,KT,Free,2019-01,시청로 1,,진주시,055,35.18,128.1,2020-01-01`;
  it("gives the same places and access points", () => {
    const a = readStandardData(iconv.encode(`${EXPECTED_OLDER},\n${[1, 2, 3].map(older).join("\n")}\n`, "cp949"));
    const b = readStandardData(utf8Bom(`${NEWER_HEADER}\n${[1, 2, 3].map(newer).join("\n")}\n`));
    expect([a.variant, b.variant]).toEqual(["older", "newer"]);
    const identity = (r: StandardRecord) => [r.siteKey, r.key, r.placeDetail, r.installYear, r.lat];
    expect(a.records.map(identity)).toEqual(b.records.map(identity));
  });
});

describe("strict files", () => {
  const good = [NEWER_HEADER, "1,시청,1층,경상남도,진주시,관공서,KT,Free,2019-01,,,,,35.18,128.1,2020-01-01"];

  it("refuses a file cut off in its last row, naming the line", () => {
    const err = refusal(Buffer.from([...good, "2,도서관,열람실,경상남도,진주"].join("\n"), "utf8"));
    expect(err).toMatchObject({ code: "truncated", line: 3 });
  });

  it("refuses a file cut off inside a quoted field, naming the line the field opened on", () => {
    const err = refusal(Buffer.from([...good, '2,"도서관,열람실,경상남도,진주시,관공서,KT,Free,2019-01,,,,,35.18,128.1,2020-01-01'].join("\n"), "utf8"));
    expect(err).toMatchObject({ code: "truncated", line: 3 });
  });

  it("refuses a renamed column, naming it, and reads the file when the column is mapped", () => {
    const renamed = Buffer.from([good[0]!.replace("설치연월", "설치일"), good[1]].join("\n"), "utf8");
    const err = refusal(renamed);
    expect(err).toMatchObject({ code: "unknown_column", column: "설치일" });
    expect(err.message).toContain("번호, 설치장소명");
    const report = readStandardData(renamed, { columnMap: { 설치일: "설치연월" } });
    expect(report.records[0]).toMatchObject({ installYear: 2019, installMonth: 1 });
  });

  it("refuses an unknown extra column unless it is mapped to nothing", () => {
    const extra = Buffer.from([`${good[0]},비고`, `${good[1]},메모`].join("\n"), "utf8");
    expect(refusal(extra)).toMatchObject({ code: "unknown_column", column: "비고" });
    expect(readStandardData(extra, { columnMap: { 비고: "" } }).records).toHaveLength(1);
  });

  it("refuses a file without a column of the release, which would erase what it holds", () => {
    const header = NEWER_HEADER.split(",");
    const at = header.indexOf("설치연월");
    const drop = (line: string) =>
      line
        .split(",")
        .filter((_, i) => i !== at)
        .join(",");
    const err = refusal(Buffer.from(good.map(drop).join("\n"), "utf8"));
    expect(err).toMatchObject({ code: "missing_column", column: "설치년월 or 설치연월" });
  });

  it("refuses a row in the middle with the wrong number of fields, and reads the rest", () => {
    const report = readStandardData(Buffer.from([...good, "2,도서관,열람실", good[1]!.replace("1층", "2층")].join("\n"), "utf8"));
    expect(report.records).toHaveLength(2);
    expect(report.invalid).toBe(1);
    expect(report.issues).toEqual([expect.objectContaining({ line: 3, code: "field_count", severity: "error", ref: "16" })]);
  });
});
