import { describe, expect, it } from "vitest";
import { parsePoiCsv } from "./poi";

const PARKS_HEADER = "관리번호,공원명,공원구분,소재지도로명주소,소재지지번주소,위도,경도,공원면적";

describe("parsePoiCsv", () => {
  it("reads name, address, position and attributes", () => {
    const rows = parsePoiCsv(
      "jinju_city_parks_20210728_utf8.csv",
      `\uFEFF${PARKS_HEADER}\n48170-00001,초전공원,근린공원,,경상남도 진주시 초전동 1,35.20888274,128.1250555,1000\n`,
    );
    expect(rows).toEqual([
      {
        kind: "park",
        name: "초전공원",
        address: "경상남도 진주시 초전동 1",
        lat: 35.20888274,
        lng: 128.1250555,
        source: expect.stringContaining("전국도시공원정보표준데이터"),
        sourceRef: "48170-00001",
        attributes: { parkType: "근린공원", areaM2: 1000 },
      },
    ]);
  });

  it("keeps no position when the source gives only one coordinate, and says so", () => {
    const [row] = parsePoiCsv("jinju_city_parks_20210728_utf8.csv", `${PARKS_HEADER}\n48170-00081,여우별공원,어린이공원,,충무공동,35.172986,,1506\n`);
    expect(row).toMatchObject({ lat: null, lng: null, attributes: { positionNote: "source row lacks one coordinate" } });
  });

  it("keeps two places that share a management number apart", () => {
    const rows = parsePoiCsv("jinju_city_parks_20210728_utf8.csv", `${PARKS_HEADER}\nX-1,가공원,근린공원,,,35.1,128.1,1\nX-1,나공원,근린공원,,,35.2,128.2,1\n`);
    expect(rows.map((r) => r.sourceRef)).toEqual(["X-1", "X-1#3"]);
  });

  it("names the file and row of a place without a name", () => {
    expect(() => parsePoiCsv("jinju_city_parks_20210728_utf8.csv", `${PARKS_HEADER}\nX-1,,근린공원,,,35.1,128.1,1\n`)).toThrow(
      "jinju_city_parks_20210728_utf8.csv: row 2: column 공원명 is empty",
    );
  });

  it("refuses a file it does not know", () => {
    expect(() => parsePoiCsv("other.csv", "a,b\n")).toThrow("other.csv: not a known point-of-interest source");
  });
});
