// Generates a national synthetic inventory for benchmarks: APs clustered around every 시군구 of Korea,
// with realistic shares of status, provenance, year, category and installing partner.
import fs from "node:fs";
import type { FeatureCollection, Geometry } from "geojson";
import { feature } from "topojson-client";
import type { Topology } from "topojson-specification";
import { centroidOf, seededRandom, type Area } from "../lib/geo";
import type { ApStatus, Provenance, SiteCategory } from "../lib/domain";
import { headerLine } from "../lib/standard-data";
import { provinceNameOf } from "../db/national-outlines";

export type Municipality = { code: string; name: string; lat: number; lng: number };

export function municipalities(): Municipality[] {
  const topo = JSON.parse(fs.readFileSync("public/geo/municipalities-topo.json", "utf8")) as Topology;
  const fc = feature(topo, topo.objects.skorea_municipalities_2018_geo!) as FeatureCollection<Geometry, { code: string; name: string }>;
  return fc.features.map((f) => ({ code: `K${f.properties.code}`, name: f.properties.name, ...centroidOf(f.geometry as Area) }));
}

function weighted<T>(rand: () => number, table: [T, number][]): () => T {
  const total = table.reduce((a, [, w]) => a + w, 0);
  return () => {
    let r = rand() * total;
    for (const [v, w] of table) if ((r -= w) < 0) return v;
    return table[table.length - 1]![0];
  };
}

export type SyntheticAp = {
  municipality: number;
  site: number;
  lat: number;
  lng: number;
  status: ApStatus;
  provenance: Provenance;
  partner: number;
};
export type SyntheticSite = { municipality: number; name: string; category: SiteCategory; planYear: number; lat: number; lng: number };

/** `count` APs in sites of about five, around the municipalities' centres (σ ≈ 4 km). */
export function generate(count: number, munis: Municipality[], seed = 1): { sites: SyntheticSite[]; aps: SyntheticAp[] } {
  const rand = seededRandom(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(rand() || 1e-12)) * Math.cos(2 * Math.PI * rand());
  const status = weighted<ApStatus>(rand, [
    ["active", 85],
    ["planned", 8],
    ["faulty", 4],
    ["retired", 3],
  ]);
  const provenance = weighted<Provenance>(rand, [
    ["import", 80],
    ["field_survey", 10],
    ["estimate", 8],
    ["manual", 2],
  ]);
  const category = weighted<SiteCategory>(rand, [
    ["public_office", 20],
    ["welfare", 15],
    ["amenity", 10],
    ["transport", 10],
    ["bus_stop", 15],
    ["culture_tourism", 8],
    ["traditional_market", 6],
    ["park", 6],
    ["education", 4],
    ["health", 3],
    ["sports", 2],
    ["other", 1],
  ]);
  const sites: SyntheticSite[] = [];
  const aps: SyntheticAp[] = [];
  while (aps.length < count) {
    const m = Math.floor(rand() * munis.length);
    const c = munis[m]!;
    const lat = c.lat + gauss() * 0.035;
    const lng = c.lng + gauss() * 0.045;
    const site = sites.length;
    sites.push({ municipality: m, name: `bench-site-${site}`, category: category(), planYear: 2012 + Math.floor(rand() * 15), lat, lng });
    const n = 1 + Math.floor(rand() * 9);
    const partner = Math.floor(rand() * 3);
    for (let i = 0; i < n && aps.length < count; i++) {
      aps.push({
        municipality: m,
        site,
        lat: Math.round((lat + gauss() * 0.0008) * 1e7) / 1e7,
        lng: Math.round((lng + gauss() * 0.001) * 1e7) / 1e7,
        status: status(),
        provenance: provenance(),
        partner,
      });
    }
  }
  return { sites, aps };
}

/**
 * A national file of the newer standard release: `count` rows spread over every 시군구 with their real
 * 시도 and 시군구 names (so every row is checked against its 시군구's outline), and provider, category
 * and date spellings to normalise. UTF-8 with a BOM, as the portal publishes it; with the
 * municipalities and places it was drawn from.
 */
export function standardFile(count: number): { text: string; munis: Municipality[]; sites: SyntheticSite[] } {
  // The file: `count` rows of the newer release, spread over every 시군구 like a national file, with
  // their real 시도 and 시군구 names, so every row is checked against its 시군구's outline.
  const munis = municipalities();
  const { sites } = generate(count, munis, 7);
  const CATEGORIES = [
    "관공서",
    "서민·복지시설",
    "편의시설",
    "교통시설",
    "버스정류장",
    "문화·관광시설",
    "전통시장",
    "공원",
    "교육시설",
    "보건시설",
    "체육시설",
    "기타",
  ];
  const PROVIDERS = ["KT", "LGU+", "SKT", "SK브로드밴드"];
  const lines: string[] = [headerLine("newer")];
  for (let i = 0; i < count; i++) {
    const site = sites[i % sites.length]!;
    const m = munis[site.municipality]!;
    const province = provinceNameOf(m.code.slice(1))!;
    lines.push(
      [
        `B-${i}`,
        `벤치 장소 ${i}`,
        `${1 + (i % 5)}층`,
        province,
        m.name,
        CATEGORIES[i % CATEGORIES.length],
        PROVIDERS[i % 4],
        `BENCH-${i % 97}`,
        `20${10 + (i % 15)}-${String(1 + (i % 12)).padStart(2, "0")}`,
        `${m.name} 벤치로 ${i}`,
        "",
        `${m.name}청`,
        "055-000-0000",
        // A quarter of the way out from the centre (σ ≈ 1 km), so that almost every row lies inside its
        // 시군구, as a published file's rows do, rather than a third of them outside it.
        (m.lat + (site.lat - m.lat) / 4 + (i % 7) * 1e-4).toFixed(6),
        (m.lng + (site.lng - m.lng) / 4 + (i % 5) * 1e-4).toFixed(6),
        "2026-11-01",
      ].join(","),
    );
  }
  return { text: `\uFEFF${lines.join("\n")}\n`, munis, sites };
}
