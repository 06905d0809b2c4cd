import fs from "node:fs";
import path from "node:path";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { directoryOf, type DirectoryEntry } from "./municipality-directory";

// The directory the app ships (db/seed/data), read as the migration loads it.
const rows = Papa.parse<Record<string, string>>(fs.readFileSync(path.join(process.cwd(), "db/seed/data/kr_sgg_codes_2022.csv"), "utf8"), {
  header: true,
  skipEmptyLines: true,
}).data;
const entries: DirectoryEntry[] = rows.map((r) => ({ code: r.mois_code!, sidoCode: r.sido_code!, sido: r.sido_name!, name: r.sgg_name! }));
const dir = directoryOf(entries);
const codeOf = (sido: string, sgg: string) => {
  const m = dir.match(sido, sgg);
  return m.kind === "match" ? m.entry.code : m.kind === "choose" ? m.among.map((e) => e.code) : m.reason;
};

describe("the municipality directory", () => {
  it("holds every 시군구 once, by MOIS code", () => {
    expect(entries).toHaveLength(250);
    expect(new Set(entries.map((e) => e.code)).size).toBe(250);
    expect(codeOf("경상남도", "진주시")).toBe("48170");
  });

  it("reads short, old and slightly misspelt 시도 names", () => {
    expect(codeOf("경남", "진주시")).toBe("48170");
    expect(codeOf("겅상남도", "진주시")).toBe("48170");
    expect(codeOf("강원특별자치도", "춘천시")).toBe(codeOf("강원도", "춘천시"));
    expect(codeOf("제주도", "제주시")).toBe("50110");
    expect(codeOf("서울", "종로구")).toBe("11110");
  });

  it("reads a 시군구 however it is spaced or named after its office", () => {
    expect(codeOf("경기도", "수원시 장안구")).toBe("41111");
    expect(codeOf("경기도", "수원시장안구")).toBe("41111");
    expect(codeOf("경기도", "시흥시청")).toBe(codeOf("경기도", "시흥시"));
    expect(codeOf("부산광역시", "동구청")).toBe(codeOf("부산광역시", "동구"));
    // A 구 written without its city, when only one city of the 시도 has it.
    expect(codeOf("경상남도", "의창구")).toBe("48121");
  });

  it("finds 세종 with a blank 시군구, as the single-tier city is published", () => {
    expect(codeOf("세종특별자치시", "")).toBe("36110");
    expect(codeOf("세종", "세종시")).toBe("36110");
  });

  it("leaves a city divided into 구 to be placed by position, and names what it cannot match", () => {
    expect(codeOf("경기도", "수원시")).toEqual(["41111", "41113", "41115", "41117"]);
    expect(codeOf("경상남도", "없는시")).toBe("unknown_municipality");
    expect(codeOf("경상남도", "")).toBe("unknown_municipality");
    expect(codeOf("화성도", "진주시")).toBe("unknown_province");
    // "동구" is in several 시도: never matched across them.
    expect(codeOf("경상남도", "동구")).toBe("unknown_municipality");
  });
});
