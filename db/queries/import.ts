// Imports national standard data: every row lands as a site with one AP in its municipality, in one
// transaction. A dry run does the same work and rolls it back, so the preview is exactly the commit.
// Used by the command line as well as the server, so it does not carry the server-only marker.
import { randomUUID } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { StandardDataReport, StandardRecord, Issue, ImportProgress } from "../../lib/standard-data";
import { containsPoint, type Area } from "../../lib/geo";
import { readStandardData } from "../../lib/standard-data";
import type { Db } from "../client";
import { nationalOutline } from "../national-outlines";
import { AppError } from "../../lib/errors";
import * as s from "../schema";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export type ImportSummary = {
  file: { encoding: StandardDataReport["encoding"]; variant: StandardDataReport["variant"]; rows: number };
  counts: { new: number; updated: number; unchanged: number; duplicate: number; invalid: number };
  municipalities: { attached: string[]; created: string[] };
  issues: Issue[];
  committed: boolean;
};

class DryRun extends Error {
  constructor(readonly summary: ImportSummary) {
    super("dry run");
  }
}

const BATCH = 1000;
/** Records matched against the database per statement. */
const MATCH = 50_000;
/** Rows per statement when inserting new records as arrays. */
const BULK = 20_000;
/** From this many new records on, the grid is rebuilt once instead of kept by its triggers. */
const BULK_GRID_THRESHOLD = 50_000;
const SOURCE_NOTE = "전국무료와이파이표준데이터 가져오기";

const arr = <T,>(values: T[], type: string) => sql`${sql.param(values)}::${sql.raw(type)}[]`;

/** Inserts new records: one zone with one AP each, and one audit entry per zone, in a single statement. */
async function insertFresh(tx: Tx, part: StandardRecord[], municipalityIdOf: (r: StandardRecord) => number, who: { actor: string; requestId: string }) {
  const col = <K extends keyof StandardRecord>(k: K) => part.map((r) => r[k]);
  await tx.execute(sql`
    with src as (
      select * from unnest(
        ${arr(part.map(municipalityIdOf), "int")}, ${arr(col("placeName"), "text")}, ${arr(col("category"), "text")},
        ${arr(part.map((r) => r.roadAddress ?? r.lotAddress), "text")}, ${arr(col("lat"), "float8")}, ${arr(col("lng"), "float8")},
        ${arr(col("key"), "text")}, ${arr(col("ssid"), "text")}, ${arr(col("installYear"), "int")}, ${arr(col("installMonth"), "int")},
        ${arr(col("placeDetail"), "text")}, ${arr(col("provider"), "text")}, ${arr(col("roadAddress"), "text")}, ${arr(col("lotAddress"), "text")},
        ${arr(col("managerName"), "text")}, ${arr(col("managerPhone"), "text")}, ${arr(col("dataDate"), "text")}
      ) as t(municipality_id, name, category, address, lat, lng, source_key, ssid, install_year, install_month,
             place_detail, provider_name, road_address, lot_address, manager_name, manager_phone, data_date)
    ), ins as (
      insert into sites (municipality_id, name, category, address, lat, lng, status, planned_ap_count, provenance, source_note, source_key)
      select municipality_id, name, category::site_category, address, lat, lng, 'active', 1, 'import', ${SOURCE_NOTE}, source_key from src
      returning id, municipality_id, name, category, address, lat, lng, source_key
    ), aps as (
      insert into access_points (municipality_id, site_id, ssid, lat, lng, install_year, install_month, status, provenance, source_note,
                                 place_detail, provider_name, road_address, lot_address, manager_name, manager_phone, data_date, source_ref)
      select ins.municipality_id, ins.id, src.ssid, src.lat, src.lng, src.install_year, src.install_month, 'active', 'import', ${SOURCE_NOTE},
             src.place_detail, src.provider_name, src.road_address, src.lot_address, src.manager_name, src.manager_phone, src.data_date, src.source_key
      from ins join src on src.municipality_id = ins.municipality_id and src.source_key = ins.source_key
    )
    insert into audit_entries (actor, action, entity_type, entity_id, municipality_id, after, request_id)
    select ${who.actor}, 'create', 'site', ins.id::text, ins.municipality_id,
           jsonb_build_object('name', ins.name, 'category', ins.category, 'address', ins.address, 'lat', ins.lat, 'lng', ins.lng), ${who.requestId}
    from ins`);
}

/** The 번호 this app gives its own zones in the standard file, or null. */
export function ownZoneRef(id: number): string {
  return `WA-${id}`;
}
function ownZoneId(ref: string | null): number | null {
  const m = ref?.match(/^WA-(\d+)$/);
  return m ? Number(m[1]) : null;
}

function siteValues(r: StandardRecord, municipalityId: number) {
  return {
    municipalityId,
    name: r.placeName,
    category: r.category,
    address: r.roadAddress ?? r.lotAddress,
    lat: r.lat,
    lng: r.lng,
    status: "active" as const,
    plannedApCount: 1,
    provenance: "import" as const,
    sourceNote: SOURCE_NOTE,
    sourceKey: r.key,
  };
}

function apValues(r: StandardRecord, municipalityId: number, siteId: number) {
  return {
    municipalityId,
    siteId,
    ssid: r.ssid,
    lat: r.lat,
    lng: r.lng,
    installYear: r.installYear,
    installMonth: r.installMonth,
    status: "active" as const,
    provenance: "import" as const,
    sourceNote: SOURCE_NOTE,
    placeDetail: r.placeDetail,
    providerName: r.provider,
    roadAddress: r.roadAddress,
    lotAddress: r.lotAddress,
    managerName: r.managerName,
    managerPhone: r.managerPhone,
    dataDate: r.dataDate,
    sourceRef: r.key,
  };
}

const SITE_FIELDS = ["name", "category", "address", "lat", "lng"] as const;
const AP_FIELDS = ["ssid", "lat", "lng", "installYear", "installMonth", "placeDetail", "providerName", "roadAddress", "lotAddress", "managerName", "managerPhone", "dataDate"] as const;

function differs<T extends Record<string, unknown>>(before: T, after: T, fields: readonly (keyof T)[]): boolean {
  return fields.some((f) => (before[f] ?? null) !== (after[f] ?? null));
}

async function resolveMunicipalities(
  tx: Tx,
  records: StandardRecord[],
  municipalityCode: string | undefined,
  issues: Issue[],
): Promise<{ ids: Map<string, number>; outlines: Map<number, Area>; attached: string[]; created: string[]; rejected: Set<number> }> {
  const ids = new Map<string, number>();
  /** The outline of each municipality that has one, for the rows to be checked against. */
  const outlines = new Map<number, Area>();
  const attached: string[] = [];
  const created: string[] = [];
  const rejected = new Set<number>();
  const nameOf = (r: StandardRecord) => `${r.provinceName} ${r.municipalityName}`;

  if (municipalityCode) {
    const [m] = await tx.select().from(s.municipalities).where(eq(s.municipalities.code, municipalityCode));
    if (!m) throw new AppError("not_found", `No municipality with code ${municipalityCode}`, { path: "municipality", params: { value: municipalityCode } });
    for (const r of records) {
      if (r.provinceName === m.provinceKo && r.municipalityName === m.nameKo) continue;
      rejected.add(r.line);
      issues.push({ line: r.line, column: "설치시군구명", value: nameOf(r), code: "other_municipality", ref: `${m.provinceKo} ${m.nameKo}`, reason: `row belongs to ${nameOf(r)}, not ${m.provinceKo} ${m.nameKo} (${municipalityCode})`, severity: "error" });
    }
    ids.set(`${m.provinceKo} ${m.nameKo}`, m.id);
    if (m.boundary) outlines.set(m.id, m.boundary as Area);
    attached.push(`${m.provinceKo} ${m.nameKo}`);
    return { ids, outlines, attached, created, rejected };
  }

  // A municipality the file names gets, when it is created (or has none yet), its outline from the
  // national boundaries, so its rows are checked against it below.
  const wanted = [...new Map(records.map((r) => [nameOf(r), r])).values()];
  for (const r of wanted) {
    const [m] = await tx
      .select({ id: s.municipalities.id, boundary: s.municipalities.boundary })
      .from(s.municipalities)
      .where(and(eq(s.municipalities.provinceKo, r.provinceName), eq(s.municipalities.nameKo, r.municipalityName)));
    const outline = (m?.boundary as Area | null | undefined) ?? nationalOutline(r.provinceName, r.municipalityName);
    let id: number;
    if (m) {
      id = m.id;
      attached.push(nameOf(r));
      if (outline && !m.boundary) await tx.update(s.municipalities).set({ boundary: outline }).where(eq(s.municipalities.id, id));
    } else {
      const [row] = await tx.insert(s.municipalities).values({ nameKo: r.municipalityName, provinceKo: r.provinceName, boundary: outline }).returning({ id: s.municipalities.id });
      id = row!.id;
      created.push(nameOf(r));
    }
    ids.set(nameOf(r), id);
    if (outline) outlines.set(id, outline);
  }
  return { ids, outlines, attached, created, rejected };
}

/**
 * Reads `bytes` as standard data and imports it. Refusals of the whole file (binary, unknown format,
 * unparseable) throw StandardDataError before anything is opened; with `dryRun` nothing is kept.
 */
export async function importStandardData(
  db: Db,
  {
    bytes,
    municipalityCode,
    dryRun,
    actor,
    requestId = randomUUID(),
    gridRebuildFrom = BULK_GRID_THRESHOLD,
    onProgress: report = () => {},
  }: {
    bytes: Uint8Array;
    municipalityCode?: string;
    dryRun: boolean;
    actor: string;
    requestId?: string;
    gridRebuildFrom?: number;
    onProgress?: (progress: ImportProgress) => void;
  },
): Promise<ImportSummary> {
  // Each report is followed by a turn of the event loop: on the embedded database the queries run
  // on this thread, and without it the progress (and every other request) would wait for the end.
  const onProgress = async (progress: ImportProgress) => {
    report(progress);
    await new Promise<void>((resolve) => setImmediate(resolve));
  };
  const fileReport = readStandardData(bytes);
  await onProgress({ step: "read", done: fileReport.rows, total: fileReport.rows });
  try {
    return await db.transaction(async (tx) => {
      const issues = [...fileReport.issues];
      const { ids, outlines, attached, created, rejected } = await resolveMunicipalities(tx, fileReport.records, municipalityCode, issues);
      const records = fileReport.records.filter((r) => !rejected.has(r.line));
      const municipalityIdOf = (r: StandardRecord) => ids.get(`${r.provinceName} ${r.municipalityName}`)!;

      // A point outside its municipality's outline, where the outline is known, is flagged.
      for (const r of records) {
        const outline = outlines.get(municipalityIdOf(r));
        if (outline && r.lat !== null && r.lng !== null && !containsPoint(outline, { lat: r.lat, lng: r.lng })) {
          issues.push({ line: r.line, column: "위도", value: `${r.lat}, ${r.lng}`, code: "outside_boundary", ref: `${r.provinceName} ${r.municipalityName}`, reason: `outside the boundary of ${r.provinceName} ${r.municipalityName}: check the position`, severity: "warning" });
        }
      }

      // What exists already, matched on the record's key within its municipality.
      // Keys go to the database as arrays, MATCH rows per statement: a few round trips for a national file.
      const existingSites = new Map<string, s.Site>();
      const existingAps = new Map<number, s.AccessPoint>();
      for (let i = 0; i < records.length; i += MATCH) {
        await onProgress({ step: "match", done: i, total: records.length });
        const part = records.slice(i, i + MATCH);
        const sites = await tx
          .select()
          .from(s.sites)
          .where(sql`(${s.sites.municipalityId}, ${s.sites.sourceKey}) in (select * from unnest(${arr(part.map(municipalityIdOf), "int")}, ${arr(part.map((r) => r.key), "text")}))`);
        for (const site of sites) existingSites.set(`${site.municipalityId}|${site.sourceKey}`, site);
        if (sites.length) {
          const aps = await tx.select().from(s.accessPoints).where(sql`${s.accessPoints.siteId} = any(${arr(sites.map((x) => x.id), "int")})`);
          for (const ap of aps) if (ap.sourceRef) existingAps.set(ap.siteId!, ap);
        }
      }
      // Zones this app made itself (program zones, candidates) go out in the standard file as
      // 번호 WA-<id>; coming back, they match their zone, whose own fields alone are compared.
      const ownRecords = records.filter((r) => !existingSites.has(`${municipalityIdOf(r)}|${r.key}`) && ownZoneId(r.ref) !== null);
      const ownSites = new Map<number, s.Site>();
      for (let i = 0; i < ownRecords.length; i += MATCH) {
        const part = ownRecords.slice(i, i + MATCH).map((r) => ownZoneId(r.ref)!);
        const sites = await tx.select().from(s.sites).where(and(inArray(s.sites.municipalityId, [...ids.values()]), sql`${s.sites.id} = any(${arr(part, "int")})`));
        for (const site of sites) ownSites.set(site.id, site);
      }
      const ownZones = new Set<number>();
      for (const r of ownRecords) {
        const site = ownSites.get(ownZoneId(r.ref)!);
        if (!site || site.municipalityId !== municipalityIdOf(r)) continue;
        ownZones.add(site.id);
        existingSites.set(`${site.municipalityId}|${r.key}`, site);
      }

      // One audit entry per site created or changed, and one for the import as a whole.
      const trail: (typeof s.auditEntries.$inferInsert)[] = [];
      const fieldsOf = (row: Record<string, unknown>) => Object.fromEntries(SITE_FIELDS.map((f) => [f, row[f] ?? null]));
      const apFieldsOf = (row: Record<string, unknown>) => Object.fromEntries(AP_FIELDS.map((f) => [f, row[f] ?? null]));
      const counts = { new: 0, updated: 0, unchanged: 0, duplicate: fileReport.duplicates, invalid: fileReport.invalid + rejected.size };
      const fresh: StandardRecord[] = [];
      await onProgress({ step: "match", done: records.length, total: records.length });
      let written = 0;
      for (const r of records) {
        if (++written % BATCH === 0) await onProgress({ step: "write", done: written - fresh.length, total: records.length });
        const mId = municipalityIdOf(r);
        const site = existingSites.get(`${mId}|${r.key}`);
        if (!site) {
          fresh.push(r);
          continue;
        }
        if (ownZones.has(site.id)) {
          const own = { name: r.placeName, category: r.category, address: r.roadAddress ?? r.lotAddress, lat: r.lat, lng: r.lng };
          if (!differs(site as unknown as Record<string, unknown>, own as unknown as Record<string, unknown>, SITE_FIELDS)) {
            counts.unchanged++;
            continue;
          }
          counts.updated++;
          await tx.update(s.sites).set({ ...own, version: site.version + 1, updatedAt: new Date() }).where(eq(s.sites.id, site.id));
          trail.push({ actor, requestId, action: "update", entityType: "site", entityId: String(site.id), municipalityId: mId, before: fieldsOf(site as unknown as Record<string, unknown>), after: own });
          continue;
        }
        const siteAfter = siteValues(r, mId);
        const ap = existingAps.get(site.id);
        const apAfter = apValues(r, mId, site.id);
        const siteChanged = differs(site as unknown as Record<string, unknown>, siteAfter as unknown as Record<string, unknown>, SITE_FIELDS);
        const apChanged = !ap || differs(ap as unknown as Record<string, unknown>, apAfter as unknown as Record<string, unknown>, AP_FIELDS);
        if (!siteChanged && !apChanged) {
          counts.unchanged++;
          continue;
        }
        counts.updated++;
        trail.push({
          actor,
          requestId,
          action: "update",
          entityType: "site",
          entityId: String(site.id),
          municipalityId: mId,
          before: { ...fieldsOf(site as unknown as Record<string, unknown>), accessPoint: ap ? apFieldsOf(ap as unknown as Record<string, unknown>) : null },
          after: { ...fieldsOf(siteAfter as unknown as Record<string, unknown>), accessPoint: apFieldsOf(apAfter as unknown as Record<string, unknown>) },
        });
        if (siteChanged) {
          await tx
            .update(s.sites)
            .set({ ...siteAfter, version: site.version + 1, updatedAt: new Date() })
            .where(eq(s.sites.id, site.id));
        }
        if (ap && apChanged) {
          await tx
            .update(s.accessPoints)
            .set({ ...apAfter, version: ap.version + 1, updatedAt: new Date() })
            .where(eq(s.accessPoints.id, ap.id));
        } else if (!ap) {
          await tx.insert(s.accessPoints).values(apAfter);
        }
      }

      // New records in large batches, each one statement: the zones, their APs and their audit
      // entries, with the values passed as arrays (a few parameters however many rows).
      // A large import keeps the map grid's triggers aside and rebuilds the grid once at the end:
      // cheaper than updating it statement by statement once the file is big.
      // In key order, each index of the new rows grows at its end instead of at random places.
      fresh.sort((a, b) => municipalityIdOf(a) - municipalityIdOf(b) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      const bulk = fresh.length >= gridRebuildFrom;
      if (bulk) await tx.execute(sql`select set_config('wifi_atlas.bulk_load', 'on', true)`);
      const changed = records.length - fresh.length;
      for (let i = 0; i < fresh.length; i += BULK) {
        await onProgress({ step: "write", done: changed + i, total: records.length });
        await insertFresh(tx, fresh.slice(i, i + BULK), municipalityIdOf, { actor, requestId });
        counts.new += Math.min(BULK, fresh.length - i);
      }
      await onProgress({ step: "write", done: records.length, total: records.length });
      if (bulk) {
        await onProgress({ step: "grid", done: 0, total: 1 });
        await tx.execute(sql`select set_config('wifi_atlas.bulk_load', 'off', true)`);
        await tx.execute(sql`select ap_cells_rebuild()`);
        // Fresh statistics, so the next queries over the grown tables are planned for their new size.
        await tx.execute(sql`analyze sites, access_points, ap_cells`);
      }

      const summary: ImportSummary = {
        file: { encoding: fileReport.encoding, variant: fileReport.variant, rows: fileReport.rows },
        counts,
        municipalities: { attached, created },
        issues,
        committed: !dryRun,
      };
      const municipalityIds = [...new Set(ids.values())];
      trail.push({
        actor,
        requestId,
        action: "import",
        entityType: "standard_data_import",
        entityId: requestId,
        municipalityId: municipalityIds.length === 1 ? municipalityIds[0]! : null,
        after: { counts, municipalities: { attached, created } },
      });
      for (let i = 0; i < trail.length; i += BATCH) await tx.insert(s.auditEntries).values(trail.slice(i, i + BATCH));
      if (dryRun) throw new DryRun(summary);
      return summary;
    });
  } catch (err) {
    if (err instanceof DryRun) return err.summary;
    throw err;
  }
}
