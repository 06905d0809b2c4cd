import fs from "node:fs";
import { and, count, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { StandardDataError } from "../../lib/standard-data";
import { getDb } from "../../server/database";
import * as s from "../schema";
import { testEngine } from "../testing/engines";
import { buildExport, OPERATOR_GRANTS } from "../../server/exports";
import { importStandardData } from "./import";

const JINJU = new Uint8Array(fs.readFileSync("db/seed/data/jinju_free_wifi_2016_cp949.csv"));
const NEWER_HEADER =
  "번호,설치장소명,설치장소상세,설치시도명,설치시군구명,설치시설구분,서비스제공사명,와이파이SSID,설치연월,소재지도로명주소,소재지지번주소,관리기관명,관리기관전화번호,WGS84위도,WGS84경도,데이터기준일자";

async function counts() {
  const { db } = await getDb();
  const [sites] = await db.select({ n: count() }).from(s.sites);
  const [aps] = await db.select({ n: count() }).from(s.accessPoints);
  const [munis] = await db.select({ n: count() }).from(s.municipalities);
  return { sites: sites!.n, aps: aps!.n, munis: munis!.n };
}
const run = async (bytes: Uint8Array, opts: { dryRun?: boolean; municipalityCode?: string; retire?: "all" | number[] } = {}) =>
  importStandardData((await getDb()).db, { bytes, dryRun: opts.dryRun ?? false, municipalityCode: opts.municipalityCode, retire: opts.retire, actor: "test" });

describe(`importing the national standard data on ${testEngine()}`, () => {
  it("previews and imports the Jinju file as 55 sites with one AP each, the broken terminal rows without a position", async () => {
    // The seed imported this file already: take its records out to import it afresh.
    const { db } = await getDb();
    const seeded = await db.select({ id: s.sites.id }).from(s.sites).where(eq(s.sites.provenance, "import"));
    await db.delete(s.accessPoints).where(
      inArray(
        s.accessPoints.siteId,
        seeded.map((x) => x.id),
      ),
    );
    await db.delete(s.sites).where(eq(s.sites.provenance, "import"));

    const before = await counts();
    const preview = await run(JINJU, { dryRun: true });
    expect(preview).toMatchObject({
      committed: false,
      file: { encoding: "cp949", variant: "older", rows: 110 },
      counts: { new: 55, updated: 0, unchanged: 0, duplicate: 55, invalid: 0 },
      municipalities: { attached: ["경상남도 진주시"], unmatched: [] },
    });
    expect(await counts()).toEqual(before);

    const summary = await run(JINJU);
    expect(summary.counts).toEqual(preview.counts);
    // The terminal's two rows are one AP: its position is reported once, its second row as a duplicate of the first.
    expect(summary.issues.filter((i) => i.severity === "position").map((i) => i.line)).toEqual([30]);
    expect(summary.issues.find((i) => i.line === 85)).toMatchObject({ code: "duplicate_row", ref: "30" });
    const { new: n, updated, unchanged, duplicate, invalid } = summary.counts;
    expect(n + updated + unchanged + duplicate + invalid).toBe(summary.file.rows);
    expect(summary.perMunicipality).toEqual([{ municipality: "경상남도 진주시", rows: 110, new: 55, updated: 0, unchanged: 0, duplicate: 55, invalid: 0 }]);
    expect(summary.sites).toEqual({ new: 55, updated: 0 });
    expect(await counts()).toEqual({ ...before, sites: before.sites + 55, aps: before.aps + 55 });
    const imported = await db.select().from(s.accessPoints).where(eq(s.accessPoints.provenance, "import"));
    expect(imported).toHaveLength(55);
    expect(imported.filter((a) => a.lat !== null)).toHaveLength(54);
    const [terminal] = await db.select().from(s.sites).where(eq(s.sites.name, "진주시외버스터미널"));
    expect(terminal).toMatchObject({ category: "transport", lat: null, lng: null, provenance: "import" });
    const audit = await db.select().from(s.auditEntries).where(eq(s.auditEntries.action, "import"));
    expect(audit.at(-1)!.after).toMatchObject({ counts: { new: 55 } });
    // Each created site has its own entry, sharing the import's request id.
    const created = await db
      .select()
      .from(s.auditEntries)
      .where(eq(s.auditEntries.requestId, audit.at(-1)!.requestId!));
    expect(created.filter((e) => e.action === "create" && e.entityType === "site")).toHaveLength(55);
    expect(created.filter((e) => e.action === "create" && e.entityType === "access_point")).toHaveLength(55);
    expect(created.find((e) => e.entityId === String(terminal!.id))!.after).toMatchObject({ name: "진주시외버스터미널", lat: null });
  });

  it("adds nothing when the same file comes again, and updates a changed row", async () => {
    const before = await counts();
    const again = await run(JINJU);
    expect(again.counts).toMatchObject({ new: 0, updated: 0, unchanged: 55 });
    expect(await counts()).toEqual(before);

    const text = iconv
      .decode(Buffer.from(JINJU), "cp949")
      .replaceAll(
        "문산읍사무소,문산읍사무소 1층 민원실,경상남도,진주시,관공서,KT,SMART-JINJU,2016-01",
        "문산읍사무소,문산읍사무소 1층 민원실,경상남도,진주시,관공서,KT,SMART-JINJU,2016-02",
      );
    const changed = await run(new Uint8Array(iconv.encode(text, "cp949")));
    expect(changed.counts).toMatchObject({ new: 0, updated: 1, unchanged: 54 });
    const { db } = await getDb();
    const [ap] = await db
      .select()
      .from(s.accessPoints)
      .where(and(eq(s.accessPoints.placeDetail, "문산읍사무소 1층 민원실"), eq(s.accessPoints.provenance, "import")));
    expect(ap).toMatchObject({ version: 2, installMonth: 2 });
    const [entry] = await db
      .select()
      .from(s.auditEntries)
      .where(and(eq(s.auditEntries.entityType, "access_point"), eq(s.auditEntries.action, "update")));
    expect(entry).toMatchObject({ entityId: String(ap!.id), before: { installMonth: 1 }, after: { installMonth: 2 } });
    expect(await counts()).toEqual(before);
  });

  it("adds another SSID or floor at a known place as another AP of the same zone", async () => {
    const before = await counts();
    const text = iconv.decode(Buffer.from(JINJU), "cp949");
    const first = text.split(/\r?\n/).find((l) => l.startsWith("문산읍사무소,"))!;
    const more = [first.replace("SMART-JINJU", "SMART-JINJU-5G"), first.replace("1층 민원실", "2층 회의실")];
    const summary = await run(new Uint8Array(iconv.encode(`${text.trimEnd()}\r\n${more.join("\r\n")}\r\n`, "cp949")));
    // (The file as published also puts back the install month the test before changed.)
    expect(summary.counts).toMatchObject({ new: 2, updated: 1, unchanged: 54, duplicate: 55 });
    expect(summary.sites).toEqual({ new: 0, updated: 0 });
    expect(await counts()).toEqual({ ...before, aps: before.aps + 2 });
    const { db } = await getDb();
    const [zone] = await db
      .select()
      .from(s.sites)
      .where(and(eq(s.sites.name, "문산읍사무소"), eq(s.sites.provenance, "import")));
    const aps = await db.select().from(s.accessPoints).where(eq(s.accessPoints.siteId, zone!.id));
    expect(aps.map((a) => `${a.placeDetail} ${a.ssid}`).sort()).toEqual([
      "문산읍사무소 1층 민원실 SMART-JINJU",
      "문산읍사무소 1층 민원실 SMART-JINJU-5G",
      "문산읍사무소 2층 회의실 SMART-JINJU",
    ]);
  });

  it("lands a national file's rows in the directory's municipalities, and rejects rows of another one when one is chosen", async () => {
    const csv = [
      NEWER_HEADER,
      "1,순천만국가정원,동문,전라남도,순천시,공원,KT,Suncheon_WiFi,2019-05,전라남도 순천시 국가정원1호길 47,,순천시청,,34.9291,127.4987,2023-01-01",
      "2,진주성,촉석루,경상남도,진주시,문화·관광시설,LG U+,Jinju_PublicWiFi,2020-03,경상남도 진주시 남강로 626,,진주시청,,35.1904,128.0802,2023-01-01",
    ].join("\n");
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from(csv, "utf8")]);
    const chosen = await run(bytes, { dryRun: true, municipalityCode: "48170" });
    expect(chosen.counts).toMatchObject({ new: 1, invalid: 1 });
    expect(chosen.issues).toContainEqual(expect.objectContaining({ line: 2, reason: expect.stringContaining("row belongs to 전라남도 순천시") }));

    const national = await run(bytes);
    expect(national.municipalities).toEqual({ attached: ["전라남도 순천시", "경상남도 진주시"], unmatched: [] });
    const { db } = await getDb();
    // 순천시 was in the directory from the first start, with its MOIS code; the import made no new one.
    const suncheons = await db.select().from(s.municipalities).where(eq(s.municipalities.nameKo, "순천시"));
    expect(suncheons).toMatchObject([{ provinceKo: "전라남도", code: "46150" }]);
    const aps = await db.select().from(s.accessPoints).where(eq(s.accessPoints.municipalityId, suncheons[0]!.id));
    expect(aps).toMatchObject([
      { ssid: "Suncheon_WiFi", installYear: 2019, installMonth: 5, sourceRef: "ap:순천만국가정원|전라남도순천시국가정원1호길47|동문|suncheon_wifi" },
    ]);
  });

  it("matches 시도 and 시군구 however a file spells them, and refuses rows it cannot place rather than inventing a municipality", async () => {
    const row = (no: number, sido: string, sgg: string, lat = "", lng = "") =>
      `${no},장소${no},,${sido},${sgg},공원,KT,x${no},2019-05,,,관리,,${lat},${lng},2023-01-01`;
    const csv = [
      NEWER_HEADER,
      row(1, "경남", "진주시", "35.19", "128.08"),
      row(2, "겅상남도", "진주시청", "35.19", "128.081"),
      row(3, "세종특별자치시", "", "36.48", "127.289"),
      row(4, "경기도", "수원시 장안구", "37.30", "127.01"),
      row(5, "경기도", "수원시", "37.2636", "127.0286"),
      row(6, "경기도", "수원시"),
      row(7, "경상남도", "없는시", "35.19", "128.08"),
    ].join("\n");
    const summary = await run(new Uint8Array(Buffer.from(csv, "utf8")), { dryRun: true });
    expect(summary.municipalities.unmatched).toEqual(["경상남도 없는시"]);
    expect(summary.municipalities.attached.sort()).toEqual(["경기도 수원시장안구", "경기도 수원시팔달구", "경상남도 진주시", "세종특별자치시 세종시"].sort());
    const refused = summary.issues.filter((i) => i.severity === "error").map((i) => [i.line, i.code]);
    expect(refused).toEqual([
      [7, "ambiguous_municipality"],
      [8, "unknown_municipality"],
    ]);
    expect(summary.counts).toMatchObject({ new: 5, invalid: 2 });
    const { db } = await getDb();
    const [nameless] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(s.municipalities)
      .where(isNull(s.municipalities.code));
    expect(nameless!.n).toBe(0);
  });

  it("flags a point outside its municipality's known outline", async () => {
    const csv = [NEWER_HEADER, "9,진주역,대합실,경상남도,진주시,교통시설,KT,x,2020-01,,,,,37.5665,126.978,2023-01-01"].join("\n");
    const summary = await run(new Uint8Array(Buffer.from(csv, "utf8")), { dryRun: true });
    expect(summary.issues).toEqual([
      {
        line: 2,
        column: "위도",
        value: "37.5665, 126.978",
        code: "outside_boundary",
        ref: "경상남도 진주시",
        reason: "outside the boundary of 경상남도 진주시: check the position",
        severity: "warning",
      },
    ]);
    // The Jinju file's own points all lie inside the city.
    expect((await run(JINJU, { dryRun: true })).issues.filter((i) => i.reason.startsWith("outside the boundary"))).toEqual([]);
    // Committed, the import keeps what it found in each municipality for the national view (a preview keeps nothing).
    const { db } = await getDb();
    const jinju = (await db.select({ id: s.municipalities.id }).from(s.municipalities).where(eq(s.municipalities.code, "48170")))[0]!.id;
    const findings = () => db.select().from(s.importFindings).where(eq(s.importFindings.municipalityId, jinju)).orderBy(s.importFindings.id);
    const kept = (await findings()).length;
    const blank = "9,진주역 2,대합실,경상남도,진주시,교통시설,KT,x,,,,,,35.1788,128.1114,2023-01-01";
    await run(new Uint8Array(Buffer.from(`${csv}\n${blank}\n`, "utf8")));
    const latest = (await findings()).slice(kept);
    expect(latest).toMatchObject([{ rows: 2, outsideBoundary: 1, blankInstallDates: 1 }]);
  });

  it("checks a national file's rows against the national outline of each 시군구 it lands in", async () => {
    const csv = [
      NEWER_HEADER,
      "N1,순천만국가정원,,전라남도,순천시,공원,KT,x,2020-01,,,,,34.9291,127.4987,2023-01-01",
      "N2,순천 어딘가,,전라남도,순천시,공원,KT,x,2020-01,,,,,35.1904,128.0802,2023-01-01",
      "N3,화성행궁,,경기도,수원시,문화·관광시설,KT,x,2020-01,,,,,37.2819,127.0139,2023-01-01",
      "N4,종로 어딘가,,서울,종로구,관공서,KT,x,2020-01,,,,,35.1904,128.0802,2023-01-01",
      "N5,새 도시 광장,,경기도,새도시,공원,KT,x,2020-01,,,,,37.5,127.0,2023-01-01",
    ].join("\n");
    const summary = await run(new Uint8Array(Buffer.from(csv, "utf8")));
    // 서울 is 서울특별시 (the issue names the place as the row wrote it); 화성행궁, written "수원시", lands
    // in the 구 that holds it; 새도시 is in no directory.
    expect(summary.issues.filter((i) => i.code === "outside_boundary").map((i) => [i.line, i.ref])).toEqual([
      [3, "전라남도 순천시"],
      [5, "서울 종로구"],
    ]);
    expect(summary.municipalities.attached).toContain("경기도 수원시팔달구");
    expect(summary.municipalities.unmatched).toEqual(["경기도 새도시"]);
    const { db } = await getDb();
    const outlines = await db
      .select({ name: s.municipalities.nameKo, outlined: sql<boolean>`${s.municipalities.boundary} is not null` })
      .from(s.municipalities)
      .where(inArray(s.municipalities.nameKo, ["순천시", "수원시팔달구", "종로구", "새도시"]));
    expect(Object.fromEntries(outlines.map((m) => [m.name, m.outlined]))).toEqual({ 순천시: true, 수원시팔달구: true, 종로구: true });
  });

  it("imports GeoJSON points whose properties are the standard's columns", async () => {
    const before = await counts();
    const feature = (n: number, coordinates: number[] | null, extra: Record<string, unknown> = {}) => ({
      type: "Feature",
      geometry: coordinates ? { type: "Point", coordinates } : null,
      properties: {
        번호: `GJ-${n}`,
        설치장소명: `지오 시험 ${n}`,
        설치시도명: "경상남도",
        설치시군구명: "진주시",
        설치시설구분: "공원",
        서비스제공사명: "LGU+",
        와이파이SSID: "GJ",
        설치연월: "2023-04",
        ...extra,
      },
    });
    const fc = {
      type: "FeatureCollection",
      features: [feature(1, [128.09, 35.18]), feature(2, null, { WGS84위도: "35.181", WGS84경도: "128.091" }), feature(3, [35.18, 128.09])],
    };
    const summary = await run(new Uint8Array(Buffer.from(JSON.stringify(fc))));
    expect(summary.counts).toMatchObject({ new: 3, invalid: 0 });
    expect(summary.file).toMatchObject({ encoding: "utf-8", variant: "newer", rows: 3 });
    expect(summary.issues).toEqual([expect.objectContaining({ line: 4, code: "swapped", severity: "position" })]);
    const { db } = await getDb();
    const sites = await db
      .select()
      .from(s.sites)
      .where(inArray(s.sites.name, ["지오 시험 1", "지오 시험 2", "지오 시험 3"]));
    expect(sites.map((x) => [x.name, x.category, x.lat, x.lng]).sort()).toEqual([
      ["지오 시험 1", "park", 35.18, 128.09],
      ["지오 시험 2", "park", 35.181, 128.091],
      ["지오 시험 3", "park", null, null],
    ]);
    const [ap] = await db
      .select()
      .from(s.accessPoints)
      .where(eq(s.accessPoints.siteId, sites.find((x) => x.name === "지오 시험 1")!.id));
    expect(ap).toMatchObject({ providerName: "LG U+", installYear: 2023, installMonth: 4 });
    expect(await counts()).toEqual({ ...before, sites: before.sites + 3, aps: before.aps + 3 });
  });

  it("refuses broken GeoJSON and a GeoJSON that is not a collection of points, writing nothing", async () => {
    const before = await counts();
    await expect(run(new Uint8Array(Buffer.from('{"type": "FeatureCollection", "features": [')))).rejects.toThrow("The GeoJSON cannot be read");
    await expect(run(new Uint8Array(Buffer.from('{"type": "Feature"}')))).rejects.toThrow("Not a GeoJSON FeatureCollection of points");
    await expect(
      run(new Uint8Array(Buffer.from('{"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": null, "properties": {"name": "x"}}]}'))),
    ).rejects.toThrow("Not the national free Wi-Fi standard format");
    expect(await counts()).toEqual(before);
  });

  it("keeps a category the standard does not know as written, reports it, and exports it as written", async () => {
    const row = (n: number, category: string) =>
      `${n},원문 시험 ${n},1층,경상남도,진주시,${category},KT,RAW,2024-01,경상남도 진주시 원문로 ${n},,,,35.18,128.09,2026-01-01`;
    const summary = await run(new Uint8Array(Buffer.from(`${NEWER_HEADER}\n${row(1, "카페")}\n${row(2, "관광")}\n`)));
    expect(summary.issues).toEqual([expect.objectContaining({ line: 2, code: "unknown_category", value: "카페", severity: "warning" })]);
    const { db } = await getDb();
    const zones = await db
      .select({ name: s.sites.name, category: s.sites.category, given: s.sites.categoryGiven })
      .from(s.sites)
      .where(inArray(s.sites.name, ["원문 시험 1", "원문 시험 2"]));
    // 관광 is one of the standard's own values: read as 문화·관광시설, nothing kept beside it.
    expect(zones.sort((a, b) => (a.name < b.name ? -1 : 1))).toEqual([
      { name: "원문 시험 1", category: "other", given: "카페" },
      { name: "원문 시험 2", category: "culture_tourism", given: null },
    ]);
    const out = new TextDecoder().decode((await buildExport(db, { what: "standard", format: "csv", locale: "ko", grants: OPERATOR_GRANTS })).bytes);
    expect(out).toMatch(/원문 시험 1,1층,경상남도,진주시,카페,/);
    expect(out).toMatch(/원문 시험 2,1층,경상남도,진주시,문화·관광시설,/);
    // And back: the same records, nothing changed.
    const back = await run(new Uint8Array(Buffer.from(out)), { dryRun: true });
    expect(back.counts).toMatchObject({ new: 0, updated: 0 });
  });

  it("lists the previous edition's zones a new edition no longer has, with their successors, and retires those the admin chooses", async () => {
    // Two editions of 순천시's file from its own office: one place moved and re-addressed, one renamed, one gone.
    const row = (n: number, name: string, address: string, lat: string, lng: string, manager = "순천시청") =>
      `${n},${name},1층,전라남도,순천시,관공서,KT,SC-WIFI,2019-01,${address},,${manager},,${lat},${lng},2020-01-01`;
    const first = [
      row(1, "순천 시청", "전라남도 순천시 장명로 30", "34.9506", "127.4872"),
      row(2, "순천 도서관", "전라남도 순천시 도서관길 1", "34.9600", "127.4900"),
      row(3, "순천 체육관", "전라남도 순천시 체육관길 5", "34.9700", "127.5000"),
      row(4, "순천 경로당", "전라남도 순천시 경로당길 9", "34.9800", "127.5100"),
    ];
    const second = [
      row(1, "순천 시청", "전라남도 순천시 장명로 30", "34.9506", "127.4872"),
      row(2, "순천 도서관", "전라남도 순천시 도서관길 3", "34.9601", "127.4900"),
      row(3, "순천 종합체육관", "전라남도 순천시 체육관길 5", "34.9700", "127.5001"),
      row(4, "순천 새 공원", "전라남도 순천시 공원길 2", "34.9900", "127.5200"),
    ];
    const csv = (rows: string[]) => new Uint8Array(Buffer.from(`${NEWER_HEADER}\n${rows.join("\n")}\n`));
    await run(csv(first));
    const { db } = await getDb();
    const idOf = async (name: string) => (await db.select({ id: s.sites.id }).from(s.sites).where(eq(s.sites.name, name)))[0]!.id;
    const [library, gym, hall] = [await idOf("순천 도서관"), await idOf("순천 체육관"), await idOf("순천 경로당")];

    // Another publisher's file for the same city is not an edition of this one.
    const other = await run(csv([row(9, "순천 역", "전라남도 순천시 역전길 1", "34.945", "127.503", "전라남도청")]), { dryRun: true });
    expect(other.edition.vanishedCount).toBe(0);

    // (순천만국가정원, which an earlier test imported from the same office, is not in this edition either.)
    const garden = await idOf("순천만국가정원");
    const preview = await run(csv(second), { dryRun: true });
    expect(preview.edition).toMatchObject({ vanishedCount: 4, retired: 0, kept: 4 });
    // In the order the zones were made (a first import writes its places in key order).
    expect(preview.edition.vanished.map((v) => [v.id, v.successors.map((n) => [n.name, n.sameName, n.distanceM, n.line])])).toEqual(
      [
        [garden, []],
        [library, [["순천 도서관", true, 11, 3]]],
        [gym, [["순천 종합체육관", false, 9, 4]]],
        [hall, []],
      ].sort((a, b) => (a[0] as number) - (b[0] as number)),
    );

    const done = await run(csv(second), { retire: [library, gym] });
    expect(done.edition).toMatchObject({ vanishedCount: 4, retired: 2, kept: 2 });
    const statuses = await db
      .select({ id: s.sites.id, status: s.sites.status, reason: s.sites.statusReason })
      .from(s.sites)
      .where(inArray(s.sites.id, [library, gym, hall]));
    expect(statuses.sort((a, b) => a.id - b.id)).toEqual(
      [
        { id: library, status: "retired", reason: "표준데이터 새 판에 없음" },
        { id: gym, status: "retired", reason: "표준데이터 새 판에 없음" },
        { id: hall, status: "active", reason: null },
      ].sort((a, b) => a.id - b.id),
    );
    const retiredAps = await db
      .select({ status: s.accessPoints.status })
      .from(s.accessPoints)
      .where(inArray(s.accessPoints.siteId, [library, gym]));
    expect(retiredAps.map((a) => a.status)).toEqual(["retired", "retired"]);
    const trail = await db
      .select()
      .from(s.auditEntries)
      .where(and(eq(s.auditEntries.entityType, "site"), eq(s.auditEntries.entityId, String(library)), eq(s.auditEntries.action, "update")));
    expect(trail.at(-1)).toMatchObject({ before: { status: "active" }, after: { status: "retired", accessPointsRetired: 2 } });
    // The zones list leaves them out, as every count does, and shows them when asked for by status.
    const { listSites, countSitesBySource } = await import("./sites");
    const [sunchon] = await db.select().from(s.sites).where(eq(s.sites.id, hall));
    const list = { page: 1, pageSize: 500, dir: "asc" as const, sort: "name" as const, municipalityId: sunchon!.municipalityId };
    const listed = await listSites(db, list);
    const counted = await countSitesBySource(db, { municipalityId: sunchon!.municipalityId });
    expect(listed.items.map((z) => z.id)).not.toContain(library);
    expect(listed.total).toBe(counted.program + counted.other);
    expect((await listSites(db, { ...list, status: "retired" })).items.map((z) => z.id).sort((a, b) => a - b)).toEqual([library, gym].sort((a, b) => a - b));
    // The next edition sees only the zone that was kept.
    expect((await run(csv(second), { dryRun: true })).edition.vanished.map((v) => v.id)).toEqual([garden, hall].sort((a, b) => a - b));
  });

  it("neutralises formula-like values on the way out, keeps them as text on the way in", async () => {
    const row = `FX-1,=HYPERLINK("http://x"),+1층,경상남도,진주시,관공서,KT,@ssid,2024-01,,,,-,35.18,128.09,2026-01-01`;
    const summary = await run(new Uint8Array(Buffer.from(`\uFEFF${NEWER_HEADER}\n${row}\n`)));
    expect(summary.counts.new).toBe(1);
    const { db } = await getDb();
    const [site] = await db.select().from(s.sites).where(eq(s.sites.name, '=HYPERLINK("http://x")'));
    expect(site).toBeDefined();
    const out = new TextDecoder().decode((await buildExport(db, { what: "standard", format: "csv", locale: "ko", grants: OPERATOR_GRANTS })).bytes);
    expect(out).toMatch(/\n\d+,"'=HYPERLINK\(""http:\/\/x""\)",'\+1층/);
    expect(out).toContain(`"'=HYPERLINK(""http://x"")",'+1층,경상남도,진주시,관공서,KT,'@ssid,2024-01,,,,'-,35.18,128.09,2026-01-01`);
  });

  it("keeps the map grid right when a large import rebuilds it once instead of statement by statement", async () => {
    const { db } = await getDb();
    const total = async () =>
      (
        await db
          .select({ n: sql<number>`coalesce(sum(${s.apCells.n}), 0)::int` })
          .from(s.apCells)
          .where(and(eq(s.apCells.level, 3), eq(s.apCells.dim, "all")))
      )[0]!.n;
    const before = await total();
    const rows = Array.from(
      { length: 30 },
      (_, i) => `GR-${i},격자 시험 ${i},,경상남도,진주시,공원,KT,GR,2024-01,,,,,${(35.15 + i * 0.001).toFixed(4)},128.1,2026-01-01`,
    );
    await importStandardData(db, {
      bytes: new Uint8Array(Buffer.from(`${NEWER_HEADER}\n${rows.join("\n")}\n`)),
      dryRun: false,
      actor: "test",
      gridRebuildFrom: 10,
    });
    const [positioned] = await db.select({ n: count() }).from(s.accessPoints).where(isNotNull(s.accessPoints.lat));
    expect(await total()).toBe(before + 30);
    expect(await total()).toBe(positioned!.n);
  });

  it("refuses a binary, unknown, cut-off or renamed-column file before touching the database", async () => {
    const before = await counts();
    const dates = async () => (await (await getDb()).db.select({ n: count() }).from(s.accessPoints).where(isNotNull(s.accessPoints.installYear)))[0]!.n;
    const datesBefore = await dates();
    await expect(run(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]))).rejects.toBeInstanceOf(StandardDataError);
    await expect(run(new Uint8Array(Buffer.from("a,b\n1,2\n")))).rejects.toThrow("Not the national free Wi-Fi standard format");
    // The seeded Jinju file cut off in the middle of a row, and again with its 설치년월 column renamed.
    const jinju = iconv.decode(Buffer.from(JINJU), "cp949");
    const cut = jinju.slice(0, jinju.indexOf("\n", jinju.length / 2) + 40);
    await expect(run(new Uint8Array(iconv.encode(cut, "cp949")))).rejects.toMatchObject({ code: "truncated" });
    await expect(run(new Uint8Array(iconv.encode(jinju.replace("설치년월", "설치일"), "cp949")))).rejects.toMatchObject({
      code: "unknown_column",
      column: "설치일",
    });
    expect(await counts()).toEqual(before);
    // Nothing was wiped: every install date is still there.
    expect(await dates()).toBe(datesBefore);
    const { db } = await getDb();
    expect((await db.select({ n: count() }).from(s.accessPoints).where(isNotNull(s.accessPoints.lat)))[0]!.n).toBeGreaterThan(0);
  });

  it("places each new zone in the 읍면동 holding its position, and moves it there when the file moves it", async () => {
    const { db } = await getDb();
    const zone = async (name: string) =>
      (
        await db
          .select()
          .from(s.sites)
          .where(and(eq(s.sites.name, name), eq(s.sites.provenance, "import")))
      )[0]!;
    expect((await zone("문산읍사무소")).dong).toBe("문산읍");
    const [created] = await db
      .select()
      .from(s.auditEntries)
      .where(
        and(eq(s.auditEntries.entityType, "site"), eq(s.auditEntries.entityId, String((await zone("문산읍사무소")).id)), eq(s.auditEntries.action, "create")),
      );
    expect(created!.after).toMatchObject({ name: "문산읍사무소", dong: "문산읍" });

    // A planner's 읍면동 for a zone the file does not move stays; the zone the file moves follows its position.
    await db
      .update(s.sites)
      .set({ dong: "평거동" })
      .where(eq(s.sites.id, (await zone("내동면사무소")).id));
    const file = iconv.decode(Buffer.from(JINJU), "cp949");
    const moved = file.replaceAll("35.1692009,128.1642375", "35.1599634,128.0680532");
    expect(moved).not.toBe(file);
    await run(new Uint8Array(iconv.encode(moved, "cp949")));
    expect((await zone("문산읍사무소")).dong).toBe("내동면");
    expect((await zone("내동면사무소")).dong).toBe("평거동");
    // Back where it was: back in its own 읍.
    await run(JINJU);
    expect((await zone("문산읍사무소")).dong).toBe("문산읍");
    await db
      .update(s.sites)
      .set({ dong: "내동면" })
      .where(eq(s.sites.id, (await zone("내동면사무소")).id));
  });
});
