// Imports national standard data. The file is streamed twice: a first pass reads and checks all of it
// (lib/standard-data, lib/standard-stream) and places each row in its municipality; the second reads it
// again in batches, and each batch is matched against the database, planned (lib/import-plan decides
// what is new, changed or unchanged) and written with set-based statements, all in one transaction.
// A dry run makes the same plans and writes nothing. Used by the command line and the seed as well as
// the server, so it does not carry the server-only marker.
import { randomUUID } from "node:crypto";
import v8 from "node:v8";
import { and, asc, eq, isNotNull, sql } from "drizzle-orm";
import { containsPoint, type Area } from "../../lib/geo";
import { directoryOf } from "../../lib/municipality-directory";
import { AppError } from "../../lib/errors";
import {
  IMPORT_SOURCE_NOTE,
  ownZoneId,
  planImport,
  type ApFields,
  type ExistingAp,
  type ExistingSite,
  type ImportCounts,
  type ImportPlan,
  type MunicipalityCounts,
  type EditionZone,
  type NewSite,
  type PlanCarry,
  type SiteFields,
  type Vanished,
  vanishedOf,
} from "../../lib/import-plan";
import {
  identityText,
  StandardDataError,
  type Encoding,
  type ImportProgress,
  type Issue,
  type ReadOptions,
  type RecordReader,
  type StandardDataReport,
  type StandardRecord,
  type Variant,
} from "../../lib/standard-data";
import { bytesSource, DigestTable, isNotUtf8, readAhead, streamRecords, type FileSource } from "../../lib/standard-stream";
import type { Conn, Db, Tx } from "../client";
import { dongLocator, type DongLocator } from "../dong-outlines";
import { nationalOutline } from "../national-outlines";
import * as s from "../schema";
import { recordChanges, recordCreatesOf, type Author } from "./audit";
import { arr } from "./common";

/** One municipality's rows: they add up to its rows read. */
export type MunicipalityRows = ImportCounts & { municipality: string; rows: number };

export type ImportSummary = {
  file: { encoding: StandardDataReport["encoding"]; variant: StandardDataReport["variant"]; rows: number; blankInstallDates: number };
  /** Every row read is one of these (a row is an access point): new + updated + unchanged + duplicate + invalid = rows. */
  counts: ImportCounts;
  /** Zones (places) created, and zones whose own fields change. */
  sites: { new: number; updated: number };
  /** The same counts per municipality (as matched, or as written when it matched none), largest first. */
  perMunicipality: MunicipalityRows[];
  /**
   * The file as a new edition: the imported zones of its municipalities it no longer lists (the first
   * SHOWN_VANISHED, with their likely successors), and how many were retired and kept.
   */
  edition: { vanished: Vanished[]; vanishedCount: number; retired: number; kept: number };
  /** Where the rows landed, and the 시도 and 시군구 the directory does not know (their rows refused). */
  municipalities: { attached: string[]; unmatched: string[] };
  issues: Issue[];
  committed: boolean;
};

/** Records matched against the database per statement. */
const MATCH = 50_000;
/**
 * Rows per statement when writing records as arrays. Building a statement's arrays holds the
 * server's thread: at 20,000 rows other requests waited up to a few hundred milliseconds each time
 * (health p95 223 ms during a million-row import), at 5,000 they wait a quarter of that (70 ms).
 */
const BULK = 5_000;
/**
 * Whether the next batch is read while the database writes the one before (about a tenth of a
 * national import's time): not in a process given little heap (it holds a second batch), where a
 * file larger than that heap must still import.
 */
const READ_AHEAD = v8.getHeapStatistics().heap_size_limit >= 512 * 2 ** 20;
/** From this many new records on, the grid is rebuilt once instead of kept by its triggers. */
const BULK_GRID_THRESHOLD = 50_000;

const nameOf = (r: { provinceName: string; municipalityName: string }) => `${r.provinceName} ${r.municipalityName}`;

// ── municipalities ──────────────────────────────────────────────────────────

type MunicipalityRow = typeof s.municipalities.$inferSelect;

/**
 * Which municipality each record lands in: its 시도 and 시군구 matched to the municipality directory
 * (lib/municipality-directory: short, old and misspelt names, spaces, "…청", 세종's blank 시군구; a city
 * divided into 구 written without its 구 is placed by the row's position). A row whose municipality
 * cannot be matched is refused and reported; no municipality is made up for it. Reads the municipalities
 * once; each pass over the file takes a fresh `resolver()`. An outline for a municipality that had none
 * is stored when the first rows there are written.
 */
async function loadMunicipalities(conn: Conn, municipalityCode: string | undefined) {
  const all = await conn.select().from(s.municipalities);
  const directory = directoryOf(all.flatMap((m) => (m.code && m.sidoCode ? [{ code: m.code, sidoCode: m.sidoCode, sido: m.provinceKo, name: m.nameKo }] : [])));
  const byCode = new Map(all.flatMap((m) => (m.code ? [[m.code, m] as const] : [])));
  const chosen = municipalityCode ? byCode.get(municipalityCode) : undefined;
  if (municipalityCode && !chosen) {
    throw new AppError("not_found", `No municipality with code ${municipalityCode}`, { path: "municipality", params: { value: municipalityCode } });
  }
  return () => new Resolver({ all, directory, byCode, chosen, municipalityCode });
}

const labelOf = (m: MunicipalityRow) => `${m.provinceKo} ${m.nameKo}`;
const outlineOf = (m: MunicipalityRow) => (m.boundary as Area | null) ?? nationalOutline(m.provinceKo, m.nameKo);

class Resolver {
  /** Outlines of the municipalities rows landed in, by id. */
  readonly outlines = new Map<number, Area>();
  readonly attached: string[] = [];
  /** The 시도 and 시군구 that matched no municipality (their rows refused). */
  readonly unmatched: string[] = [];
  /** Outlines not stored yet, for municipalities that had none. */
  outlinesToStore: { id: number; boundary: Area }[] = [];
  /** Rows refused, and by municipality label (as matched, or as written). */
  refused = 0;
  readonly refusedBy = new Map<string, number>();
  /** A municipality's label by the 시도 and 시군구 as written, for those the directory matched; and by id. */
  readonly labelOfWritten = new Map<string, string>();
  readonly labelOfId = new Map<number, string>();
  readonly issues: Issue[] = [];
  private readonly found = new Map<string, MunicipalityRow[] | null>();

  constructor(
    private readonly m: {
      all: MunicipalityRow[];
      directory: ReturnType<typeof directoryOf>;
      byCode: Map<string, MunicipalityRow>;
      chosen: MunicipalityRow | undefined;
      municipalityCode: string | undefined;
    },
  ) {}

  private refuse(r: StandardRecord, code: Issue["code"], reason: string, ref?: string, as = nameOf(r)) {
    this.refused++;
    this.refusedBy.set(as, (this.refusedBy.get(as) ?? 0) + 1);
    this.issues.push({ line: r.line, column: "설치시군구명", value: nameOf(r), code, ...(ref ? { ref } : {}), reason, severity: "error" });
  }

  /** The municipality a record names, by the directory; else one of the same name made before it. */
  private candidatesOf(r: StandardRecord): MunicipalityRow[] | null {
    const key = nameOf(r);
    if (!this.found.has(key)) {
      const m = this.m.directory.match(r.provinceName, r.municipalityName);
      const rows =
        m.kind === "match"
          ? [this.m.byCode.get(m.entry.code)!]
          : m.kind === "choose"
            ? m.among.map((e) => this.m.byCode.get(e.code)!)
            : this.m.all.filter((x) => x.provinceKo === r.provinceName && x.nameKo === r.municipalityName);
      this.found.set(key, rows.length ? rows : null);
    }
    return this.found.get(key)!;
  }

  /** A municipality's MOIS code by its id (asked once per municipality and import). */
  codeOf(id: number): string | null {
    return this.m.all.find((m) => m.id === id)?.code ?? null;
  }

  /** The id of the municipality `r` lands in, or undefined when the row is refused (counted and listed). */
  resolve(r: StandardRecord): number | undefined {
    const candidates = this.candidatesOf(r);
    if (!candidates) {
      if (!this.unmatched.includes(nameOf(r))) this.unmatched.push(nameOf(r));
      this.refuse(r, "unknown_municipality", `no municipality in the directory is called ${nameOf(r)}`);
      return undefined;
    }
    // A city divided into 구, written without its 구: the 구 whose outline holds the row's position.
    const m =
      candidates.length === 1
        ? candidates[0]!
        : r.lat !== null && r.lng !== null
          ? candidates.find((c) => {
              const outline = outlineOf(c);
              return outline !== null && containsPoint(outline, { lat: r.lat!, lng: r.lng! });
            })
          : undefined;
    if (!m) {
      this.refuse(
        r,
        "ambiguous_municipality",
        `${nameOf(r)} is divided into 구 and the row has no position inside one of them`,
        candidates.map(labelOf).join(", "),
      );
      return undefined;
    }
    this.labelOfWritten.set(nameOf(r), labelOf(m));
    const { chosen } = this.m;
    if (chosen && m.id !== chosen.id) {
      this.refuse(r, "other_municipality", `row belongs to ${labelOf(m)}, not ${labelOf(chosen)} (${this.m.municipalityCode})`, labelOf(chosen), labelOf(m));
      return undefined;
    }
    if (!this.labelOfId.has(m.id)) {
      this.attached.push(labelOf(m));
      this.labelOfId.set(m.id, labelOf(m));
      const outline = outlineOf(m);
      if (outline) {
        this.outlines.set(m.id, outline);
        if (!m.boundary) this.outlinesToStore.push({ id: m.id, boundary: outline });
      }
    }
    return m.id;
  }
}

// ── what exists ─────────────────────────────────────────────────────────────

/** A zone's place key, as lib/standard-data's siteKeyOf makes it from a row; indexed for the zones this app made. */
const PLACE_KEY_SQL = s.placeKeyOf(s.sites.name, s.sites.address);

const existingSiteColumns = {
  id: s.sites.id,
  municipalityId: s.sites.municipalityId,
  version: s.sites.version,
  sourceKey: s.sites.sourceKey,
  name: s.sites.name,
  category: s.sites.category,
  categoryGiven: s.sites.categoryGiven,
  address: s.sites.address,
  lat: s.sites.lat,
  lng: s.sites.lng,
};

/** The zones of these (municipality, place) pairs, their imported APs, and the zones this app made that rows name by 번호. */
async function findExisting(conn: Conn, records: StandardRecord[], municipalityIdOf: (r: StandardRecord) => number) {
  const sites = new Map<string, ExistingSite>();
  const aps = new Map<string, ExistingAp>();
  // Keys go to the database as arrays, MATCH rows per statement: a few round trips for a national file.
  for (let i = 0; i < records.length; i += MATCH) {
    const part = records.slice(i, i + MATCH);
    const found = await conn
      .select(existingSiteColumns)
      .from(s.sites)
      .where(
        sql`(${s.sites.municipalityId}, ${s.sites.sourceKey}) in (select * from unnest(${arr(part.map(municipalityIdOf), "int")}, ${arr(
          part.map((r) => r.siteKey),
          "text",
        )}))`,
      );
    const fresh = found.filter((site) => !sites.has(`${site.municipalityId}|${site.sourceKey}`));
    for (const site of fresh) sites.set(`${site.municipalityId}|${site.sourceKey}`, site);
    if (fresh.length) {
      const rows = await conn
        .select()
        .from(s.accessPoints)
        .where(
          sql`${s.accessPoints.siteId} = any(${arr(
            fresh.map((x) => x.id),
            "int",
          )}) and ${s.accessPoints.sourceRef} is not null`,
        );
      for (const ap of rows) aps.set(`${ap.siteId}|${ap.sourceRef}`, ap as ExistingAp);
    }
  }
  // Zones this app made itself go out in the standard file as 번호 WA-<id>; coming back, they match their zone.
  const own = new Map<number, ExistingSite>();
  const ownIds = [...new Set(records.flatMap((r) => ownZoneId(r.ref) ?? []))];
  for (let i = 0; i < ownIds.length; i += MATCH) {
    const found = await conn
      .select(existingSiteColumns)
      .from(s.sites)
      .where(sql`${s.sites.id} = any(${arr(ownIds.slice(i, i + MATCH), "int")}) and ${s.sites.sourceKey} is null`);
    for (const site of found) own.set(site.id, site);
  }
  // A zone this app made, written back without its 번호 (the older release has no such column), is
  // still the same place: matched by its name and address as the file's places are.
  const ownByPlace = new Map<string, ExistingSite>();
  const unplaced = records.filter((r) => ownZoneId(r.ref) === null && !sites.has(`${municipalityIdOf(r)}|${r.siteKey}`));
  for (let i = 0; i < unplaced.length; i += MATCH) {
    const part = unplaced.slice(i, i + MATCH);
    const found = await conn
      .select({ ...existingSiteColumns, placeKey: sql<string>`${PLACE_KEY_SQL}` })
      .from(s.sites)
      .where(
        sql`${s.sites.sourceKey} is null and (${s.sites.municipalityId}, ${PLACE_KEY_SQL}) in (select * from unnest(${arr(
          part.map(municipalityIdOf),
          "int",
        )}, ${arr(
          part.map((r) => r.siteKey),
          "text",
        )}))`,
      );
    for (const { placeKey, ...site } of found)
      if (!ownByPlace.has(`${site.municipalityId}|${placeKey}`)) ownByPlace.set(`${site.municipalityId}|${placeKey}`, site);
  }
  return { sites, aps, own, ownByPlace };
}

// ── writes ──────────────────────────────────────────────────────────────────

const AP_CREATED = ["site_id", "ssid", "place_detail", "lat", "lng", "install_year", "install_month", "provider_name", "source_ref"] as const;

/** New places: their zones, each zone's access points (its rows), and the audit entries of both, in one statement. */
async function insertNewSites(tx: Tx, part: NewSite[], author: Author, dongOf: DongOf) {
  const site = <K extends keyof SiteFields>(k: K) => part.map((n) => n.fields[k]);
  const aps = part.flatMap((n) => n.aps.map((ap) => ({ ...ap, municipalityId: n.municipalityId, siteKey: n.siteKey })));
  await tx.execute(sql`
    with src as (
      select * from unnest(
        ${arr(
          part.map((n) => n.municipalityId),
          "int",
        )}, ${arr(site("name"), "text")}, ${arr(site("category"), "text")}, ${arr(site("categoryGiven"), "text")}, ${arr(site("address"), "text")},
        ${arr(site("lat"), "float8")}, ${arr(site("lng"), "float8")}, ${arr(
          part.map((n) => n.siteKey),
          "text",
        )}, ${arr(
          part.map((n) => n.apCount),
          "int",
        )}, ${arr(
          part.map((n) => dongOf(n.municipalityId, n.fields) ?? null),
          "text",
        )}
      ) as t(municipality_id, name, category, category_given, address, lat, lng, source_key, ap_count, dong)
    ), ins as (
      insert into sites (municipality_id, name, category, category_given, address, lat, lng, dong, status, planned_ap_count, provenance, source_note, source_key)
      select municipality_id, name, category::site_category, category_given, address, lat, lng, dong, 'active', ap_count, 'import', ${IMPORT_SOURCE_NOTE}, source_key from src
      returning id, municipality_id, name, category, category_given, address, lat, lng, dong, source_key
    ), ap_src as (
      select * from unnest(${arr(
        aps.map((a) => a.municipalityId),
        "int",
      )}, ${arr(
        aps.map((a) => a.siteKey),
        "text",
      )}, ${apColumns(aps)}) as u(municipality_id, site_key, ${AP_COLUMN_NAMES})
    ), ap_ins as (
      insert into access_points (municipality_id, site_id, status, provenance, source_note, ${AP_COLUMN_NAMES})
      select ins.municipality_id, ins.id, 'active', 'import', ${IMPORT_SOURCE_NOTE}, ${sql.raw(AP_COLUMN_LIST.map((c) => `ap_src.${c}`).join(", "))}
      from ap_src join ins on ins.municipality_id = ap_src.municipality_id and ins.source_key = ap_src.site_key
      returning id, municipality_id, ${sql.raw(AP_CREATED.join(", "))}
    ), site_audit as (
      ${recordCreatesOf(author, { rows: "ins", entityType: "site", after: ["name", "category", "category_given", "address", "lat", "lng", "dong"] })}
    )
    ${recordCreatesOf(author, { rows: "ap_ins", entityType: "access_point", after: AP_CREATED })}`);
}

/**
 * Changed zones in one statement per batch; an imported zone becomes the file's again (active, its key).
 * A zone whose position moved (or that had no 읍면동) takes the 읍면동 holding its new position, where
 * the app can tell; otherwise its 읍면동 stays as it was.
 */
async function updateSites(tx: Tx, rows: ImportPlan["siteUpdates"], dongOf: DongOf) {
  for (let i = 0; i < rows.length; i += BULK) {
    const part = rows.slice(i, i + BULK);
    const col = <K extends keyof (typeof part)[number]>(k: K) => part.map((r) => r[k]);
    const dongs = part.map((r) => dongOf(r.municipalityId, r));
    await tx.execute(sql`
      update sites set name = u.name, category = u.category::site_category, category_given = u.category_given, address = u.address, lat = u.lat, lng = u.lng, version = u.version,
             status = case when u.imported then 'active'::site_status else sites.status end,
             provenance = case when u.imported then 'import'::provenance else sites.provenance end,
             source_note = case when u.imported then ${IMPORT_SOURCE_NOTE} else sites.source_note end,
             dong = case when u.dong_known and (u.lat is distinct from sites.lat or u.lng is distinct from sites.lng or sites.dong is null) then u.dong else sites.dong end,
             source_key = u.source_key, updated_at = now()
      from unnest(${arr(col("id"), "int")}, ${arr(col("name"), "text")}, ${arr(col("category"), "text")}, ${arr(col("categoryGiven"), "text")}, ${arr(col("address"), "text")},
                  ${arr(col("lat"), "float8")}, ${arr(col("lng"), "float8")}, ${arr(col("version"), "int")}, ${arr(col("imported"), "bool")},
                  ${arr(col("sourceKey"), "text")}, ${arr(
                    dongs.map((d) => d ?? null),
                    "text",
                  )}, ${arr(
                    dongs.map((d) => d !== undefined),
                    "bool",
                  )}) as u(id, name, category, category_given, address, lat, lng, version, imported, source_key, dong, dong_known)
      where sites.id = u.id`);
  }
}

const apColumns = (part: (ApFields & { sourceRef: string })[]) => {
  const col = <K extends keyof (typeof part)[number]>(k: K) => part.map((r) => r[k]);
  return sql`${arr(col("ssid"), "text")}, ${arr(col("lat"), "float8")}, ${arr(col("lng"), "float8")}, ${arr(col("installYear"), "int")}, ${arr(col("installMonth"), "int")},
    ${arr(col("placeDetail"), "text")}, ${arr(col("providerName"), "text")}, ${arr(col("roadAddress"), "text")}, ${arr(col("lotAddress"), "text")},
    ${arr(col("managerName"), "text")}, ${arr(col("managerPhone"), "text")}, ${arr(col("dataDate"), "text")}, ${arr(col("sourceRef"), "text")}`;
};
const AP_COLUMN_LIST = [
  "ssid",
  "lat",
  "lng",
  "install_year",
  "install_month",
  "place_detail",
  "provider_name",
  "road_address",
  "lot_address",
  "manager_name",
  "manager_phone",
  "data_date",
  "source_ref",
] as const;
const AP_COLUMN_NAMES = sql.raw(AP_COLUMN_LIST.join(", "));

/** Changed imported APs in one statement per batch. */
async function updateAccessPoints(tx: Tx, rows: ImportPlan["apUpdates"]) {
  for (let i = 0; i < rows.length; i += BULK) {
    const part = rows.slice(i, i + BULK);
    await tx.execute(sql`
      update access_points set ssid = u.ssid, lat = u.lat, lng = u.lng, install_year = u.install_year, install_month = u.install_month,
             place_detail = u.place_detail, provider_name = u.provider_name, road_address = u.road_address, lot_address = u.lot_address,
             manager_name = u.manager_name, manager_phone = u.manager_phone, data_date = u.data_date, source_ref = u.source_ref,
             status = 'active', provenance = 'import', source_note = ${IMPORT_SOURCE_NOTE}, version = u.version, updated_at = now()
      from unnest(${apColumns(part)}, ${arr(
        part.map((r) => r.id),
        "int",
      )}, ${arr(
        part.map((r) => r.version),
        "int",
      )})
        as u(${AP_COLUMN_NAMES}, id, version)
      where access_points.id = u.id`);
  }
}

/** New access points of zones that exist, with their audit entries. */
async function insertAccessPoints(tx: Tx, rows: ImportPlan["apInserts"], author: Author) {
  for (let i = 0; i < rows.length; i += BULK) {
    const part = rows.slice(i, i + BULK);
    await tx.execute(sql`
      with ins as (
        insert into access_points (municipality_id, site_id, status, provenance, source_note, ${AP_COLUMN_NAMES})
        select municipality_id, site_id, 'active', 'import', ${IMPORT_SOURCE_NOTE}, ${AP_COLUMN_NAMES}
        from unnest(${arr(
          part.map((r) => r.municipalityId),
          "int",
        )}, ${arr(
          part.map((r) => r.siteId),
          "int",
        )}, ${apColumns(part)})
          as u(municipality_id, site_id, ${AP_COLUMN_NAMES})
        returning id, municipality_id, ${sql.raw(AP_CREATED.join(", "))}
      )
      ${recordCreatesOf(author, { rows: "ins", entityType: "access_point", after: AP_CREATED })}`);
  }
}

/**
 * The 읍면동 holding a zone's position (lib's areaIndex over the outlines the app ships): a name, null
 * when no 읍면동 holds it, undefined when it cannot be told (no position, or no outlines shipped there).
 */
type DongOf = (municipalityId: number, p: { lat: number | null; lng: number | null }) => string | null | undefined;

/** The 읍면동 locators of the municipalities a plan writes zones in, loaded once per import. */
async function dongsFor(conn: Conn, plan: ImportPlan, codeOf: (id: number) => string | null, locators: Map<number, DongLocator | undefined>): Promise<DongOf> {
  for (const { municipalityId: id } of [...plan.newSites, ...plan.siteUpdates]) {
    if (!locators.has(id)) locators.set(id, await dongLocator(conn, codeOf(id)));
  }
  return (id, { lat, lng }) => {
    const at = locators.get(id);
    if (!at) return undefined;
    return lat === null || lng === null ? undefined : at({ lat, lng });
  };
}

/** Writes one batch's plan: outlines municipalities lacked first, then changes, then new records, then their trail. */
async function applyBatch(tx: Tx, plan: ImportPlan, resolver: Resolver, author: Author, dongOf: DongOf) {
  for (const o of resolver.outlinesToStore) await tx.update(s.municipalities).set({ boundary: o.boundary }).where(eq(s.municipalities.id, o.id));
  resolver.outlinesToStore = [];
  await updateSites(tx, plan.siteUpdates, dongOf);
  await updateAccessPoints(tx, plan.apUpdates);
  await insertAccessPoints(tx, plan.apInserts, author);
  // New places in statements of about BULK access points, whole places at a time.
  for (let i = 0; i < plan.newSites.length;) {
    let j = i;
    let size = 0;
    while (j < plan.newSites.length && (j === i || size + plan.newSites[j]!.aps.length <= BULK)) size += plan.newSites[j++]!.aps.length;
    await insertNewSites(tx, plan.newSites.slice(i, j), author, dongOf);
    i = j;
  }
  // One audit entry per zone and AP changed (those created have theirs).
  await recordChanges(tx, author, plan.changes);
}

/** The counts per municipality: the plan's by id, the file's duplicates and refusals by the names written. */
function perMunicipalityOf(planned: Map<number, MunicipalityCounts>, tally: RecordReader["tally"], resolver: Resolver): MunicipalityRows[] {
  const rows = new Map<string, MunicipalityRows>();
  const of = (municipality: string) => {
    let r = rows.get(municipality);
    if (!r) rows.set(municipality, (r = { municipality, rows: 0, new: 0, updated: 0, unchanged: 0, duplicate: 0, invalid: 0 }));
    return r;
  };
  for (const [id, c] of planned) {
    const r = of(resolver.labelOfId.get(id) ?? String(id));
    r.new += c.new;
    r.updated += c.updated;
    r.unchanged += c.unchanged;
  }
  const written = (name: string) => resolver.labelOfWritten.get(name) ?? name;
  for (const [name, n] of tally.duplicate) of(written(name)).duplicate += n;
  for (const [name, n] of tally.invalid) of(written(name)).invalid += n;
  for (const [name, n] of resolver.refusedBy) of(name).invalid += n;
  for (const r of rows.values()) r.rows = r.new + r.updated + r.unchanged + r.duplicate + r.invalid;
  return [...rows.values()].sort((a, b) => b.rows - a.rows || (a.municipality < b.municipality ? -1 : 1));
}

// ── editions ────────────────────────────────────────────────────────────────

/** Vanished zones an answer lists in full (the rest are counted). */
const SHOWN_VANISHED = 2_000;
/** Why a retired zone left the inventory, as its status reason says. */
export const RETIRED_REASON = "표준데이터 새 판에 없음";

/**
 * The previous edition: the active imported zones of the file's municipalities from the same publisher
 * (an AP of theirs has a 관리기관명 the file's rows give there, compared without spaces or case). Read
 * before anything is written; those no row of the file names are the vanished ones.
 */
async function previousEditionOf(conn: Conn, publishers: Map<string, readonly [number, string]>): Promise<EditionZone[]> {
  if (publishers.size === 0) return [];
  const pairs = [...publishers.values()];
  return conn
    .select({ id: s.sites.id, municipalityId: s.sites.municipalityId, name: s.sites.name, address: s.sites.address, lat: s.sites.lat, lng: s.sites.lng })
    .from(s.sites)
    .where(
      and(
        isNotNull(s.sites.sourceKey),
        eq(s.sites.status, "active"),
        eq(s.sites.provenance, "import"),
        sql`exists (select 1 from access_points a where a.site_id = ${s.sites.id} and a.source_ref is not null
              and (a.municipality_id, lower(regexp_replace(coalesce(a.manager_name, ''), '\\s+', '', 'g')))
                  in (select * from unnest(${arr(
                    pairs.map((p) => p[0]),
                    "int",
                  )}, ${arr(
                    pairs.map((p) => p[1]),
                    "text",
                  )})))`,
      ),
    )
    .orderBy(asc(s.sites.id));
}

/** Retires zones a newer edition superseded, with their active APs: kept with their history, one audit entry each. */
async function retireZones(tx: Tx, ids: number[], author: Author) {
  if (ids.length === 0) return;
  await tx.execute(sql`
    with z as (
      update sites set status = 'retired', status_reason = ${RETIRED_REASON}, version = version + 1, updated_at = now()
      where id = any(${arr(ids, "int")}) and status = 'active'
      returning id, municipality_id, status, status_reason
    ), a as (
      update access_points set status = 'retired', version = version + 1, updated_at = now()
      where site_id in (select id from z) and status = 'active'
      returning id
    )
    insert into audit_entries (actor, action, entity_type, entity_id, municipality_id, before, after, request_id)
    select ${author.label}, 'update', 'site', z.id::text, z.municipality_id, jsonb_build_object('status', 'active'),
           jsonb_build_object('status', z.status, 'statusReason', z.status_reason, 'accessPointsRetired', (select count(*) from a)), ${author.requestId}
    from z`);
}

/** What an import found in one municipality, kept for the national view's quality figure. */
type Finding = { municipalityId: number; rows: number; outsideBoundary: number; blankInstallDates: number };

// ── the run ─────────────────────────────────────────────────────────────────

/**
 * Records planned and written per batch: the file is never held whole. Planning a batch and
 * building its statements hold the server's thread; at 2,500 records that is at most about a tenth
 * of a second on a busy machine, so other requests are answered between batches (at 5,000, health's
 * p95 during a 100,000-row import was at its 200 ms target; at 2,500 it is well under, for the same
 * import time).
 */
const BATCH = 2_500;

/** Where the file comes from: bytes in memory, or a source read as a stream (an upload, a file on disk). */
export type ImportInput = { bytes: Uint8Array; source?: never } | { source: FileSource; bytes?: never };

/** What the first pass learns of the whole file before anything is planned. */
type FileScan = {
  encoding: Encoding;
  variant: Variant;
  /** Records that land in a municipality. */
  accepted: number;
  /** Rows per place (municipality and place key, as digests); the first position of places whose first row has none. */
  places: DigestTable;
  positions: Map<string, { lat: number; lng: number } | null>;
  /** (municipality, publisher) pairs the rows name: what the previous edition is looked up by. */
  publishers: Map<string, readonly [number, string]>;
};

/** A place's key, as planImport's groups name it (a zone this app made is `own:<id>` there). */
const placeId = (municipalityId: number, siteKey: string) => `${municipalityId}|${siteKey}`;
/** The bit of a place's row count that says the second pass has begun its group. */
const STARTED = 2 ** 30;

/**
 * The first pass: reads and checks the whole file as a stream and places each row in its
 * municipality, keeping only what planning a batch needs from the rest of the file. A file that is
 * refused whole (binary, cut off, not the standard) is refused here, before anything is written.
 * Without a byte-order mark a file is read as UTF-8 and, when a byte proves it is not, again as CP949.
 */
async function scanFile(
  source: FileSource,
  {
    columnMap,
    batch,
    resolverOf,
    onProgress,
  }: { columnMap: ReadOptions["columnMap"]; batch: number; resolverOf: () => Resolver; onProgress: (p: ImportProgress) => Promise<void> },
): Promise<FileScan> {
  const pass = async (encoding: Encoding | "auto"): Promise<FileScan> => {
    const resolver = resolverOf();
    const scan: FileScan = { encoding: "utf-8", variant: "newer", accepted: 0, places: new DigestTable(), positions: new Map(), publishers: new Map() };
    for await (const { records, reader, bytesRead } of streamRecords(source, { encoding, columnMap, batch, found: (e) => (scan.encoding = e) })) {
      scan.variant = reader.variant;
      for (const r of records) {
        const mId = resolver.resolve(r);
        if (mId === undefined) continue;
        scan.accepted++;
        const id = placeId(mId, r.siteKey);
        const d = DigestTable.of(id);
        const placed = r.lat !== null && r.lng !== null;
        const rows = scan.places.get(d);
        scan.places.set(d, (rows ?? 0) + 1);
        if (rows === undefined && !placed) scan.positions.set(id, null);
        else if (placed && scan.positions.get(id) === null) scan.positions.set(id, { lat: r.lat!, lng: r.lng! });
        const publisher = identityText(r.managerName);
        const pair = `${mId}|${publisher}`;
        if (!scan.publishers.has(pair)) scan.publishers.set(pair, [mId, publisher]);
      }
      await onProgress({ step: "read", done: bytesRead, total: source.size });
    }
    return scan;
  };
  try {
    return await pass("auto");
  } catch (err) {
    if (isNotUtf8(err)) return pass("cp949");
    throw err;
  }
}

/**
 * Imports standard data. The file is read twice as a stream: once to check it whole (a refusal of the
 * whole file — binary, unknown format, unparseable, cut off — throws StandardDataError before anything
 * is written), then batch by batch: each batch matched against the database, planned and written, all
 * in one transaction, so a failure leaves the data as it was. Memory holds a batch and a digest per
 * row and per place, not the file. With `dryRun` the same plan is made and nothing is written.
 */
export async function importStandardData(
  db: Db,
  {
    columnMap,
    retire = [],
    municipalityCode,
    dryRun,
    actor,
    requestId = randomUUID(),
    gridRebuildFrom = BULK_GRID_THRESHOLD,
    batch = BATCH,
    onProgress: report = () => {},
    ...input
  }: ImportInput & {
    /** What a column the standard does not know stands for (see lib/standard-data's parseColumnMap). */
    columnMap?: Record<string, string>;
    /** Zones of the previous edition the file no longer lists that the admin retires: all of them, or these ids. */
    retire?: "all" | number[];
    municipalityCode?: string;
    dryRun: boolean;
    actor: string;
    requestId?: string;
    gridRebuildFrom?: number;
    /** Records planned and written together (tests make it small to cross batches often). */
    batch?: number;
    onProgress?: (progress: ImportProgress) => void;
  },
): Promise<ImportSummary> {
  // Each report is followed by a turn of the event loop: on the embedded database the queries run
  // on this thread, and without it the progress (and every other request) would wait for the end.
  const onProgress = async (progress: ImportProgress) => {
    report(progress);
    await new Promise<void>((resolve) => setImmediate(resolve));
  };
  const source = input.source ?? bytesSource(input.bytes);
  const resolverOf = await loadMunicipalities(db, municipalityCode);
  const scan = await scanFile(source, { columnMap, batch, resolverOf, onProgress });
  const total = scan.accepted;

  const run = async (conn: Conn, tx: Tx | null): Promise<ImportSummary> => {
    const resolver = resolverOf();
    const author = { label: actor, requestId };
    const previous = await previousEditionOf(conn, scan.publishers);
    const counts: ImportCounts = { new: 0, updated: 0, unchanged: 0, duplicate: 0, invalid: 0 };
    const sites = { new: 0, updated: 0 };
    const perMunicipality = new Map<number, MunicipalityCounts>();
    const planIssues: Issue[] = [];
    const findings = new Map<number, Finding>();
    const findingOf = (id: number) => {
      let f = findings.get(id);
      if (!f) findings.set(id, (f = { municipalityId: id, rows: 0, outsideBoundary: 0, blankInstallDates: 0 }));
      return f;
    };
    // The zones of the file, for finding the successors of vanished ones (kept only when some may vanish).
    const matched = new Set<number>();
    const current: Parameters<typeof vanishedOf>[1][number][] = [];
    const carry: PlanCarry = {
      // The places' table of the first pass says which groups began too (one bit of its count):
      // a group is a place, or a zone this app made (own:<id>). One digest per group and batch.
      begin: (key) => {
        const d = DigestTable.of(key);
        const rows = scan.places.get(d);
        if (rows !== undefined && (rows & STARTED) !== 0) return { begun: true };
        scan.places.set(d, (rows ?? 0) | STARTED);
        const at = scan.positions.get(key);
        return { begun: false, place: rows === undefined ? undefined : { rows, lat: at?.lat ?? null, lng: at?.lng ?? null } };
      },
    };
    // A large import keeps the map grid's triggers aside and rebuilds the grid once at the end:
    // cheaper than statement by statement once the file brings many new records.
    let bulk = false;
    let done = 0;
    let reader: RecordReader | null = null;
    const encoding = scan.encoding === "cp949" ? "cp949" : "auto";
    const locators = new Map<number, DongLocator | undefined>();
    for await (const part of readAhead(streamRecords(source, { encoding, columnMap, batch }), READ_AHEAD)) {
      reader = part.reader;
      const mIds = new Map<number, number>();
      const records = part.records.filter((r) => {
        const mId = resolver.resolve(r);
        if (mId !== undefined) mIds.set(r.line, mId);
        return mId !== undefined;
      });
      const municipalityIdOf = (r: StandardRecord) => mIds.get(r.line)!;
      const existing = await findExisting(conn, records, municipalityIdOf);
      const plan = planImport({
        records,
        municipalityIdOf,
        siteOf: (r) => {
          const own = existing.own.get(ownZoneId(r.ref) ?? -1);
          if (own && own.municipalityId === municipalityIdOf(r)) return { site: own, own: true };
          const site = existing.sites.get(`${municipalityIdOf(r)}|${r.siteKey}`);
          if (site) return { site, own: false };
          const ownPlace = existing.ownByPlace.get(`${municipalityIdOf(r)}|${r.siteKey}`);
          return ownPlace ? { site: ownPlace, own: true } : undefined;
        },
        apOf: (siteId, key) => existing.aps.get(`${siteId}|${key}`),
        outlines: resolver.outlines,
        fileCounts: { duplicate: 0, invalid: 0 },
        absent: part.reader.absent,
        carry,
      });
      for (const k of ["new", "updated", "unchanged"] as const) counts[k] += plan.counts[k];
      sites.new += plan.sites.new;
      sites.updated += plan.sites.updated;
      for (const [id, c] of plan.perMunicipality) {
        const into = perMunicipality.get(id) ?? { new: 0, updated: 0, unchanged: 0 };
        for (const k of ["new", "updated", "unchanged"] as const) into[k] += c[k];
        perMunicipality.set(id, into);
        findingOf(id).rows += c.new + c.updated + c.unchanged;
      }
      planIssues.push(...plan.issues);
      for (const i of plan.issues) if (i.code === "outside_boundary" && mIds.has(i.line)) findingOf(mIds.get(i.line)!).outsideBoundary++;
      for (const r of records) if (r.installBlank) findingOf(municipalityIdOf(r)).blankInstallDates++;
      for (const z of plan.matched) matched.add(z.id);
      if (previous.length) {
        for (const n of plan.newSites)
          current.push({ municipalityId: n.municipalityId, name: n.fields.name, lat: n.fields.lat, lng: n.fields.lng, siteId: null, line: n.line });
        for (const z of plan.matched) current.push({ municipalityId: z.municipalityId, name: z.name, lat: z.lat, lng: z.lng, siteId: z.id, line: null });
      }
      if (tx) {
        // Judged on the first batch (its share of new records, for the whole file) or on the new records so far.
        const expected = done === 0 && records.length ? (plan.counts.new / records.length) * total : counts.new;
        if (!bulk && Math.max(expected, counts.new) >= gridRebuildFrom) {
          bulk = true;
          await tx.execute(sql`select set_config('wifi_atlas.bulk_load', 'on', true)`);
        }
        await applyBatch(tx, plan, resolver, author, await dongsFor(tx, plan, (id) => resolver.codeOf(id), locators));
      }
      done += records.length;
      await onProgress({ step: tx ? "write" : "match", done, total });
    }
    if (!reader) throw new StandardDataError("empty", "The file is empty.");
    counts.duplicate = reader.duplicates;
    counts.invalid = reader.invalid + resolver.refused;

    const vanished = vanishedOf(
      previous.filter((z) => !matched.has(z.id)),
      current,
    );
    const retiring = retire === "all" ? vanished.map((v) => v.id) : vanished.flatMap((v) => (retire.includes(v.id) ? [v.id] : []));
    if (tx) {
      if (bulk) {
        await onProgress({ step: "grid", done: 0, total: 1 });
        await tx.execute(sql`select set_config('wifi_atlas.bulk_load', 'off', true)`);
        await tx.execute(sql`select ap_cells_rebuild()`);
        await tx.execute(sql`select inventory_tallies_rebuild()`);
        // Fresh statistics, so the next queries over the grown tables are planned for their new size.
        await tx.execute(sql`analyze sites, access_points, ap_cells`);
      }
      // One audit entry for the import as a whole.
      const municipalityIds = [...resolver.labelOfId.keys()];
      await recordChanges(tx, author, [
        {
          action: "import",
          entityType: "standard_data_import",
          entityId: requestId,
          municipalityId: municipalityIds.length === 1 ? municipalityIds[0]! : null,
          after: { counts, sites, municipalities: { attached: resolver.attached, unmatched: resolver.unmatched } },
        },
      ]);
      await retireZones(tx, retiring, author);
      if (findings.size) await tx.insert(s.importFindings).values([...findings.values()].map((f) => ({ ...f, requestId })));
    }
    await onProgress({ step: "write", done: total, total });
    return {
      file: { encoding: scan.encoding, variant: scan.variant, rows: reader.rows, blankInstallDates: reader.blankInstallDates },
      counts,
      sites,
      perMunicipality: perMunicipalityOf(perMunicipality, reader.tally, resolver),
      municipalities: { attached: resolver.attached, unmatched: resolver.unmatched },
      edition: {
        vanished: vanished.slice(0, SHOWN_VANISHED),
        vanishedCount: vanished.length,
        retired: retiring.length,
        kept: vanished.length - retiring.length,
      },
      issues: [...reader.issues, ...resolver.issues, ...planIssues],
      committed: tx !== null,
    };
  };

  if (dryRun) return run(db, null);
  return db.transaction((tx) => run(tx, tx));
}
