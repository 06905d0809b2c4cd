// The municipality directory as the app answers it: every 시군구 with its 시도, registered voters
// (선거인수 2022, a population proxy), area from its outline, and what the inventory holds there.
import { findMunicipalityByCode } from "../db/queries/common";
import { activeApPositions, inventoryOf, listDirectory, listDongs, type DirectoryRow } from "../db/queries/municipalities";
import type { Conn, Db } from "../db/client";
import { AppError } from "../lib/errors";
import type { DemandArea } from "../lib/planning";
import { areaKm2, asArea, type LatLng } from "../lib/geo";
import { countWithin } from "../lib/spatial";
import { compareNullsLast } from "../lib/sort";
import type { MUNICIPALITY_SORTS } from "../lib/query-params";
import type { NationalContext, RequestContext } from "./context";
import { nationalOutline } from "../db/national-outlines";
import { dongLocator, shippedDongs } from "../db/dong-outlines";

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
  /** Whether the app holds anything for it (see `listDirectory`): without, its counts and ratios are unknown (null), not 0. */
  recorded: boolean;
  accessPoints: number | null;
  sites: number | null;
  registeredVoters2022: number | null;
  areaKm2: number | null;
  /** APs per 10,000 registered voters, one decimal; null without a voter count. */
  apsPer10kVoters: number | null;
  apsPerKm2: number | null;
  /** The install years of its APs, where known. */
  installYears: { first: number; last: number } | null;
  /** The provider with the most APs and its share of the APs whose provider is known (percent, one decimal). */
  topProvider: { name: string; share: number } | null;
  /** The top provider's share alone, as the national view's figure; and the latest install year. */
  topProviderShare: number | null;
  latestInstallYear: number | null;
  /** APs by provider (known providers only), most first. */
  providers: { name: string; n: number }[];
  /** What the latest import here found (null: nothing imported), and its two findings summed as the national view's figure. */
  findings: { rows: number; outsideBoundary: number; blankInstallDates: number; at: string } | null;
  qualityFindings: number | null;
};

/** The most common provider and its share (percent, one decimal) of APs whose provider is known. */
function topOf(providers: readonly { name: string; n: number }[]): { name: string; share: number } | null {
  const known = providers.reduce((n, p) => n + p.n, 0);
  const top = [...providers].sort((a, b) => b.n - a.n || (a.name < b.name ? -1 : 1))[0];
  return top && known ? { name: top.name, share: Math.round((top.n / known) * 1000) / 10 } : null;
}

const ratio = (n: number | null, d: number | null, scale = 1) => (n !== null && d ? Math.round(((n * scale) / d) * 100) / 100 : null);

export async function listMunicipalities(
  ctx: NationalContext,
  { sido, sort, dir }: { sido?: string; sort: (typeof MUNICIPALITY_SORTS)[number]; dir: "asc" | "desc" },
): Promise<{ items: MunicipalityListing[]; total: number }> {
  const rows = await listDirectory(ctx.db, { sidoCode: sido });
  const items = rows.map((r): MunicipalityListing => {
    const area = areaOf(r);
    const aps = r.recorded ? r.accessPoints : null;
    return {
      code: r.code,
      boundaryCode: r.kostatCode ? (BOUNDARY_CODE_RENAMED[r.kostatCode] ?? r.kostatCode) : null,
      sidoCode: r.sidoCode,
      provinceKo: r.provinceKo,
      provinceEn: r.provinceEn,
      nameKo: r.nameKo,
      nameEn: r.nameEn,
      recorded: r.recorded,
      accessPoints: aps,
      sites: r.recorded ? r.sites : null,
      registeredVoters2022: r.registeredVoters2022,
      areaKm2: area,
      apsPer10kVoters: ratio(aps, r.registeredVoters2022, 10_000),
      apsPerKm2: ratio(aps, area),
      installYears: r.firstYear !== null && r.lastYear !== null ? { first: r.firstYear, last: r.lastYear } : null,
      topProvider: topOf(r.providers ?? []),
      topProviderShare: topOf(r.providers ?? [])?.share ?? null,
      latestInstallYear: r.lastYear,
      findings: r.findings,
      qualityFindings: r.findings ? r.findings.outsideBoundary + r.findings.blankInstallDates : null,
      providers: r.providers ?? [],
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
  // Unknown values last in either direction; ties by code.
  items.sort((a, b) => compareNullsLast(key[sort](a), key[sort](b), dir) || a.code.localeCompare(b.code));
  return { items, total: items.length };
}

/**
 * A 시도's figures: the sums of its 시군구, and the same ratios over the sums. Its counts and ratios
 * are over the 시군구 the app holds anything for (`recordedMunicipalities` of `municipalities`), so a
 * 시도 with one city recorded is not that city's APs spread over the whole 시도; with none, unknown.
 */
export type ProvinceListing = Omit<MunicipalityListing, "code" | "nameKo" | "nameEn" | "findings" | "recorded"> & {
  municipalities: number;
  recordedMunicipalities: number;
};

export function provincesOf(items: MunicipalityListing[]): ProvinceListing[] {
  const by = new Map<string, MunicipalityListing[]>();
  for (const m of items) if (m.sidoCode) by.set(m.sidoCode, [...(by.get(m.sidoCode) ?? []), m]);
  return [...by.entries()].map(([sidoCode, list]) => {
    const sum = (f: (m: MunicipalityListing) => number | null, of = list) =>
      of.length === 0 || of.some((m) => f(m) === null) ? null : of.reduce((n, m) => n + f(m)!, 0);
    const recorded = list.filter((m) => m.recorded);
    const aps = sum((m) => m.accessPoints, recorded);
    const voters = sum((m) => m.registeredVoters2022);
    const area = sum((m) => m.areaKm2);
    return {
      sidoCode,
      boundaryCode: list[0]!.boundaryCode?.slice(0, 2) ?? null,
      provinceKo: list[0]!.provinceKo,
      provinceEn: list[0]!.provinceEn,
      municipalities: list.length,
      recordedMunicipalities: recorded.length,
      accessPoints: aps,
      sites: sum((m) => m.sites, recorded),
      registeredVoters2022: voters,
      areaKm2: area === null ? null : Math.round(area * 10) / 10,
      apsPer10kVoters: ratio(
        aps,
        sum((m) => m.registeredVoters2022, recorded),
        10_000,
      ),
      apsPerKm2: ratio(
        aps,
        sum((m) => m.areaKm2, recorded),
      ),
      installYears: list.some((m) => m.installYears)
        ? {
            first: Math.min(...list.flatMap((m) => (m.installYears ? [m.installYears.first] : []))),
            last: Math.max(...list.flatMap((m) => (m.installYears ? [m.installYears.last] : []))),
          }
        : null,
      ...(() => {
        // The 시도's providers are its 시군구's summed, so its top share is over all of them.
        const byName = new Map<string, number>();
        for (const m of list) for (const p of m.providers) byName.set(p.name, (byName.get(p.name) ?? 0) + p.n);
        const top = topOf([...byName].map(([name, n]) => ({ name, n })));
        return { topProvider: top, topProviderShare: top?.share ?? null, providers: [] };
      })(),
      latestInstallYear: list.some((m) => m.latestInstallYear !== null) ? Math.max(...list.flatMap((m) => m.latestInstallYear ?? [])) : null,
      // Summed over the 시군구 with an import; unknown when none had one.
      qualityFindings: list.some((m) => m.qualityFindings !== null) ? list.reduce((n, m) => n + (m.qualityFindings ?? 0), 0) : null,
    };
  });
}

/** The name of the 읍면동 holding `p`, from the shipped outlines: null when none holds it, undefined when none are shipped (cannot tell). */
export async function dongAt(conn: Conn, m: { code: string | null }, p: LatLng): Promise<string | null | undefined> {
  return (await dongLocator(conn, m.code))?.(p);
}

/**
 * A municipality's profile: its inventory by source and category, its 읍면동 with registered voters
 * and (where the app ships their outlines) active APs and voters per AP, and how it ranks by APs per
 * 10,000 voters among the municipalities of its 시도 and those of similar size (voters within ±25 %).
 */
export async function getProfile(ctx: NationalContext, { code }: { code: string }) {
  const { items } = await listMunicipalities(ctx, { sort: "apsPer10kVoters", dir: "desc" });
  const me = items.find((m) => m.code === code);
  if (!me) throw new AppError("not_found", `No municipality with code ${code}`, { path: "code", params: { value: code } });
  const municipality = await findMunicipalityByCode(ctx.db, { code });
  const [inventory, residents] = await Promise.all([inventoryOf(ctx.db, { municipalityId: municipality.id }), residentsByDong(ctx.db, municipality)]);
  const dongs = residents.dongs.map(({ area: _area, ...d }) => d);
  const outlines = residents.outlined;
  // Among the municipalities whose figure is known; none when its own is not.
  const rankIn = (list: MunicipalityListing[]) => {
    const known = list.filter((m) => m.apsPer10kVoters !== null);
    return me.apsPer10kVoters === null ? null : { rank: known.findIndex((m) => m.code === code) + 1, of: known.length };
  };
  const voters = me.registeredVoters2022;
  const similar = voters ? items.filter((m) => m.registeredVoters2022 !== null && Math.abs(m.registeredVoters2022 - voters) <= voters * 0.25) : [me];
  return {
    municipality: me,
    emdCount: municipality.emdCount,
    inventory,
    dongs,
    dongApsKnown: outlines,
    ranks: { sido: rankIn(items.filter((m) => m.sidoCode === me.sidoCode)), similarSize: rankIn(similar) },
  };
}
export type Profile = Awaited<ReturnType<typeof getProfile>>;

/**
 * The 읍면동 a candidate's residents part is scored on: the outlines the app ships for the
 * municipality with each one's registered voters; undefined where it ships none.
 */
export async function demandAreasOf(db: Db, m: { code: string | null }): Promise<Omit<DemandArea, "activeAps">[] | undefined> {
  const outlines = shippedDongs(m.code);
  if (!m.code || !outlines) return undefined;
  const voters = new Map((await listDongs(db, { municipalityCode: m.code })).map((d) => [d.code, d]));
  return outlines.flatMap((o) => {
    const d = voters.get(o.code);
    return d?.registeredVoters2022 != null ? [{ name: d.nameKo, area: o.area, voters: d.registeredVoters2022 }] : [];
  });
}

/**
 * A municipality's 읍면동 with registered voters and, where the app ships their outlines, the active
 * APs inside each and voters per AP: the profile's table and the map's residents layer.
 */
export async function residentsByDong(db: Db, m: { id: number; code: string | null }) {
  if (!m.code) return { outlined: false, dongs: [] };
  const [rows, positions] = await Promise.all([listDongs(db, { municipalityCode: m.code }), activeApPositions(db, { municipalityId: m.id })]);
  const outlines = shippedDongs(m.code);
  const areaOf = new Map(outlines?.map((o) => [o.code, o.area]));
  const apsIn = new Map([...countWithin(outlines ?? [], positions)].map(([o, n]) => [o.code, n]));
  const dongs = rows.map((d) => {
    const aps = outlines ? (apsIn.get(d.code) ?? 0) : null;
    return {
      code: d.code,
      nameKo: d.nameKo,
      registeredVoters2022: d.registeredVoters2022,
      activeAps: aps,
      votersPerActiveAp: aps && d.registeredVoters2022 ? Math.round(d.registeredVoters2022 / aps) : null,
      area: areaOf.get(d.code) ?? null,
    };
  });
  return { outlined: outlines !== null, dongs };
}

/** The map's residents layer: the 읍면동 whose outlines the app ships, with voters and active APs. */
export async function residentsLayer(ctx: RequestContext) {
  const { dongs } = await residentsByDong(ctx.db, ctx.municipality);
  return { items: dongs.flatMap(({ area, ...d }) => (area ? [{ ...d, geometry: area }] : [])) };
}
