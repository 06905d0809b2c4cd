// Reads the public-data-portal CSVs of markets, parks, tourist spots and parking into points of interest.
import Papa from "papaparse";
import type { PoiKind } from "./domain";

export type PoiRecord = {
  kind: PoiKind;
  name: string;
  address: string | null;
  lat: number | null;
  lng: number | null;
  source: string;
  sourceRef: string;
  attributes: Record<string, string | number>;
};

type Spec = {
  kind: PoiKind;
  source: string;
  name: string;
  ref?: string;
  extra: Record<string, string>;
};

export const POI_SOURCES: Record<string, Spec> = {
  "jinju_traditional_markets_20241104_utf8.csv": {
    kind: "traditional_market",
    source: "공공데이터포털 전국전통시장표준데이터 (소상공인시장진흥공단, 2024-11-04)",
    name: "시장명",
    extra: { marketType: "시장유형", stores: "점포수", openingCycle: "시장개설주기" },
  },
  "jinju_city_parks_20210728_utf8.csv": {
    kind: "park",
    source: "공공데이터포털 전국도시공원정보표준데이터 (경상남도 진주시, 2021-07-28)",
    name: "공원명",
    ref: "관리번호",
    extra: { parkType: "공원구분", areaM2: "공원면적" },
  },
  "jinju_tourist_spots_utf8.csv": {
    kind: "tourist_spot",
    source: "공공데이터포털 전국관광지정보표준데이터 (경상남도 진주시청)",
    name: "관광지명",
    extra: { spotType: "관광지구분" },
  },
  "jinju_public_parking_20230120_utf8.csv": {
    kind: "parking",
    source: "공공데이터포털 전국주차장정보표준데이터 (경상남도 진주시청, 2023-01-20)",
    name: "주차장명",
    ref: "주차장관리번호",
    extra: { parkingType: "주차장유형", spaces: "주차구획수" },
  },
};

function num(value: string | undefined): number | null {
  if (value === undefined || value.trim() === "") return null;
  const n = Number(value.trim());
  return Number.isFinite(n) ? n : null;
}

/** Parses one POI file; rows with only one of latitude/longitude keep no position and say so. */
export function parsePoiCsv(fileName: string, text: string): PoiRecord[] {
  const spec = POI_SOURCES[fileName];
  if (!spec) throw new Error(`${fileName}: not a known point-of-interest source`);
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ""), {
    header: true,
    skipEmptyLines: "greedy",
    // Some portal files carry unnamed columns; give them names instead of letting the parser warn.
    transformHeader: (h, i) => h.trim() || `_unnamed${i}`,
  });
  if (parsed.errors.length > 0) {
    const e = parsed.errors[0]!;
    throw new Error(`${fileName}: row ${(e.row ?? 0) + 2}: ${e.message}`);
  }
  const seenRefs = new Set<string>();
  return parsed.data.map((row, i) => {
    const name = (row[spec.name] ?? "").trim();
    if (!name) throw new Error(`${fileName}: row ${i + 2}: column ${spec.name} is empty`);
    let lat = num(row["위도"]);
    let lng = num(row["경도"]);
    const attributes: Record<string, string | number> = {};
    if ((lat === null) !== (lng === null)) {
      attributes.positionNote = "source row lacks one coordinate";
      lat = null;
      lng = null;
    }
    for (const [key, column] of Object.entries(spec.extra)) {
      const v = (row[column] ?? "").trim();
      if (v) attributes[key] = num(v) ?? v;
    }
    const road = (row["소재지도로명주소"] ?? "").trim();
    const lot = (row["소재지지번주소"] ?? "").trim();
    let sourceRef = spec.ref ? (row[spec.ref] ?? "").trim() || name : name;
    // The portal files sometimes give two places one management number: keep both, apart.
    if (seenRefs.has(sourceRef)) sourceRef = `${sourceRef}#${i + 2}`;
    seenRefs.add(sourceRef);
    return {
      kind: spec.kind,
      name,
      address: road || lot || null,
      lat,
      lng,
      source: spec.source,
      sourceRef,
      attributes,
    };
  });
}
