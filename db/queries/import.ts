// Imports national standard data in three steps: read the file (lib/standard-data), plan against what
// the database holds (reads only; lib/import-plan decides what is new, changed or unchanged), then apply
// the plan in one transaction with set-based statements. A dry run is the plan: nothing is written.
// Used by the command line and the seed as well as the server, so it does not carry the server-only marker.
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { containsPoint, type Area } from "../../lib/geo";
import { directoryOf } from "../../lib/municipality-directory";
import { AppError } from "../../lib/errors";
import { IMPORT_SOURCE_NOTE, ownZoneId, planImport, type ExistingAp, type ExistingSite, type ImportCounts, type ImportPlan } from "../../lib/import-plan";
import { readStandardData, type ImportProgress, type Issue, type StandardDataReport, type StandardRecord } from "../../lib/standard-data";
import type { Conn, Db, Tx } from "../client";
import { nationalOutline } from "../national-outlines";
import * as s from "../schema";
import { recordChanges, recordCreatesOf, type Author, type Change } from "./audit";

export type ImportSummary = {
  file: { encoding: StandardDataReport["encoding"]; variant: StandardDataReport["variant"]; rows: number; blankInstallDates: number };
  counts: ImportCounts;
  /** Where the rows landed, and the 시도 and 시군구 the directory does not know (their rows refused). */
  municipalities: { attached: string[]; unmatched: string[] };
  issues: Issue[];
  committed: boolean;
};

/** Records matched against the database per statement. */
const MATCH = 50_000;
/** Rows per statement when writing records as arrays. */
const BULK = 20_000;
/** From this many new records on, the grid is rebuilt once instead of kept by its triggers. */
const BULK_GRID_THRESHOLD = 50_000;

const arr = <T>(values: T[], type: string) => sql`${sql.param(values)}::${sql.raw(type)}[]`;
const nameOf = (r: { provinceName: string; municipalityName: string }) => `${r.provinceName} ${r.municipalityName}`;

// ── municipalities ──────────────────────────────────────────────────────────

/**
 * Which municipality each record lands in: its 시도 and 시군구 matched to the municipality directory
 * (lib/municipality-directory: short, old and misspelt names, spaces, "…청", 세종's blank 시군구; a city
 * divided into 구 written without its 구 is placed by the row's position). A row whose municipality
 * cannot be matched is refused and reported; no municipality is made up for it. Read only: an outline
 * for a municipality that had none is stored when the plan is applied.
 */
type Resolution = {
  /** By record line. */
  ids: Map<number, number>;
  outlines: Map<number, Area>;
  attached: string[];
  /** The 시도 and 시군구 that matched no municipality (their rows refused). */
  unmatched: string[];
  outlinesToStore: { id: number; boundary: Area }[];
  rejected: Set<number>;
  issues: Issue[];
};

type MunicipalityRow = typeof s.municipalities.$inferSelect;

async function resolveMunicipalities(conn: Conn, records: StandardRecord[], municipalityCode: string | undefined): Promise<Resolution> {
  const res: Resolution = { ids: new Map(), outlines: new Map(), attached: [], unmatched: [], outlinesToStore: [], rejected: new Set(), issues: [] };
  const all = await conn.select().from(s.municipalities);
  const directory = directoryOf(all.flatMap((m) => (m.code && m.sidoCode ? [{ code: m.code, sidoCode: m.sidoCode, sido: m.provinceKo, name: m.nameKo }] : [])));
  const byCode = new Map(all.flatMap((m) => (m.code ? [[m.code, m] as const] : [])));
  const label = (m: MunicipalityRow) => `${m.provinceKo} ${m.nameKo}`;
  const outlineOf = (m: MunicipalityRow) => (m.boundary as Area | null) ?? nationalOutline(m.provinceKo, m.nameKo);
  const refuse = (r: StandardRecord, code: Issue["code"], reason: string, ref?: string) => {
    res.rejected.add(r.line);
    res.issues.push({ line: r.line, column: "설치시군구명", value: nameOf(r), code, ...(ref ? { ref } : {}), reason, severity: "error" });
  };

  /** The municipality a record names, by the directory; else one of the same name made before it. */
  const found = new Map<string, MunicipalityRow[] | null>();
  const candidatesOf = (r: StandardRecord): MunicipalityRow[] | null => {
    const key = nameOf(r);
    if (!found.has(key)) {
      const m = directory.match(r.provinceName, r.municipalityName);
      const rows =
        m.kind === "match"
          ? [byCode.get(m.entry.code)!]
          : m.kind === "choose"
            ? m.among.map((e) => byCode.get(e.code)!)
            : all.filter((x) => x.provinceKo === r.provinceName && x.nameKo === r.municipalityName);
      found.set(key, rows.length ? rows : null);
    }
    return found.get(key)!;
  };

  const chosen = municipalityCode ? byCode.get(municipalityCode) : undefined;
  if (municipalityCode && !chosen) {
    throw new AppError("not_found", `No municipality with code ${municipalityCode}`, { path: "municipality", params: { value: municipalityCode } });
  }
  const used = new Map<number, MunicipalityRow>();
  for (const r of records) {
    const candidates = candidatesOf(r);
    if (!candidates) {
      if (!res.unmatched.includes(nameOf(r))) res.unmatched.push(nameOf(r));
      refuse(r, "unknown_municipality", `no municipality in the directory is called ${nameOf(r)}`);
      continue;
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
      refuse(r, "ambiguous_municipality", `${nameOf(r)} is divided into 구 and the row has no position inside one of them`, candidates.map(label).join(", "));
      continue;
    }
    if (chosen && m.id !== chosen.id) {
      refuse(r, "other_municipality", `row belongs to ${label(m)}, not ${label(chosen)} (${municipalityCode})`, label(chosen));
      continue;
    }
    res.ids.set(r.line, m.id);
    used.set(m.id, m);
  }
  for (const m of used.values()) {
    res.attached.push(label(m));
    const outline = outlineOf(m);
    if (!outline) continue;
    res.outlines.set(m.id, outline);
    if (!m.boundary) res.outlinesToStore.push({ id: m.id, boundary: outline });
  }
  return res;
}

// ── what exists ─────────────────────────────────────────────────────────────

const existingSiteColumns = {
  id: s.sites.id,
  municipalityId: s.sites.municipalityId,
  version: s.sites.version,
  sourceKey: s.sites.sourceKey,
  name: s.sites.name,
  category: s.sites.category,
  address: s.sites.address,
  lat: s.sites.lat,
  lng: s.sites.lng,
};

/** The zones of these (municipality, key) pairs, and their imported APs. */
async function findExisting(conn: Conn, records: StandardRecord[], municipalityIdOf: (r: StandardRecord) => number, report: (done: number) => Promise<void>) {
  const sites = new Map<string, ExistingSite>();
  const aps = new Map<number, ExistingAp>();
  // Keys go to the database as arrays, MATCH rows per statement: a few round trips for a national file.
  // A municipality still to be created (negative id) has nothing yet.
  const known = records.filter((r) => municipalityIdOf(r) > 0);
  for (let i = 0; i < known.length; i += MATCH) {
    await report(i);
    const part = known.slice(i, i + MATCH);
    const found = await conn
      .select(existingSiteColumns)
      .from(s.sites)
      .where(
        sql`(${s.sites.municipalityId}, ${s.sites.sourceKey}) in (select * from unnest(${arr(part.map(municipalityIdOf), "int")}, ${arr(
          part.map((r) => r.key),
          "text",
        )}))`,
      );
    for (const site of found) sites.set(`${site.municipalityId}|${site.sourceKey}`, site);
    if (found.length) {
      const rows = await conn
        .select()
        .from(s.accessPoints)
        .where(
          sql`${s.accessPoints.siteId} = any(${arr(
            found.map((x) => x.id),
            "int",
          )}) and ${s.accessPoints.sourceRef} is not null`,
        );
      for (const ap of rows) aps.set(ap.siteId!, ap as ExistingAp);
    }
  }
  // Zones this app made itself go out in the standard file as 번호 WA-<id>; coming back, they match their zone.
  const own = new Map<number, ExistingSite>();
  const ownIds = known.filter((r) => !sites.has(`${municipalityIdOf(r)}|${r.key}`)).flatMap((r) => ownZoneId(r.ref) ?? []);
  for (let i = 0; i < ownIds.length; i += MATCH) {
    const found = await conn
      .select(existingSiteColumns)
      .from(s.sites)
      .where(sql`${s.sites.id} = any(${arr(ownIds.slice(i, i + MATCH), "int")})`);
    for (const site of found) own.set(site.id, site);
  }
  return { sites, aps, own };
}

// ── writes ──────────────────────────────────────────────────────────────────

/** New records: one zone with one AP each and the zone's audit entry, in one statement. */
async function insertFresh(tx: Tx, part: StandardRecord[], municipalityIdOf: (r: StandardRecord) => number, author: Author) {
  const col = <K extends keyof StandardRecord>(k: K) => part.map((r) => r[k]);
  await tx.execute(sql`
    with src as (
      select * from unnest(
        ${arr(part.map(municipalityIdOf), "int")}, ${arr(col("placeName"), "text")}, ${arr(col("category"), "text")},
        ${arr(
          part.map((r) => r.roadAddress ?? r.lotAddress),
          "text",
        )}, ${arr(col("lat"), "float8")}, ${arr(col("lng"), "float8")},
        ${arr(col("key"), "text")}, ${arr(col("ssid"), "text")}, ${arr(col("installYear"), "int")}, ${arr(col("installMonth"), "int")},
        ${arr(col("placeDetail"), "text")}, ${arr(col("provider"), "text")}, ${arr(col("roadAddress"), "text")}, ${arr(col("lotAddress"), "text")},
        ${arr(col("managerName"), "text")}, ${arr(col("managerPhone"), "text")}, ${arr(col("dataDate"), "text")}
      ) as t(municipality_id, name, category, address, lat, lng, source_key, ssid, install_year, install_month,
             place_detail, provider_name, road_address, lot_address, manager_name, manager_phone, data_date)
    ), ins as (
      insert into sites (municipality_id, name, category, address, lat, lng, status, planned_ap_count, provenance, source_note, source_key)
      select municipality_id, name, category::site_category, address, lat, lng, 'active', 1, 'import', ${IMPORT_SOURCE_NOTE}, source_key from src
      returning id, municipality_id, name, category, address, lat, lng, source_key
    ), aps as (
      insert into access_points (municipality_id, site_id, ssid, lat, lng, install_year, install_month, status, provenance, source_note,
                                 place_detail, provider_name, road_address, lot_address, manager_name, manager_phone, data_date, source_ref)
      select ins.municipality_id, ins.id, src.ssid, src.lat, src.lng, src.install_year, src.install_month, 'active', 'import', ${IMPORT_SOURCE_NOTE},
             src.place_detail, src.provider_name, src.road_address, src.lot_address, src.manager_name, src.manager_phone, src.data_date, src.source_key
      from ins join src on src.municipality_id = ins.municipality_id and src.source_key = ins.source_key
    )
    ${recordCreatesOf(author, { rows: "ins", entityType: "site", after: ["name", "category", "address", "lat", "lng"] })}`);
}

/** Changed zones in one statement per batch; an imported zone becomes the file's again (active, its key). */
async function updateSites(tx: Tx, rows: ImportPlan["siteUpdates"]) {
  for (let i = 0; i < rows.length; i += BULK) {
    const part = rows.slice(i, i + BULK);
    const col = <K extends keyof (typeof part)[number]>(k: K) => part.map((r) => r[k]);
    await tx.execute(sql`
      update sites set name = u.name, category = u.category::site_category, address = u.address, lat = u.lat, lng = u.lng, version = u.version,
             status = case when u.imported then 'active'::site_status else sites.status end,
             provenance = case when u.imported then 'import'::provenance else sites.provenance end,
             source_note = case when u.imported then ${IMPORT_SOURCE_NOTE} else sites.source_note end,
             source_key = u.source_key, updated_at = now()
      from unnest(${arr(col("id"), "int")}, ${arr(col("name"), "text")}, ${arr(col("category"), "text")}, ${arr(col("address"), "text")},
                  ${arr(col("lat"), "float8")}, ${arr(col("lng"), "float8")}, ${arr(col("version"), "int")}, ${arr(col("imported"), "bool")},
                  ${arr(col("sourceKey"), "text")}) as u(id, name, category, address, lat, lng, version, imported, source_key)
      where sites.id = u.id`);
  }
}

const apColumns = (part: (ImportPlan["apUpdates"][number] | ImportPlan["apInserts"][number])[]) => {
  const col = <K extends keyof (typeof part)[number]>(k: K) => part.map((r) => r[k]);
  return sql`${arr(col("ssid"), "text")}, ${arr(col("lat"), "float8")}, ${arr(col("lng"), "float8")}, ${arr(col("installYear"), "int")}, ${arr(col("installMonth"), "int")},
    ${arr(col("placeDetail"), "text")}, ${arr(col("providerName"), "text")}, ${arr(col("roadAddress"), "text")}, ${arr(col("lotAddress"), "text")},
    ${arr(col("managerName"), "text")}, ${arr(col("managerPhone"), "text")}, ${arr(col("dataDate"), "text")}, ${arr(col("sourceRef"), "text")}`;
};
const AP_COLUMN_NAMES = sql.raw(
  "ssid, lat, lng, install_year, install_month, place_detail, provider_name, road_address, lot_address, manager_name, manager_phone, data_date, source_ref",
);

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

/** APs given back to zones that had lost theirs. */
async function insertAccessPoints(tx: Tx, rows: ImportPlan["apInserts"]) {
  for (let i = 0; i < rows.length; i += BULK) {
    const part = rows.slice(i, i + BULK);
    await tx.execute(sql`
      insert into access_points (municipality_id, site_id, status, provenance, source_note, ${AP_COLUMN_NAMES})
      select municipality_id, site_id, 'active', 'import', ${IMPORT_SOURCE_NOTE}, ${AP_COLUMN_NAMES}
      from unnest(${arr(
        part.map((r) => r.municipalityId),
        "int",
      )}, ${arr(
        part.map((r) => r.siteId),
        "int",
      )}, ${apColumns(part)})
        as u(municipality_id, site_id, ${AP_COLUMN_NAMES})`);
  }
}

/** Writes a plan: outlines municipalities lacked first, then changes, then new records, then the trail. */
async function applyPlan(
  tx: Tx,
  {
    plan,
    resolution,
    author,
    gridRebuildFrom,
    progress,
    grid,
  }: {
    plan: ImportPlan;
    resolution: Resolution;
    author: Author;
    gridRebuildFrom: number;
    progress: (done: number) => Promise<void>;
    grid: () => Promise<void>;
  },
) {
  for (const o of resolution.outlinesToStore) await tx.update(s.municipalities).set({ boundary: o.boundary }).where(eq(s.municipalities.id, o.id));
  const idOf = (r: StandardRecord) => resolution.ids.get(r.line)!;

  await updateSites(tx, plan.siteUpdates);
  await updateAccessPoints(tx, plan.apUpdates);
  await insertAccessPoints(tx, plan.apInserts);
  const changed = plan.counts.updated + plan.counts.unchanged;
  await progress(changed);

  // New records in large batches, each one statement. A large import keeps the map grid's triggers
  // aside and rebuilds the grid once at the end: cheaper than statement by statement once the file is big.
  const bulk = plan.fresh.length >= gridRebuildFrom;
  if (bulk) await tx.execute(sql`select set_config('wifi_atlas.bulk_load', 'on', true)`);
  for (let i = 0; i < plan.fresh.length; i += BULK) {
    await progress(changed + i);
    await insertFresh(tx, plan.fresh.slice(i, i + BULK), idOf, author);
  }
  if (bulk) {
    await grid();
    await tx.execute(sql`select set_config('wifi_atlas.bulk_load', 'off', true)`);
    await tx.execute(sql`select ap_cells_rebuild()`);
    // Fresh statistics, so the next queries over the grown tables are planned for their new size.
    await tx.execute(sql`analyze sites, access_points, ap_cells`);
  }

  // One audit entry per zone changed (those created have theirs), and one for the import as a whole.
  const municipalityIds = [...new Set(resolution.ids.values())];
  const changes: Change[] = [
    ...plan.changes,
    {
      action: "import",
      entityType: "standard_data_import",
      entityId: author.requestId,
      municipalityId: municipalityIds.length === 1 ? municipalityIds[0]! : null,
      after: { counts: plan.counts, municipalities: { attached: resolution.attached, unmatched: resolution.unmatched } },
    },
  ];
  await recordChanges(tx, author, changes);
}

// ── the run ─────────────────────────────────────────────────────────────────

/**
 * Reads `bytes` as standard data and imports it. Refusals of the whole file (binary, unknown format,
 * unparseable) throw StandardDataError before the database is asked anything; with `dryRun` nothing is written.
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
  const file = readStandardData(bytes);
  await onProgress({ step: "read", done: file.rows, total: file.rows });

  const run = async (conn: Conn, apply: ((plan: ImportPlan, resolution: Resolution) => Promise<void>) | null) => {
    const resolution = await resolveMunicipalities(conn, file.records, municipalityCode);
    const records = file.records.filter((r) => !resolution.rejected.has(r.line));
    const municipalityIdOf = (r: StandardRecord) => resolution.ids.get(r.line)!;
    const total = records.length;
    const existing = await findExisting(conn, records, municipalityIdOf, (done) => onProgress({ step: "match", done, total }));
    await onProgress({ step: "match", done: total, total });
    const plan = planImport({
      records,
      municipalityIdOf,
      siteOf: (r) => {
        const byKey = existing.sites.get(`${municipalityIdOf(r)}|${r.key}`);
        if (byKey) return { site: byKey, own: false };
        const own = existing.own.get(ownZoneId(r.ref) ?? -1);
        return own && own.municipalityId === municipalityIdOf(r) ? { site: own, own: true } : undefined;
      },
      apOf: (siteId) => existing.aps.get(siteId),
      outlines: resolution.outlines,
      fileCounts: { duplicate: file.duplicates, invalid: file.invalid + resolution.rejected.size },
    });
    if (apply) await apply(plan, resolution);
    await onProgress({ step: "write", done: total, total });
    const summary: ImportSummary = {
      file: { encoding: file.encoding, variant: file.variant, rows: file.rows, blankInstallDates: file.blankInstallDates },
      counts: plan.counts,
      municipalities: { attached: resolution.attached, unmatched: resolution.unmatched },
      issues: [...file.issues, ...resolution.issues, ...plan.issues],
      committed: apply !== null,
    };
    return summary;
  };

  if (dryRun) return run(db, null);
  return db.transaction((tx) =>
    run(tx, (plan, resolution) =>
      applyPlan(tx, {
        plan,
        resolution,
        author: { label: actor, requestId },
        gridRebuildFrom,
        progress: (done) => onProgress({ step: "write", done, total: plan.counts.new + plan.counts.updated + plan.counts.unchanged }),
        grid: () => onProgress({ step: "grid", done: 0, total: 1 }),
      }),
    ),
  );
}
