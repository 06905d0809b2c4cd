import { and, count, countDistinct, eq, isNotNull, isNull, or, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "../server/database";
import { findMunicipalityByCode } from "./queries/common";
import { rolloutSummaryOf } from "./queries/rollout";
import * as s from "./schema";
import { seed } from "./seed";
import { DEMO_USERS, seedUsers } from "./seed/users";
import { readAuthEnv } from "../lib/env";

const jinjuSummary = async () => {
  const { db } = await getDb();
  return rolloutSummaryOf(db, { municipality: await findMunicipalityByCode(db, { code: "48170" }) });
};

async function tableCounts() {
  const { db } = await getDb();
  const tables = [
    s.municipalities,
    s.programs,
    s.planYears,
    s.partners,
    s.programPartnerRoles,
    s.sites,
    s.busOperators,
    s.busBatches,
    s.buses,
    s.accessPoints,
    s.workItems,
    s.pointsOfInterest,
  ];
  return Promise.all(tables.map(async (t) => (await db.select({ n: count() }).from(t))[0]!.n));
}

describe("the Jinju seed", () => {
  it("closes the years whose results the city published (2019, 2020) and keeps 2021 open", async () => {
    const summary = await jinjuSummary();
    expect(summary.years.map((y) => [y.year, y.closed])).toEqual([
      [2019, true],
      [2020, true],
      [2021, false],
    ]);
  });

  it("reproduces the published targets and actuals per plan year", async () => {
    const summary = await jinjuSummary();
    expect(summary.municipality.code).toBe("48170");
    expect(summary.program).toMatchObject({ nameKo: "진주시 공공와이파이 확대 구축 사업", startYear: 2019, endYear: 2021, mouDate: "2019-03" });
    const byYear = Object.fromEntries(summary.years.map((y) => [y.year, y]));
    expect(byYear[2019]!.targets).toMatchObject({ buses: 232, zones: 7, accessPoints: 55 });
    expect(byYear[2019]!.actuals).toMatchObject({ buses: 232, zones: 7, accessPoints: 55 });
    expect(byYear[2020]!.targets).toMatchObject({ buses: 15, zones: 6, accessPoints: 58 });
    expect(byYear[2020]!.actuals).toMatchObject({ buses: 15, zones: 6, accessPoints: 58 });
    expect(byYear[2021]!.targets).toMatchObject({ buses: null, zones: null, accessPoints: null });
    expect(byYear[2021]!.targetCategories).toEqual(["culture_tourism", "bus_stop", "traditional_market"]);
    expect(summary.totals.actuals).toMatchObject({ buses: 247, zones: 13, accessPoints: 113 });
  });

  it("names the partners with their MOU roles", async () => {
    const { partners } = await jinjuSummary();
    expect(partners.map((p) => [p.nameKo, p.kind, p.roles])).toEqual([
      ["KT", "telecom", ["equipment_purchase", "installation"]],
      ["서경방송", "cable_operator", ["line_provision", "line_construction"]],
      ["진주시", "city", ["funding"]],
    ]);
  });

  it("has the six named 2020 zones with their categories, placed inside Jinju, and seven unnamed 2019 zones marked estimate", async () => {
    const { db } = await getDb();
    const zones = await db.select().from(s.sites).orderBy(s.sites.id);
    const z2020 = zones.filter((z) => z.planYear === 2020);
    expect(z2020.map((z) => [z.name, z.category])).toEqual([
      ["남강둔치 상평동~하대동", "riverside"],
      ["남강둔치 주약동~가호동", "riverside"],
      ["혁신도시 (영천강 주변)", "innovation_city"],
      ["주민이용시설 (종합경기장, 도매시장 등)", "resident_facility"],
      ["공원구역 (초전공원, 강주연못 등)", "park"],
      ["경상대학교 (가좌천 문화거리)", "university"],
    ]);
    for (const z of z2020) {
      expect(z.lat!).toBeGreaterThan(35.0509);
      expect(z.lat!).toBeLessThan(35.3508);
      expect(z.lng!).toBeGreaterThan(127.8878);
      expect(z.lng!).toBeLessThan(128.3682);
      expect(z.dong).not.toBeNull();
      // Placed by the seed (a 동's centre, by hand, the first park), not published: the position and its 읍면동 say so.
      expect(z.positionEstimate).toBe(true);
    }
    // Places the city's own file gives are not estimates.
    expect(zones.filter((z) => z.programId === null && z.lat !== null).every((z) => !z.positionEstimate)).toBe(true);
    expect(zones.filter((z) => z.programId === null && z.lat !== null).length).toBeGreaterThan(0);
    const park = z2020.find((z) => z.category === "park")!;
    expect([park.lat, park.lng]).toEqual([35.20888274, 128.1250555]);
    const z2019 = zones.filter((z) => z.planYear === 2019);
    expect(z2019.map((z) => z.name)).toEqual([1, 2, 3, 4, 5, 6, 7].map((i) => `2019년 구역 ${i}`));
    expect(new Set(z2019.map((z) => z.provenance))).toEqual(new Set(["estimate"]));
    expect(z2019.reduce((a, z) => a + z.plannedApCount, 0)).toBe(55);
    expect(z2020.reduce((a, z) => a + z.plannedApCount, 0)).toBe(58);
  });

  it("keeps every program AP on exactly its zone's or bus's record, marked estimate", async () => {
    const { db } = await getDb();
    const [siteAps] = await db
      .select({ n: count() })
      .from(s.accessPoints)
      .innerJoin(s.sites, eq(s.accessPoints.siteId, s.sites.id))
      .where(isNotNull(s.sites.programId));
    const [busAps] = await db.select({ n: count() }).from(s.accessPoints).where(isNull(s.accessPoints.siteId));
    expect(siteAps!.n).toBe(113);
    expect(busAps!.n).toBe(247);
    // One AP on each bus.
    const [buses] = await db.select({ n: countDistinct(s.accessPoints.busId) }).from(s.accessPoints);
    expect(buses!.n).toBe(247);
    const provenances = await db
      .selectDistinct({ p: s.accessPoints.provenance })
      .from(s.accessPoints)
      .leftJoin(s.sites, eq(s.accessPoints.siteId, s.sites.id))
      .where(or(isNotNull(s.sites.programId), isNotNull(s.accessPoints.busId)));
    expect(provenances).toEqual([{ p: "estimate" }]);
    const firstBuses = await db
      .select({ ssid: s.accessPoints.ssid })
      .from(s.accessPoints)
      .innerJoin(s.buses, eq(s.accessPoints.busId, s.buses.id))
      .where(and(eq(s.buses.installYear, 2019), eq(s.buses.installMonth, 5)));
    expect(firstBuses).toHaveLength(32);
    expect(new Set(firstBuses.map((b) => b.ssid))).toEqual(new Set(["120", "130", "280", "290", "350"].map((r) => `PublicWiFi@BUS_${r}`)));
  });

  it("has done work items for 2019 and 2020 for each partner and kind, and open ones for 2021", async () => {
    const { db } = await getDb();
    const rows = await db
      .select({ year: s.workItems.planYear, partner: s.partners.nameKo, kind: s.workItems.kind, status: s.workItems.status, n: count() })
      .from(s.workItems)
      .innerJoin(s.partners, eq(s.workItems.partnerId, s.partners.id))
      .groupBy(s.workItems.planYear, s.partners.nameKo, s.workItems.kind, s.workItems.status)
      .orderBy(s.workItems.planYear, s.partners.nameKo, sql`${s.workItems.kind}`);
    const key = (r: (typeof rows)[number]) => `${r.year} ${r.partner} ${r.kind} ${r.status}`;
    const keys = rows.map(key);
    for (const year of [2019, 2020]) {
      for (const [partner, kinds] of [
        ["KT", ["equipment_purchase", "installation"]],
        ["서경방송", ["line_provision", "line_construction"]],
        ["진주시", ["funding"]],
      ] as const) {
        for (const kind of kinds) expect(keys).toContain(`${year} ${partner} ${kind} done`);
      }
    }
    expect(rows.filter((r) => r.year === 2021).map((r) => `${r.partner} ${r.kind} ${r.status}`)).toEqual([
      "KT equipment_purchase not_started",
      "KT installation not_started",
      "서경방송 line_provision not_started",
      "서경방송 line_construction not_started",
      "진주시 funding not_started",
    ]);
  });

  it("imports Jinju's public Wi-Fi from before the program: the 2016 standard data, 55 sites", async () => {
    const { db } = await getDb();
    const imported = await db
      .select()
      .from(s.sites)
      .where(and(eq(s.sites.provenance, "import"), isNull(s.sites.programId)));
    expect(imported).toHaveLength(55);
    expect(imported.filter((x) => x.lat === null).map((x) => x.name)).toEqual(["진주시외버스터미널"]);
    const [aps] = await db.select({ n: count() }).from(s.accessPoints).where(eq(s.accessPoints.provenance, "import"));
    expect(aps!.n).toBe(55);
    // The program's own figures are untouched by them.
    expect((await jinjuSummary()).totals.actuals).toMatchObject({ buses: 247, zones: 13, accessPoints: 113 });
    // Each is in the 읍면동 holding its position: an office of a 읍 or 면 in that 읍 or 면.
    const offices = imported.filter((x) => /[읍면]사무소$/.test(x.name));
    expect(offices.length).toBeGreaterThanOrEqual(10);
    for (const o of offices) expect(o.dong, o.name).toBe(o.name.replace(/사무소$/, ""));
    expect(imported.filter((x) => x.lat !== null && x.dong === null).map((x) => x.name)).toEqual([]);
  });

  it("places zones imported before imports placed them in their 읍면동, once, with an audit entry each", async () => {
    const { db } = await getDb();
    const [office] = await db.select().from(s.sites).where(eq(s.sites.name, "문산읍사무소"));
    const [moved] = await db.select().from(s.sites).where(eq(s.sites.name, "내동면사무소"));
    // As a database imported before: no 읍면동; and one a planner placed, which stays as it is.
    await db.update(s.sites).set({ dong: null }).where(eq(s.sites.id, office!.id));
    await db.update(s.sites).set({ dong: "평거동" }).where(eq(s.sites.id, moved!.id));
    await db.delete(s.seedSteps).where(eq(s.seedSteps.name, "zone-dongs-from-positions-v1"));
    expect(await seed(db)).toEqual(["zone-dongs-from-positions-v1"]);
    const [after] = await db.select().from(s.sites).where(eq(s.sites.id, office!.id));
    expect(after).toMatchObject({ dong: "문산읍", version: office!.version + 1 });
    const [kept] = await db.select().from(s.sites).where(eq(s.sites.id, moved!.id));
    expect(kept!.dong).toBe("평거동");
    const entries = await db
      .select()
      .from(s.auditEntries)
      .where(and(eq(s.auditEntries.entityType, "site"), eq(s.auditEntries.entityId, String(office!.id)), eq(s.auditEntries.action, "update")));
    expect(entries.map((e) => [e.actor, e.before, e.after])).toEqual([["seed", { dong: null }, { dong: "문산읍" }]]);
    await db.update(s.sites).set({ dong: "내동면" }).where(eq(s.sites.id, moved!.id));
  });

  it("loads the points of interest from the shipped portal files", async () => {
    const { db } = await getDb();
    const rows = await db
      .select({ kind: s.pointsOfInterest.kind, n: count(), located: count(s.pointsOfInterest.lat) })
      .from(s.pointsOfInterest)
      .groupBy(s.pointsOfInterest.kind);
    const byKind = Object.fromEntries(rows.map((r) => [r.kind, [r.n, r.located]]));
    expect(byKind).toEqual({ traditional_market: [14, 14], park: [126, 110], tourist_spot: [12, 12], parking: [58, 58] });
    const [castle] = await db.select().from(s.pointsOfInterest).where(eq(s.pointsOfInterest.name, "진주성"));
    expect([castle!.lat, castle!.lng]).toEqual([35.19043229, 128.0802214]);
  });

  it("changes nothing when run again, and leaves a user's edit alone", async () => {
    const { db } = await getDb();
    const [zone] = await db.select().from(s.sites).where(eq(s.sites.name, "혁신도시 (영천강 주변)"));
    await db.update(s.sites).set({ notes: "현장 확인 필요", plannedApCount: 12 }).where(eq(s.sites.id, zone!.id));
    const before = await tableCounts();
    expect(await seed(db)).toEqual([]);
    expect(await tableCounts()).toEqual(before);
    const [after] = await db.select().from(s.sites).where(eq(s.sites.id, zone!.id));
    expect(after).toMatchObject({ notes: "현장 확인 필요", plannedApCount: 12 });
  });

  it("makes each login once: an admin address in capitals on every start, or one a demo login already has", async () => {
    const { db } = await getDb();
    const users = async () => (await db.select({ email: s.users.email }).from(s.users)).map((u) => u.email).sort();
    const env = readAuthEnv({ NODE_ENV: "test", ADMIN_EMAIL: "Chief@Jinju.Example", ADMIN_PASSWORD: "chief-pass-2026" });
    expect(await seedUsers(db, env)).toContain("user chief@jinju.example (admin)");
    // The next start finds the address as it was stored, rather than failing on it as taken.
    expect(await seedUsers(db, env)).toEqual([]);
    const same = readAuthEnv({ NODE_ENV: "test", ADMIN_EMAIL: DEMO_USERS[0].email, ADMIN_PASSWORD: "another-pass-2026" });
    await db.delete(s.users).where(eq(s.users.email, DEMO_USERS[0].email));
    expect(await seedUsers(db, same)).toEqual([`user ${DEMO_USERS[0].email} (admin)`]);
    expect((await users()).filter((e) => e === "chief@jinju.example" || e === DEMO_USERS[0].email)).toEqual(["chief@jinju.example", DEMO_USERS[0].email]);
  });
});
