// Generates a national synthetic inventory for benchmarks: APs clustered around every 시군구 of Korea,
// with realistic shares of status, provenance, year, category and installing partner.
import fs from "node:fs";
import type { FeatureCollection, Geometry } from "geojson";
import { feature } from "topojson-client";
import type { Topology } from "topojson-specification";
import { centroidOf, seededRandom, type Area } from "../lib/geo";
import type { ApStatus, Provenance, SiteCategory } from "../lib/domain";

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
