// The municipality directory as the app answers it: every 시군구 with its 시도, registered voters
// (선거인수 2022, a population proxy), area from its outline, and what the inventory holds there.
import { listDirectory, type DirectoryRow } from "../db/queries/municipalities";
import { areaKm2, asArea } from "../lib/geo";
import type { MUNICIPALITY_SORTS } from "../lib/query-params";
import type { NationalContext } from "./context";
import { nationalOutline } from "../db/national-outlines";

/** Areas by municipality id, kept for the process: outlines change only with a new boundary release. */
const areas = new Map<number, number | null>();
function areaOf(row: DirectoryRow): number | null {
  if (!areas.has(row.id)) {
    const outline = asArea(row.boundary) ?? nationalOutline(row.provinceKo, row.nameKo);
    areas.set(row.id, outline ? Math.round(areaKm2(outline) * 10) / 10 : null);
  }
  return areas.get(row.id)!;
}

/** Codes changed after the 2018 boundaries the map draws: the current KOSTAT code → the boundaries' one. */
const BOUNDARY_CODE_RENAMED: Record<string, string> = { "23090": "23030" };

export type MunicipalityListing = {
  code: string;
  /** The code of its outline in the shipped 2018 boundaries (SGIS), for the national map. */
  boundaryCode: string | null;
  sidoCode: string | null;
  provinceKo: string;
  provinceEn: string | null;
  nameKo: string;
  nameEn: string | null;
  accessPoints: number;
  sites: number;
  registeredVoters2022: number | null;
  areaKm2: number | null;
  /** APs per 10,000 registered voters, one decimal; null without a voter count. */
  apsPer10kVoters: number | null;
  apsPerKm2: number | null;
};

const ratio = (n: number, d: number | null, scale = 1) => (d ? Math.round(((n * scale) / d) * 100) / 100 : null);

export async function listMunicipalities(
  ctx: NationalContext,
  { sido, sort, dir }: { sido?: string; sort: (typeof MUNICIPALITY_SORTS)[number]; dir: "asc" | "desc" },
): Promise<{ items: MunicipalityListing[]; total: number }> {
  const rows = await listDirectory(ctx.db, { sidoCode: sido });
  const items = rows.map((r): MunicipalityListing => {
    const area = areaOf(r);
    return {
      code: r.code,
      boundaryCode: r.kostatCode ? (BOUNDARY_CODE_RENAMED[r.kostatCode] ?? r.kostatCode) : null,
      sidoCode: r.sidoCode,
      provinceKo: r.provinceKo,
      provinceEn: r.provinceEn,
      nameKo: r.nameKo,
      nameEn: r.nameEn,
      accessPoints: r.accessPoints,
      sites: r.sites,
      registeredVoters2022: r.registeredVoters2022,
      areaKm2: area,
      apsPer10kVoters: ratio(r.accessPoints, r.registeredVoters2022, 10_000),
      apsPerKm2: ratio(r.accessPoints, area),
    };
  });
  const key: Record<(typeof MUNICIPALITY_SORTS)[number], (m: MunicipalityListing) => string | number | null> = {
    code: (m) => m.code,
    name: (m) => `${m.provinceKo} ${m.nameKo}`,
    accessPoints: (m) => m.accessPoints,
    sites: (m) => m.sites,
    voters: (m) => m.registeredVoters2022,
    apsPer10kVoters: (m) => m.apsPer10kVoters,
    areaKm2: (m) => m.areaKm2,
    apsPerKm2: (m) => m.apsPerKm2,
  };
  const sign = dir === "desc" ? -1 : 1;
  // Unknown values last in either direction; ties by code.
  items.sort((a, b) => {
    const [x, y] = [key[sort](a), key[sort](b)];
    if (x === null || y === null) return x === y ? a.code.localeCompare(b.code) : x === null ? 1 : -1;
    const c = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y), "ko");
    return c !== 0 ? sign * c : a.code.localeCompare(b.code);
  });
  return { items, total: items.length };
}

/** A 시도's figures: the sums of its 시군구, and the same ratios over the sums. */
export type ProvinceListing = Omit<MunicipalityListing, "code" | "nameKo" | "nameEn"> & { municipalities: number };

export function provincesOf(items: MunicipalityListing[]): ProvinceListing[] {
  const by = new Map<string, MunicipalityListing[]>();
  for (const m of items) if (m.sidoCode) by.set(m.sidoCode, [...(by.get(m.sidoCode) ?? []), m]);
  return [...by.entries()].map(([sidoCode, list]) => {
    const sum = (f: (m: MunicipalityListing) => number | null) => (list.some((m) => f(m) === null) ? null : list.reduce((n, m) => n + f(m)!, 0));
    const aps = list.reduce((n, m) => n + m.accessPoints, 0);
    const voters = sum((m) => m.registeredVoters2022);
    const area = sum((m) => m.areaKm2);
    return {
      sidoCode,
      boundaryCode: list[0]!.boundaryCode?.slice(0, 2) ?? null,
      provinceKo: list[0]!.provinceKo,
      provinceEn: list[0]!.provinceEn,
      municipalities: list.length,
      accessPoints: aps,
      sites: list.reduce((n, m) => n + m.sites, 0),
      registeredVoters2022: voters,
      areaKm2: area === null ? null : Math.round(area * 10) / 10,
      apsPer10kVoters: ratio(aps, voters, 10_000),
      apsPerKm2: ratio(aps, area),
    };
  });
}
