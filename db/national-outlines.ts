// The outlines of Korea's 250 시군구 (통계청 SGIS 2018, the file the map draws them from), looked up by
// 시도 + 시군구 name: a municipality an import creates gets its outline here, so its rows are checked
// against it like Jinju's. Server and command line only (reads the file once).
import fs from "node:fs";
import path from "node:path";
import type { GeometryCollection, Topology } from "topojson-specification";
import { feature } from "topojson-client";
import type { FeatureCollection, MultiPolygon, Polygon } from "geojson";
import type { Area } from "../lib/geo";

const TOPO_FILE = path.join("public", "geo", "municipalities-topo.json");

/** The 시도 of the 2018 boundaries by their SGIS code, and the names files also use for them. */
const PROVINCES: Record<string, string[]> = {
  "11": ["서울특별시", "서울", "서울시"],
  "21": ["부산광역시", "부산", "부산시"],
  "22": ["대구광역시", "대구", "대구시"],
  "23": ["인천광역시", "인천", "인천시"],
  "24": ["광주광역시", "광주", "광주시"],
  "25": ["대전광역시", "대전", "대전시"],
  "26": ["울산광역시", "울산", "울산시"],
  "29": ["세종특별자치시", "세종", "세종시"],
  "31": ["경기도", "경기"],
  "32": ["강원도", "강원", "강원특별자치도"],
  "33": ["충청북도", "충북"],
  "34": ["충청남도", "충남"],
  "35": ["전라북도", "전북", "전북특별자치도"],
  "36": ["전라남도", "전남"],
  "37": ["경상북도", "경북"],
  "38": ["경상남도", "경남"],
  "39": ["제주특별자치도", "제주", "제주도"],
};
/** The 시도's name by the SGIS code its 시군구 codes start with ("38" → 경상남도). */
export function provinceNameOf(sgisCode: string): string | null {
  return PROVINCES[sgisCode.slice(0, 2)]?.[0] ?? null;
}
const provinceCode = new Map(Object.entries(PROVINCES).flatMap(([code, names]) => names.map((n) => [n, code] as const)));

/** Names changed after the 2018 boundaries, by SGIS 시도 code: the current name → the boundaries' name. */
const RENAMED_SINCE_2018: Record<string, Record<string, string>> = { "23": { 미추홀구: "남구" } };

type Entry = { name: string; area: Area };
let byProvince: Map<string, Entry[]> | null = null;

function load(): Map<string, Entry[]> {
  if (byProvince) return byProvince;
  const topo = JSON.parse(fs.readFileSync(path.join(process.cwd(), TOPO_FILE), "utf8")) as Topology;
  const object = topo.objects.skorea_municipalities_2018_geo as GeometryCollection<{ code: string; name: string }>;
  const fc = feature(topo, object) as FeatureCollection<Polygon | MultiPolygon, { code: string; name: string }>;
  byProvince = new Map();
  for (const f of fc.features) {
    const list = byProvince.get(f.properties.code.slice(0, 2)) ?? [];
    list.push({ name: f.properties.name.replace(/\s+/g, ""), area: f.geometry });
    byProvince.set(f.properties.code.slice(0, 2), list);
  }
  return byProvince;
}

/**
 * The outline of a 시군구, or null when the 2018 boundaries have no such name in that 시도 (a newer or
 * misspelt name). A city divided into 구 (수원시, 창원시) is the sum of its 구; "창원시 의창구" is that 구.
 */
export function nationalOutline(province: string, municipality: string): Area | null {
  const code = provinceCode.get(province.replace(/\s+/g, ""));
  if (!code) return null;
  const entries = load().get(code) ?? [];
  const squashed = municipality.replace(/\s+/g, "");
  // The 2018 boundaries predate one rename: 인천 남구 became 미추홀구 in 2018-07.
  const name = RENAMED_SINCE_2018[code]?.[squashed] ?? squashed;
  const exact = entries.find((e) => e.name === name);
  if (exact) return exact.area;
  const parts = /시$/.test(name) ? entries.filter((e) => e.name.startsWith(name) && /구$/.test(e.name)) : [];
  if (!parts.length) return null;
  return { type: "MultiPolygon", coordinates: parts.flatMap((p) => (p.area.type === "Polygon" ? [p.area.coordinates] : p.area.coordinates)) };
}
