import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/server/database";
import * as s from "@/db/schema";
import { DEMO_USERS } from "@/db/seed/users";
import { testEngine } from "@/db/testing/engines";
import { todayInSeoul } from "@/lib/format";
import { POI_KINDS } from "@/lib/domain";
import { request, signIn } from "./_testing/http";
import { GET as listCandidates, POST as postCandidate } from "./candidates/route";
import { GET as getGaps } from "./gaps/route";
import { GET as getPlan } from "./plan/route";
import { PATCH as patchYear } from "./plan/years/[year]/route";
import { POST as addYear } from "./plan/years/route";
import { PATCH as patchSite } from "./sites/[id]/route";
import { PATCH as patchWorkItem } from "./work-items/[id]/route";
import { GET as listWorkItems } from "./work-items/route";

type Json = Record<string, unknown> & {
  items?: Record<string, unknown>[];
  error?: { code: string; message: string; path?: string; params?: Record<string, unknown>; issues?: unknown };
};
const cookie = {} as Record<string, string>;
const json = async (res: Response) => ({ status: res.status, body: (await res.json()) as Json });
const ctx = (id: number | string) => ({ params: Promise.resolve({ id: String(id) }) });
const auditCount = async () => (await (await getDb()).db.select({ n: sql<number>`count(*)::int` }).from(s.auditEntries))[0]!.n;

let market: { name: string; lat: number; lng: number };
const candidate = () => ({
  name: `${market.name} 와이파이`,
  category: "traditional_market",
  planYear: 2021,
  plannedApCount: 4,
  lat: market.lat,
  lng: market.lng,
  notes: "상인회 요청",
});
const patchSiteAs = (who: string | undefined, id: number, body: unknown) =>
  patchSite(request(`/api/sites/${id}`, { method: "PATCH", body, cookie: who && cookie[who] }), ctx(id));

describe(`planning on ${testEngine()}`, () => {
  beforeAll(async () => {
    for (const u of DEMO_USERS) cookie[u.role] = (await signIn(u.email, u.password)).cookie;
    const gaps = await json(await getGaps(request("/api/gaps?kind=traditional_market")));
    market = gaps.body.items![0] as typeof market;
  });

  it("lists the markets no AP covers yet", async () => {
    const gaps = await json(await getGaps(request("/api/gaps")));
    expect(gaps.status).toBe(200);
    const byKind = gaps.body.byKind as Record<string, { total: number; uncovered: number }>;
    expect(byKind.traditional_market!.total).toBe(14);
    expect(byKind.traditional_market!.uncovered).toBeGreaterThan(0);
    expect(byKind.traditional_market!.uncovered).toBeLessThanOrEqual(14);
  });

  it("pages the places without Wi-Fi: every one once, the counts of every kind on each page", async () => {
    const all = await json(await getGaps(request("/api/gaps?pageSize=500")));
    const byKind = all.body.byKind as Record<string, { total: number; uncovered: number }>;
    const total = Object.values(byKind).reduce((n, k) => n + k.uncovered, 0);
    expect(all.body.total).toBe(total);
    expect(total).toBeGreaterThan(50);
    const names: string[] = [];
    for (let page = 1; page <= Math.ceil(total / 50); page++) {
      const one = await json(await getGaps(request(`/api/gaps?page=${page}`)));
      expect(one.body.total).toBe(total);
      expect(one.body.byKind).toEqual(byKind);
      expect(one.body.items!.length).toBe(Math.min(50, total - (page - 1) * 50));
      names.push(...one.body.items!.map((p) => `${p.id}`));
    }
    expect(names).toEqual(all.body.items!.map((p) => `${p.id}`));
    // In the order the screen's counts show the kinds: markets first, not the kinds' codes in the alphabet's order.
    const kinds = all.body.items!.map((p) => (p as { kind: (typeof POI_KINDS)[number] }).kind);
    expect(kinds[0]).toBe("traditional_market");
    expect(kinds).toEqual([...kinds].sort((a, b) => POI_KINDS.indexOf(a) - POI_KINDS.indexOf(b)));
    expect((await getGaps(request("/api/gaps?pageSize=501"))).status).toBe(400);
  });

  it("validates a new candidate field by field, on the server too", async () => {
    const post = (body: unknown, who = "planner") => postCandidate(request("/api/candidates", { body, cookie: cookie[who] }));
    expect((await postCandidate(request("/api/candidates", { body: candidate() }))).status).toBe(401);
    expect((await post(candidate(), "viewer")).status).toBe(403);
    expect((await post(candidate(), "partner")).status).toBe(403);
    const bad = await json(await post({ ...candidate(), name: "", plannedApCount: 201 }));
    expect(bad.status).toBe(400);
    expect(bad.body.error!.issues).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: "name" }), { code: "too_big", path: "plannedApCount", params: { maximum: 200, value: 201 } }]),
    );
    const year = await json(await post({ ...candidate(), planYear: 2030 }));
    expect(year).toMatchObject({ status: 400, body: { error: { path: "planYear", issues: [{ code: "outside_program", path: "planYear" }] } } });
    const outside = await json(await post({ ...candidate(), lat: 37.5665, lng: 126.978 }));
    expect(outside).toMatchObject({ status: 400, body: { error: { issues: [{ path: "lat", code: "outside_municipality" }] } } });
  });

  it("names a zone's 읍면동 from where it stands, and a zone a planner moves is no longer an estimated place", async () => {
    const { db } = await getDb();
    const created = await json(await postCandidate(request("/api/candidates", { body: { ...candidate(), name: "읍면동 시험" }, cookie: cookie.planner })));
    expect(created.status).toBe(201);
    // The market's 동, from the 읍면동 outlines, rather than none.
    expect(created.body).toMatchObject({ positionEstimate: false, dong: expect.stringMatching(/[동읍면]$/) });

    // A 2020 zone the seed placed at the centre of 충무공동 (혁신도시): its place is an estimate.
    const [zone] = await db.select().from(s.sites).where(eq(s.sites.name, "혁신도시 (영천강 주변)"));
    expect(zone).toMatchObject({ positionEstimate: true, dong: "충무공동" });
    // The planner puts it at the market instead (another 동): surveyed now, in the market's 동.
    const moved = await json(await patchSiteAs("planner", zone!.id, { version: zone!.version, lat: market.lat, lng: market.lng }));
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ positionEstimate: false, dong: created.body.dong });
    // Changing anything else leaves the place as it was.
    const [other] = await db.select().from(s.sites).where(eq(s.sites.name, "남강둔치 상평동~하대동"));
    const renamed = await json(await patchSiteAs("planner", other!.id, { version: other!.version, plannedApCount: other!.plannedApCount + 1 }));
    expect(renamed.body).toMatchObject({ positionEstimate: true, dong: other!.dong });
  });

  it("takes a candidate through its lifecycle: ranked with score parts, approved with work items, conflicts caught", async () => {
    const before = await auditCount();
    const created = await json(await postCandidate(request("/api/candidates", { body: candidate(), cookie: cookie.planner })));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: "candidate", version: 1, planYear: 2021, plannedApCount: 4 });
    expect(await auditCount()).toBe(before + 1);
    const id = created.body.id as number;

    // Ranked with the parts of its score: an uncovered market within the radius, and 2021's priority.
    const list = await json(await listCandidates(request("/api/candidates", { cookie: cookie.viewer })));
    const row = list.body.items!.find((c) => c.id === id)!;
    const score = row.score as {
      total: number;
      distancePoints: number;
      poiPoints: number;
      priorityPoints: number;
      residentsPoints: number;
      residents: { dong: string; voters: number; activeAps: number; share: number } | null;
      uncovered: { kind: string; count: number }[];
      priority: boolean;
    };
    expect(score.priority).toBe(true);
    expect(score.uncovered).toContainEqual(expect.objectContaining({ kind: "traditional_market", count: 1 }));
    expect(score.total).toBeCloseTo(score.distancePoints + score.poiPoints + score.priorityPoints + score.residentsPoints, 5);
    // The market lies in one of Jinju's 읍면동: its voters, shared by the active APs there and the candidate.
    expect(score.residents).not.toBeNull();
    expect(score.residents!.share).toBe(Math.round(score.residents!.voters / (score.residents!.activeAps + 1)));
    expect(score.residentsPoints).toBeCloseTo(Math.round(15 * Math.min(1, score.residents!.share / 5000) * 10) / 10, 5);
    expect(row.notes).toBe("상인회 요청");
    const anon = await json(await listCandidates(request("/api/candidates")));
    expect(anon.body.items!.find((c) => c.id === id)).not.toHaveProperty("notes");
    // How the score is made is public; the unit costs are settings, which only members read.
    expect(anon.body).toHaveProperty("scoring.coverageRadiusM");
    expect(JSON.stringify(anon.body)).not.toMatch(/unitCosts|equipmentPerAp/);

    // An illegal jump names the allowed moves.
    const jump = await json(await patchSiteAs("planner", id, { version: 1, status: "active" }));
    expect(jump.status).toBe(422);
    expect(jump.body.error).toMatchObject({ path: "status", params: { from: "candidate", allowed: ["surveyed", "rejected"] } });

    const surveyed = await json(await patchSiteAs("planner", id, { version: 1, status: "surveyed" }));
    expect(surveyed).toMatchObject({ status: 200, body: { status: "surveyed", version: 2 } });
    // A second planner still holding version 1 gets the newer record back, not a silent overwrite.
    const stale = await json(await patchSiteAs("admin", id, { version: 1, name: "덮어쓰기" }));
    expect(stale.status).toBe(409);
    expect(stale.body.error!.params).toMatchObject({ current: { status: "surveyed", version: 2, name: `${market.name} 와이파이` } });

    // A year whose results are published is closed to new work; a due date in the past is refused.
    const closed = await json(await patchSiteAs("planner", id, { version: 2, status: "approved", planYear: 2020 }));
    expect(closed).toMatchObject({ status: 400, body: { error: { path: "planYear", issues: [{ code: "closed_year" }] } } });
    const pastDue = await json(await patchSiteAs("planner", id, { version: 2, status: "approved", planYear: 2021, dueDate: "2020-01-01" }));
    expect(pastDue).toMatchObject({ status: 400, body: { error: { path: "dueDate", issues: [{ code: "past" }] } } });

    const approved = await json(await patchSiteAs("planner", id, { version: 2, status: "approved", planYear: 2021 }));
    expect(approved).toMatchObject({ status: 200, body: { status: "approved", version: 3 } });
    const { db } = await getDb();
    // 2021 is still open but its end has passed: the new work is due 90 days out, not overdue at birth.
    const due = await db.select({ due: s.workItems.dueDate }).from(s.workItems).where(eq(s.workItems.siteId, id));
    const today = todayInSeoul();
    expect(due.every((w) => w.due !== null && w.due > today)).toBe(true);
    // Approved, it stays on the list under "all" with its status.
    const all = await json(await listCandidates(request("/api/candidates", { cookie: cookie.viewer })));
    expect(all.body.items!.find((c) => c.id === id)).toMatchObject({ status: "approved", planYear: 2021 });
    const items = await db
      .select({
        kind: s.workItems.kind,
        partner: s.partners.nameKo,
        planned: s.workItems.plannedCostKrw,
        status: s.workItems.status,
        paidBy: s.workItems.paidByPartnerId,
      })
      .from(s.workItems)
      .innerJoin(s.partners, eq(s.partners.id, s.workItems.partnerId))
      .where(eq(s.workItems.siteId, id));
    expect(items.map((w) => `${w.partner}:${w.kind}`).sort()).toEqual([
      "KT:equipment_purchase",
      "KT:installation",
      "서경방송:line_construction",
      "서경방송:line_provision",
      "진주시:funding",
    ]);
    expect(items.find((w) => w.kind === "equipment_purchase")!.planned).toBe(3_200_000);
    // The zone costs ₩6,000,000, counted once: on the work, which the city pays for; its funding item has no amount of its own.
    expect(items.find((w) => w.kind === "funding")!.planned).toBeNull();
    expect(items.reduce((n, w) => n + (w.planned ?? 0), 0)).toBe(6_000_000);
    const [city] = await db.select({ id: s.partners.id }).from(s.partners).where(eq(s.partners.nameKo, "진주시"));
    expect(items.filter((w) => w.kind !== "funding").every((w) => w.paidBy === city!.id)).toBe(true);
    const aps = await db.select().from(s.accessPoints).where(eq(s.accessPoints.siteId, id));
    expect(aps.map((a) => a.status)).toEqual(["planned", "planned", "planned", "planned"]);

    // Once approved, the market counts as covered: it is no longer a gap.
    const gaps = await json(await getGaps(request("/api/gaps?kind=traditional_market")));
    expect(gaps.body.items!.map((p) => p.name)).not.toContain(market.name);

    // The telecom marks its equipment item done, with its actual cost; the plan's 2021 actual budget moves.
    const kt = await json(await listWorkItems(request(`/api/work-items?year=2021&open=1`, { cookie: cookie.partner })));
    const equipment = kt.body.items!.find((w) => w.siteId === id && w.kind === "equipment_purchase")!;
    const line = kt.body.items!.find((w) => w.siteId === id && w.kind === "line_provision")!;
    const patchItem = (who: string | undefined, w: Record<string, unknown>, body: Record<string, unknown>) =>
      patchWorkItem(
        request(`/api/work-items/${w.id}`, { method: "PATCH", body: { version: w.version, ...body }, cookie: who && cookie[who] }),
        ctx(w.id as number),
      );
    expect((await patchItem(undefined, equipment, { status: "done" })).status).toBe(401);
    expect((await patchItem("viewer", equipment, { status: "done" })).status).toBe(403);
    expect((await patchItem("partner", line, { status: "done" })).status).toBe(403);
    expect((await patchItem("partner", equipment, { actualCostKrw: -5 })).status).toBe(400);
    expect((await patchItem("partner", equipment, { plannedCostKrw: 1 })).status).toBe(403);
    // Only a planner says who pays, only a funder of the program may, and a funding item takes no amount.
    expect(await json(await patchItem("partner", equipment, { paidByPartnerId: null }))).toMatchObject({
      status: 403,
      body: { error: { issues: [{ code: "planner_only", path: "paidByPartnerId" }] } },
    });
    const [ktId] = await db.select({ id: s.partners.id }).from(s.partners).where(eq(s.partners.nameKo, "서경방송"));
    expect(await json(await patchItem("planner", equipment, { paidByPartnerId: ktId!.id }))).toMatchObject({
      status: 400,
      body: { error: { issues: [{ code: "not_a_funder", path: "paidByPartnerId" }] } },
    });
    const planned = await json(await listWorkItems(request(`/api/work-items?year=2021`, { cookie: cookie.planner })));
    const funding = planned.body.items!.find((w) => w.siteId === id && w.kind === "funding")!;
    // The funding item's amount is the work it pays for: the zone's ₩6,000,000.
    expect(funding).toMatchObject({ plannedCostKrw: null, funds: { planned: { known: 6_000_000, unknown: 0 } } });
    expect(await json(await patchItem("planner", funding, { plannedCostKrw: 6_000_000 }))).toMatchObject({
      status: 400,
      body: { error: { issues: [{ code: "funding_has_no_cost", path: "plannedCostKrw" }] } },
    });
    const planBefore = await json(await getPlan(request("/api/plan", { cookie: cookie.planner })));
    const y2021 = (p: Json) => (p.years as { year: number; actuals: { budgetKrw: number | null } }[]).find((y) => y.year === 2021)!;
    const done = await json(await patchItem("partner", equipment, { status: "done", actualCostKrw: 3_500_000 }));
    expect(done).toMatchObject({ status: 200, body: { status: "done", actualCostKrw: 3_500_000, overBudget: true } });
    const planAfter = await json(await getPlan(request("/api/plan", { cookie: cookie.planner })));
    expect((y2021(planAfter.body).actuals.budgetKrw ?? 0) - (y2021(planBefore.body).actuals.budgetKrw ?? 0)).toBe(3_500_000);
    expect((await patchItem("planner", equipment, { status: "in_progress" })).status).toBe(409);

    // Installing, then active: the planned APs go live.
    expect((await patchSiteAs("planner", id, { version: 3, status: "installing" })).status).toBe(200);
    expect((await patchSiteAs("planner", id, { version: 4, status: "active" })).status).toBe(200);
    const live = await db
      .select()
      .from(s.accessPoints)
      .where(and(eq(s.accessPoints.siteId, id), eq(s.accessPoints.status, "active")));
    expect(live).toHaveLength(4);
    const trail = await db
      .select()
      .from(s.auditEntries)
      .where(and(eq(s.auditEntries.entityType, "site"), eq(s.auditEntries.entityId, String(id))));
    expect(trail.map((e) => e.action)).toEqual(["create", "update", "update", "update", "update"]);
  });

  it("needs a reason to reject, and rejecting an approved zone cancels its open work", async () => {
    const created = await json(
      await postCandidate(request("/api/candidates", { body: { ...candidate(), name: "반려 시험", lat: market.lat + 0.001 }, cookie: cookie.planner })),
    );
    const id = created.body.id as number;
    await patchSiteAs("planner", id, { version: 1, status: "surveyed" });
    await patchSiteAs("planner", id, { version: 2, status: "approved" });
    const noReason = await json(await patchSiteAs("planner", id, { version: 3, status: "rejected" }));
    expect(noReason).toMatchObject({ status: 400, body: { error: { issues: [{ path: "statusReason", code: "required" }] } } });
    const rejected = await json(await patchSiteAs("planner", id, { version: 3, status: "rejected", statusReason: "건물 철거 예정" }));
    expect(rejected).toMatchObject({ status: 200, body: { status: "rejected", statusReason: "건물 철거 예정" } });
    const { db } = await getDb();
    const statuses = await db.select({ status: s.workItems.status }).from(s.workItems).where(eq(s.workItems.siteId, id));
    expect(statuses.map((w) => w.status)).toEqual(["cancelled", "cancelled", "cancelled", "cancelled", "cancelled"]);
    expect(await db.select().from(s.accessPoints).where(eq(s.accessPoints.siteId, id))).toEqual([]);
  });

  it("allows exactly the legal moves between every pair of statuses", async () => {
    const { db } = await getDb();
    const [jinju] = await db.select().from(s.municipalities).where(eq(s.municipalities.code, "48170"));
    const [program] = await db.select().from(s.programs).where(eq(s.programs.municipalityId, jinju!.id));
    const statuses = ["candidate", "surveyed", "approved", "installing", "active", "decommissioned", "rejected"] as const;
    const legal = new Set([
      "candidate>surveyed",
      "candidate>rejected",
      "surveyed>approved",
      "surveyed>rejected",
      "approved>installing",
      "approved>rejected",
      "installing>active",
      "active>decommissioned",
      "rejected>candidate",
    ]);
    const outcomes: string[] = [];
    for (const from of statuses) {
      for (const to of statuses) {
        if (from === to) continue;
        const [site] = await db
          .insert(s.sites)
          .values({
            municipalityId: jinju!.id,
            programId: program!.id,
            name: `전이 ${from}>${to}`,
            category: "park",
            status: from,
            planYear: 2021,
            plannedApCount: 1,
            lat: market.lat,
            lng: market.lng,
            provenance: "manual",
          })
          .returning();
        const res = await json(await patchSiteAs("planner", site!.id, { version: 1, status: to, statusReason: "시험" }));
        outcomes.push(`${from}>${to}:${res.status}`);
        if (res.status === 422) expect((res.body.error!.params as { allowed: string[] }).allowed.every((a) => legal.has(`${from}>${a}`))).toBe(true);
      }
    }
    expect(outcomes).toEqual(
      statuses.flatMap((from) => statuses.filter((to) => to !== from).map((to) => `${from}>${to}:${legal.has(`${from}>${to}`) ? 200 : 422}`)),
    );
  });

  it("answers 404 for another municipality's zone", async () => {
    const { db } = await getDb();
    const [other] = await db.select().from(s.municipalities).where(eq(s.municipalities.code, "48330"));
    const [site] = await db
      .insert(s.sites)
      .values({ municipalityId: other!.id, name: "양산 구역", category: "park", status: "candidate", provenance: "manual" })
      .returning();
    expect((await patchSiteAs("planner", site!.id, { version: 1, status: "surveyed" })).status).toBe(404);
  });

  it("keeps published targets, extends the program by a year whose targets can be set", async () => {
    const patch = (year: number, body: unknown, who = "planner") =>
      patchYear(request(`/api/plan/years/${year}`, { method: "PATCH", body, cookie: cookie[who] }), { params: Promise.resolve({ year: String(year) }) });
    expect((await patch(2021, { version: 1, targetZones: 10 })).status).toBe(422);
    expect((await addYear(request("/api/plan/years", { body: {}, cookie: cookie.viewer }))).status).toBe(403);
    const added = await json(await addYear(request("/api/plan/years", { body: {}, cookie: cookie.planner })));
    expect(added).toMatchObject({ status: 201, body: { year: 2022, version: 1 } });
    const set = await json(
      await patch(2022, {
        version: 1,
        targetZones: 12,
        targetAccessPoints: 60,
        targetBudgetKrw: 150_000_000,
        targetCategories: ["traditional_market", "bus_stop"],
      }),
    );
    expect(set).toMatchObject({ status: 200, body: { targetZones: 12, version: 2 } });
    expect((await patch(2022, { version: 1, targetZones: 13 })).status).toBe(409);
    expect((await patch(2022, { version: 2, targetBudgetKrw: -1 })).status).toBe(400);
    const plan = await json(await getPlan(request("/api/plan")));
    expect((plan.body.years as { year: number }[]).map((y) => y.year)).toEqual([2019, 2020, 2021, 2022]);
  });
});
