// The standard-data import at scale beside COPY of the same rows, in the same run, on a fresh Postgres
// database; then the rollout-summary export over a national inventory. Prints one JSON line each.
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/import.ts 1000000
// REIMPORT=off stops after the first import.
// DATABASE_URL names the server (its maintenance database); the benchmark makes and drops its own.
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { openPostgres } from "../db/client";
import { buildExport, OPERATOR_GRANTS } from "../server/exports";
import { importStandardData } from "../db/queries/import";
import * as s from "../db/schema";
import { seed } from "../db/seed";
import { EXPECTED_COLUMNS } from "../lib/standard-data";
import { bytesSource, streamRecords } from "../lib/standard-stream";
import { scratchDatabase } from "./scratch-db";
import { standardFile } from "./synthetic";

const count = Number(process.argv[2] ?? 1_000_000);
const { url: dbUrl, drop } = await scratchDatabase("import");

try {
  const { text, munis, sites } = standardFile(count);
  const bytes = new TextEncoder().encode(text);

  const handle = openPostgres(dbUrl, { max: 4 });
  await handle.migrate();
  await seed(handle.db);

  // Baseline: COPY of the same rows into a table of text columns (no parsing, checking or indexes).
  const raw = postgres(dbUrl, { max: 1, onnotice: () => {} });
  await raw.unsafe(
    `create table bench_copy (${EXPECTED_COLUMNS.newer
      .split(", ")
      .map((_, i) => `c${i} text`)
      .join(", ")})`,
  );
  const copyStart = performance.now();
  const writable = await raw.unsafe(`copy bench_copy from stdin with (format csv, header true)`).writable();
  await new Promise<void>((resolve, reject) => {
    writable.on("error", reject);
    writable.on("finish", () => resolve());
    const body = Buffer.from(text.slice(1));
    for (let i = 0; i < body.length; i += 1 << 20) writable.write(body.subarray(i, i + (1 << 20)));
    writable.end();
  });
  const copySeconds = (performance.now() - copyStart) / 1000;

  // Second baseline: COPY of the same rows straight into the app's own tables — a zone and an AP
  // each, with their indexes and constraints, no checks and no audit — rolled back afterwards.
  // What the database alone costs for the writes an import has to make.
  // COPY's text format: \N for null, a backslash doubled (the rows hold no tabs or line breaks).
  const tsv = (rows: (string | number | null)[][]) =>
    Buffer.from(rows.map((r) => r.map((v) => (v === null ? "\\N" : String(v).replace(/\\/g, "\\\\"))).join("\t")).join("\n") + "\n");
  const copyInto = async (q: postgres.TransactionSql, statement: string, body: Buffer) => {
    const w = await q.unsafe(statement).writable();
    await new Promise<void>((resolve, reject) => {
      w.on("error", reject);
      w.on("finish", () => resolve());
      for (let i = 0; i < body.length; i += 1 << 20) w.write(body.subarray(i, i + (1 << 20)));
      w.end();
    });
  };
  let tablesCopySeconds = 0;
  // Third baseline, in the same transaction: what the schema asks of every import on top — an audit
  // entry for each created zone and AP (as the import writes them), then the map grid and the
  // inventory tallies rebuilt once. The database's own cost of storing the rows with every entry kept.
  let floorSeconds = 0;
  await raw
    .begin(async (q) => {
      const ids =
        await q`insert into municipalities (name_ko, province_ko) select m, 'bench' from unnest(${munis.map((m) => `${m.name} ${m.code}`)}::text[]) as m returning id`;
      const [first] = await q`select coalesce(max(id), 0) + 1 as start from sites`;
      const start = Number(first!.start);
      const siteRows: (string | number | null)[][] = [];
      const apRows: (string | number | null)[][] = [];
      const [firstAp] = await q`select coalesce(max(id), 0) + 1 as start from access_points`;
      const apStart = Number(firstAp!.start);
      const auditRows: (string | number | null)[][] = [];
      for (let i = 0; i < count; i++) {
        const site = sites[i % sites.length]!;
        const id = start + i;
        const mId = ids[site.municipality]!.id as number;
        const lat = +(site.lat + (i % 7) * 1e-4).toFixed(6);
        const lng = +(site.lng + (i % 5) * 1e-4).toFixed(6);
        const zone = { name: `벤치 장소 ${i}`, category: "other", category_given: null, address: `벤치로 ${i}`, lat, lng, dong: null };
        const ap = {
          site_id: id,
          ssid: `BENCH-${i % 97}`,
          place_detail: `${1 + (i % 5)}층`,
          lat,
          lng,
          install_year: 2010 + (i % 15),
          install_month: 1 + (i % 12),
          provider_name: "KT",
          source_ref: `ref:${i}`,
        };
        siteRows.push([id, mId, zone.name, zone.category, zone.address, lat, lng, "active", 1, "import", ap.source_ref]);
        apRows.push([
          apStart + i,
          mId,
          id,
          ap.ssid,
          lat,
          lng,
          ap.install_year,
          ap.install_month,
          "active",
          "import",
          ap.place_detail,
          ap.provider_name,
          zone.address,
          "055-000-0000",
          "2026-11-01",
          ap.source_ref,
        ]);
        // The fields the import's audit entries hold for a created zone and AP (db/queries/import.ts).
        auditRows.push(
          ["bench", "create", "site", String(id), mId, JSON.stringify(zone), "bench"],
          ["bench", "create", "access_point", String(apStart + i), mId, JSON.stringify(ap), "bench"],
        );
      }
      const siteBody = tsv(siteRows);
      const apBody = tsv(apRows);
      const auditBody = tsv(auditRows);
      await q`select set_config('wifi_atlas.bulk_load', 'on', true)`;
      const t = performance.now();
      await copyInto(
        q,
        "copy sites (id, municipality_id, name, category, address, lat, lng, status, planned_ap_count, provenance, source_key) from stdin",
        siteBody,
      );
      await copyInto(
        q,
        "copy access_points (id, municipality_id, site_id, ssid, lat, lng, install_year, install_month, status, provenance, place_detail, provider_name, road_address, manager_phone, data_date, source_ref) from stdin",
        apBody,
      );
      tablesCopySeconds = (performance.now() - t) / 1000;
      await copyInto(q, "copy audit_entries (actor, action, entity_type, entity_id, municipality_id, after, request_id) from stdin", auditBody);
      await q`select set_config('wifi_atlas.bulk_load', 'off', true)`;
      await q`select ap_cells_rebuild()`;
      await q`select inventory_tallies_rebuild()`;
      floorSeconds = (performance.now() - t) / 1000;
      throw new Error("rollback");
    })
    .catch((err: Error) => {
      if (err.message !== "rollback") throw err;
    });
  await raw.end();

  // The import's reading alone, as its first pass reads (streamed), with no database: decoding,
  // parsing, normalising and checking every row.
  const readStart = performance.now();
  for await (const _ of streamRecords(bytesSource(bytes), { encoding: "auto" }));
  const readSeconds = (performance.now() - readStart) / 1000;

  // An import timed as a whole and by phase. check: the first pass (decode, parse, check every row,
  // place it in its municipality), until its last report; write: the second pass (match, plan and
  // write each batch: zones, APs and audit rows); grid: the map grid, ANALYZE and the commit.
  const timedImport = async (file: Uint8Array) => {
    const reports = new Map<string, { first: number; last: number }>();
    const start = performance.now();
    const result = await importStandardData(handle.db, {
      bytes: file,
      dryRun: false,
      actor: "bench",
      onProgress: ({ step }) => {
        const now = performance.now();
        reports.set(step, { first: reports.get(step)?.first ?? now, last: now });
      },
    });
    const end = performance.now();
    const checked = reports.get("read")?.last ?? start;
    const grid = reports.get("grid")?.first ?? end;
    const s = (ms: number) => +(ms / 1000).toFixed(2);
    return { summary: result, seconds: (end - start) / 1000, phases: { check: s(checked - start), write: s(grid - checked), grid: s(end - grid) } };
  };
  const { summary, seconds: importSeconds, phases } = await timedImport(bytes);
  console.log(
    JSON.stringify({
      bench: "import",
      rows: count,
      megabytes: +(bytes.length / 1e6).toFixed(1),
      copySeconds: +copySeconds.toFixed(2),
      copyRowsPerSecond: Math.round(count / copySeconds),
      importSeconds: +importSeconds.toFixed(2),
      importRowsPerSecond: Math.round(count / importSeconds),
      ratioToCopy: +(importSeconds / copySeconds).toFixed(2),
      readSeconds: +readSeconds.toFixed(2),
      ratioReadToCopy: +(readSeconds / copySeconds).toFixed(2),
      copyIntoAppTablesSeconds: +tablesCopySeconds.toFixed(2),
      ratioAppTablesCopyToCopy: +(tablesCopySeconds / copySeconds).toFixed(2),
      ratioToCopyIntoAppTables: +(importSeconds / tablesCopySeconds).toFixed(2),
      databaseFloorSeconds: +floorSeconds.toFixed(2),
      ratioFloorToCopyIntoAppTables: +(floorSeconds / tablesCopySeconds).toFixed(2),
      ratioToDatabaseFloor: +(importSeconds / floorSeconds).toFixed(2),
      phases,
      counts: summary.counts,
      municipalitiesUnmatched: summary.municipalities.unmatched.length,
      outsideTheirOutline: summary.issues.filter((i) => i.code === "outside_boundary").length,
    }),
  );

  // REIMPORT=off: the first import alone (the re-import and the export take as long again).
  if (process.env.REIMPORT === "off") {
    await handle.close();
    await drop();
    process.exit(0);
  }

  // A new edition in which every row changed (each 설치연월 a month later): every AP an update, as a
  // city re-publishing its corrected file is. Set-based like the first import; measured beside it.
  const changed = new TextEncoder().encode(
    text.replace(/,20(\d\d)-(\d\d),/g, (_, y: string, m: string) => `,20${y}-${m === "12" ? "01" : String(Number(m) + 1).padStart(2, "0")},`),
  );
  const { summary: again, seconds: reimportSeconds, phases: rePhases } = await timedImport(changed);
  console.log(
    JSON.stringify({
      bench: "reimport-every-row-changed",
      rows: count,
      reimportSeconds: +reimportSeconds.toFixed(2),
      firstImportSeconds: +importSeconds.toFixed(2),
      ratioToFirstImport: +(reimportSeconds / importSeconds).toFixed(2),
      phases: rePhases,
      firstImportPhases: phases,
      counts: again.counts,
    }),
  );

  // The summary export with the national inventory in the database (Jinju's program summarised).
  const [aps] = await handle.db.select({ n: sql<number>`count(*)::int` }).from(s.accessPoints);
  const timings: Record<string, number> = {};
  for (const format of ["csv", "xlsx", "pdf"] as const) {
    const runs: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      await buildExport(handle.db, { what: "summary", format, locale: "ko", grants: OPERATOR_GRANTS });
      runs.push(performance.now() - t);
    }
    timings[format] = Math.round([...runs].sort((a, b) => a - b)[2]!);
  }
  console.log(JSON.stringify({ bench: "summary-export", aps: aps!.n, medianMs: timings }));
  await handle.close();
} finally {
  await drop();
}
