import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "../server/database";
import { rowsOf } from "./client";
import { testEngine } from "./testing/engines";
import { importStandardData } from "./queries/import";
import * as s from "./schema";

/** Every non-empty cell of the map grid, with its count and position sums, as text to compare. */
async function gridCells() {
  const { db } = await getDb();
  return rowsOf(
    await db.execute(sql`select level, dim, value, cx, cy, n, round(sum_lat::numeric, 6) as lat, round(sum_lng::numeric, 6) as lng
                         from ap_cells where n <> 0 order by 1, 2, 3, 4, 5`),
  ).map((c) => `${c.level}/${c.dim}/${c.value}/${c.cx}/${c.cy} n=${c.n} ${c.lat} ${c.lng}`);
}

/** The grid as the triggers kept it, then as a full rebuild from the APs makes it: they must be the same, cell by cell. */
async function expectGridAsRebuilt() {
  const { db } = await getDb();
  const kept = await gridCells();
  const zeros = rowsOf(await db.execute(sql`select count(*)::int as n from ap_cells where n = 0`))[0]!.n;
  await db.execute(sql`select ap_cells_rebuild()`);
  const rebuilt = await gridCells();
  expect(kept).toEqual(rebuilt);
  expect(zeros).toBe(0);
  expect(rebuilt.length).toBeGreaterThan(0);
  return rebuilt;
}

const HEADER =
  "번호,설치장소명,설치장소상세,설치시도명,설치시군구명,설치시설구분,서비스제공사명,와이파이SSID,설치연월,소재지도로명주소,소재지지번주소,관리기관명,관리기관전화번호,WGS84위도,WGS84경도,데이터기준일자";
const file = (lines: string[]) => new Uint8Array(Buffer.from([HEADER, ...lines].join("\n")));
const row = (
  i: number,
  { month = 3, lat = 35.16 + (i % 10) * 0.002, lng = 128.08 + Math.floor(i / 10) * 0.002 }: { month?: number; lat?: number | ""; lng?: number | "" } = {},
) => `${i},격자 시험 ${i},,경상남도,진주시,공원,SKT,T,2019-${String(month).padStart(2, "0")},,,격자시험과,,${lat},${lng},2026-01-01`;

describe(`the map grid kept by triggers on ${testEngine()}`, () => {
  it("equals a full rebuild after a re-import with changed, moved and position-less rows", async () => {
    const { db } = await getDb();
    const first = await importStandardData(db, { bytes: file(Array.from({ length: 60 }, (_, i) => row(i))), dryRun: false, actor: "test" });
    expect(first.counts.new).toBe(60);
    const before = await expectGridAsRebuilt();

    // 0–19 a corrected install date (no cell moves), 20–39 moved across cells, 40–49 without a
    // position, 50–59 as they were.
    const edition = Array.from({ length: 60 }, (_, i) =>
      i < 20 ? row(i, { month: 4 }) : i < 40 ? row(i, { lat: 35.3 + i * 0.001, lng: 128.2 }) : i < 50 ? row(i, { lat: "", lng: "" }) : row(i),
    );
    const again = await importStandardData(db, { bytes: file(edition), dryRun: false, actor: "test" });
    expect(again.counts.updated).toBeGreaterThanOrEqual(40);
    const after = await expectGridAsRebuilt();
    expect(after).not.toEqual(before);
  });

  it("equals a full rebuild after 100 random single edits", async () => {
    const { db } = await getDb();
    const [zone] = await db.select().from(s.sites).where(eq(s.sites.provenance, "import")).limit(1);
    const [other] = await db.select().from(s.sites).where(eq(s.sites.name, "격자 시험 55"));
    const [partner] = await db.select().from(s.partners).limit(1);
    const made = await db
      .insert(s.accessPoints)
      .values(
        Array.from({ length: 40 }, (_, i) => ({
          municipalityId: zone!.municipalityId,
          siteId: zone!.id,
          status: "active" as const,
          provenance: "manual" as const,
          lat: 35.15 + i * 0.003,
          lng: 128.05 + i * 0.003,
        })),
      )
      .returning({ id: s.accessPoints.id });
    let x = 11;
    const rand = () => (x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const ids = made.map((m) => m.id);
    const pick = () => ids[Math.floor(rand() * ids.length)]!;
    const edits = [
      (id: number) =>
        db
          .update(s.accessPoints)
          .set({ status: rand() < 0.5 ? "faulty" : "active" })
          .where(eq(s.accessPoints.id, id)),
      (id: number) =>
        db
          .update(s.accessPoints)
          .set({ lat: 35.1 + rand() * 0.2, lng: 128 + rand() * 0.2 })
          .where(eq(s.accessPoints.id, id)),
      (id: number) => db.update(s.accessPoints).set({ lat: null, lng: null }).where(eq(s.accessPoints.id, id)),
      (id: number) =>
        db
          .update(s.accessPoints)
          .set({ installingPartnerId: rand() < 0.5 ? partner!.id : null })
          .where(eq(s.accessPoints.id, id)),
      (id: number) =>
        db
          .update(s.accessPoints)
          .set({ siteId: rand() < 0.5 ? other!.id : zone!.id })
          .where(eq(s.accessPoints.id, id)),
      (id: number) =>
        db
          .update(s.accessPoints)
          .set({ installYear: 2015 + Math.floor(rand() * 10), ssid: `T${rand()}` })
          .where(eq(s.accessPoints.id, id)),
      (id: number) => db.update(s.accessPoints).set({ provenance: "field_survey" }).where(eq(s.accessPoints.id, id)),
    ];
    for (let i = 0; i < 100; i++) await edits[Math.floor(rand() * edits.length)]!(pick());
    await expectGridAsRebuilt();
  });
});
