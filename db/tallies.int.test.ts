import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "../server/database";
import { rowsOf } from "./client";
import { testEngine } from "./testing/engines";
import { importStandardData } from "./queries/import";
import * as s from "./schema";

/** The tallies as kept, and as counted from the tables now: they must be the same. */
async function keptAndCounted() {
  const { db } = await getDb();
  const kept = rowsOf(
    await db.execute(
      sql`select municipality_id as m, provider_name as p, install_year as y, n from ap_tallies where n <> 0 order by 1, 2 nulls first, 3 nulls first`,
    ),
  );
  const counted = rowsOf(
    await db.execute(sql`select municipality_id as m, provider_name as p, install_year as y, count(*)::int as n from access_points
                         where status <> 'retired' group by 1, 2, 3 order by 1, 2 nulls first, 3 nulls first`),
  );
  const keptSites = rowsOf(await db.execute(sql`select municipality_id as m, n from site_tallies where n <> 0 order by 1`));
  const countedSites = rowsOf(
    await db.execute(sql`select municipality_id as m, count(*)::int as n from sites where status <> 'retired' group by 1 order by 1`),
  );
  return { kept, counted, keptSites, countedSites };
}

async function expectInStep() {
  const { kept, counted, keptSites, countedSites } = await keptAndCounted();
  expect(kept).toEqual(counted);
  expect(keptSites).toEqual(countedSites);
  expect(counted.length).toBeGreaterThan(0);
}

describe(`the directory's kept tallies on ${testEngine()}`, () => {
  it("start in step with the seeded inventory", async () => {
    await expectInStep();
  });

  it("follow inserts, changes of provider and year, retirements and deletes of APs and zones", async () => {
    const { db } = await getDb();
    const [zone] = await db.select().from(s.sites).where(eq(s.sites.provenance, "import")).limit(1);
    const [made] = await db
      .insert(s.sites)
      .values({ municipalityId: zone!.municipalityId, name: "집계 시험", category: "park", status: "active", provenance: "manual" })
      .returning();
    const added = await db
      .insert(s.accessPoints)
      .values(
        [2020, 2021, null].map((installYear) => ({
          municipalityId: zone!.municipalityId,
          siteId: made!.id,
          status: "active" as const,
          provenance: "manual" as const,
          providerName: "집계통신",
          installYear,
        })),
      )
      .returning();
    await expectInStep();
    await db.update(s.accessPoints).set({ providerName: null, installYear: 2019 }).where(eq(s.accessPoints.id, added[0]!.id));
    await db.update(s.accessPoints).set({ status: "retired" }).where(eq(s.accessPoints.id, added[1]!.id));
    await db.update(s.sites).set({ status: "retired" }).where(eq(s.sites.id, made!.id));
    await expectInStep();
    await db.delete(s.accessPoints).where(eq(s.accessPoints.siteId, made!.id));
    await db.delete(s.sites).where(eq(s.sites.id, made!.id));
    await expectInStep();
  });

  it("are recounted once after an import large enough to load in bulk", async () => {
    const { db } = await getDb();
    const header =
      "번호,설치장소명,설치장소상세,설치시도명,설치시군구명,설치시설구분,서비스제공사명,와이파이SSID,설치연월,소재지도로명주소,소재지지번주소,관리기관명,관리기관전화번호,WGS84위도,WGS84경도,데이터기준일자";
    const lines = Array.from({ length: 12 }, (_, i) => `${i},집계 대량 ${i},,경상남도,진주시,공원,SKT,T,2018-0${1 + (i % 9)},,,,,35.1${i},128.1,2026-01-01`);
    await importStandardData(db, { bytes: new Uint8Array(Buffer.from([header, ...lines].join("\n"))), dryRun: false, actor: "test", gridRebuildFrom: 5 });
    await expectInStep();
  });
});
