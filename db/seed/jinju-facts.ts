// The Jinju public Wi-Fi program as the sources state it (city announcement of 2020-09-07 and press).
// Every figure here is a fact; the seed marks whatever it derives beyond them as an estimate.
import type { SiteCategory, WorkKind } from "../../lib/domain";

export const JINJU = {
  code: "48170",
  kostatCode: "38030",
  nameKo: "진주시",
  nameEn: "Jinju-si",
  provinceKo: "경상남도",
  provinceEn: "Gyeongsangnam-do",
} as const;

export const PROGRAM = {
  nameKo: "진주시 공공와이파이 확대 구축 사업",
  nameEn: "Jinju Public Wi-Fi Expansion Project",
  startYear: 2019,
  endYear: 2021,
  mouDate: "2019-03",
  sourceNote: "진주시 보도자료 2020-09-07: 진주시·KT·서경방송 3자 업무협약(2019년 3월), 3개년(2019~2021) 공동 사업",
} as const;

export const PARTNERS = [
  { key: "kt", nameKo: "KT", nameEn: "KT", kind: "telecom", roles: ["equipment_purchase", "installation"] },
  {
    key: "seokyung",
    nameKo: "서경방송",
    nameEn: "Seokyung Broadcasting",
    kind: "cable_operator",
    roles: ["line_provision", "line_construction"],
  },
  { key: "city", nameKo: "진주시", nameEn: "Jinju City", kind: "city", roles: ["funding"] },
] as const satisfies ReadonlyArray<{ key: string; roles: readonly WorkKind[] } & Record<string, unknown>>;

export type PartnerKey = (typeof PARTNERS)[number]["key"];

/** Where each named place of the 2020 zones lies; `how` says how the point was obtained. */
export type ZonePlace =
  | { how: "poi"; label: string; lat: number; lng: number }
  | { how: "dong-centroids"; label: string; dongs: readonly string[] }
  | { how: "by-hand"; label: string; lat: number; lng: number };

export type ZoneFact = {
  name: string;
  category: SiteCategory;
  planYear: number;
  places: readonly ZonePlace[];
};

export const YEARS = [
  {
    year: 2019,
    buses: 232,
    zones: 7,
    accessPoints: 55,
    sourceNote: "2019년(1차년도): 시내버스 232대, 공공장소 7개 구역 AP 55대",
  },
  {
    year: 2020,
    buses: 15,
    zones: 6,
    accessPoints: 58,
    sourceNote: "2020년(2차년도): 시내버스 15대 추가, 6개 구역 AP 58대",
  },
] as const;

export const YEAR_2021 = {
  year: 2021,
  targetCategories: ["culture_tourism", "bus_stop", "traditional_market"] as SiteCategory[],
  sourceNote: "2021년(3차년도) 대상: 문화·관광시설, 주요 시내버스 정류장, 전통시장 (수량 미정)",
};

/** The six zones of 2020, as named by the city. Their AP split and positions are estimates. */
export const ZONES_2020: readonly ZoneFact[] = [
  {
    name: "남강둔치 상평동~하대동",
    category: "riverside",
    planYear: 2020,
    places: [{ how: "dong-centroids", label: "상평동·하대동", dongs: ["상평동", "하대동"] }],
  },
  {
    name: "남강둔치 주약동~가호동",
    category: "riverside",
    planYear: 2020,
    // 주약동 is a 법정동 inside the 천전동 administrative 동 of the boundary data.
    places: [{ how: "dong-centroids", label: "천전동(주약동)·가호동", dongs: ["천전동", "가호동"] }],
  },
  {
    name: "혁신도시 (영천강 주변)",
    category: "innovation_city",
    planYear: 2020,
    places: [{ how: "dong-centroids", label: "충무공동(혁신도시)", dongs: ["충무공동"] }],
  },
  {
    name: "주민이용시설 (종합경기장, 도매시장 등)",
    category: "resident_facility",
    planYear: 2020,
    // No data file gives 진주종합경기장: placed by hand in 충무공동.
    places: [{ how: "by-hand", label: "진주종합경기장 부근", lat: 35.1743, lng: 128.1566 }],
  },
  {
    name: "공원구역 (초전공원, 강주연못 등)",
    category: "park",
    planYear: 2020,
    places: [
      { how: "poi", label: "초전공원", lat: 35.20888274, lng: 128.1250555 },
      { how: "poi", label: "강주연못공원", lat: 35.113169, lng: 128.095103 },
    ],
  },
  {
    name: "경상대학교 (가좌천 문화거리)",
    category: "university",
    planYear: 2020,
    places: [{ how: "by-hand", label: "경상국립대 가좌캠퍼스 정문", lat: 35.1527, lng: 128.1057 }],
  },
];

export const BUS_FACTS = {
  operators: ["부산교통", "삼성교통", "진주시민버스"],
  firstBatch: {
    count: 32,
    year: 2019,
    month: 5,
    routes: ["120", "130", "280", "290", "350"],
    note: "보도: 2019년 5월 첫 32대(120·130·280·290·350번), 진주시·과학기술정보통신부·경상남도 재원",
  },
  busSsid: (route: string) => `PublicWiFi@BUS_${route}`,
  siteSsid: "Jinju_PublicWiFi",
} as const;

/** Splits a total into `parts` near-equal whole numbers, larger ones first (55 over 7 → 8,8,8,8,8,8,7). */
export function splitEvenly(total: number, parts: number): number[] {
  const base = Math.floor(total / parts);
  const extra = total % parts;
  return Array.from({ length: parts }, (_, i) => base + (i < extra ? 1 : 0));
}
