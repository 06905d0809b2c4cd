import { describe, expect, it } from "vitest";
import { GET as getAccessPoints } from "./access-points/route";
import { GET as getBuses } from "./buses/route";
import { GET as getHealth } from "./health/route";
import { GET as getSite } from "./sites/[id]/route";
import { GET as getSites } from "./sites/route";
import { GET as getSummary } from "./summary/route";
import { eq } from "drizzle-orm";
import { countBusesByStatus } from "@/db/queries/buses";
import * as schema from "@/db/schema";
import { testEngine } from "@/db/testing/engines";
import { BUS_STATUSES } from "@/lib/domain";
import { getDb } from "@/server/database";

const req = (path: string) => new Request(`http://localhost${path}`);
const ctx = (id: string) => ({ params: Promise.resolve({ id }) });

async function json(res: Response | Promise<Response>) {
  const r = await res;
  return { status: r.status, body: (await r.json()) as Record<string, unknown> & { items?: Record<string, unknown>[]; total?: number } };
}

describe(`JSON API on ${testEngine()}`, () => {
  it("reports health with the engine in use", async () => {
    expect(await json(getHealth())).toEqual({ status: 200, body: { ok: true, database: testEngine() } });
  });

  it("serves the rollout summary", async () => {
    const { status, body } = await json(getSummary(req("/api/summary")));
    expect(status).toBe(200);
    expect(body.totals).toMatchObject({ actuals: { buses: 247, zones: 13, accessPoints: 113 } });
    // Targets over all years: what the set ones add up to, and how many years have none (2021's were never set).
    expect(body.totals).toMatchObject({
      targets: { buses: { known: 247, unknown: 1 }, zones: { known: 13, unknown: 1 }, accessPoints: { known: 113, unknown: 1 } },
    });
  });

  it("filters sites by year, status, category and bbox", async () => {
    expect((await json(getSites(req("/api/sites?year=2020")))).body.total).toBe(6);
    expect((await json(getSites(req("/api/sites?year=2019&status=active")))).body.total).toBe(7);
    expect((await json(getSites(req("/api/sites?status=candidate")))).body.total).toBe(0);
    const riverside = await json(getSites(req("/api/sites?category=riverside")));
    expect(riverside.body.items!.map((s) => s.name)).toEqual(["남강둔치 상평동~하대동", "남강둔치 주약동~가호동"]);
    // A box around 초전공원 holds only the park zone's marker.
    const box = await json(getSites(req("/api/sites?bbox=128.12,35.20,128.13,35.215")));
    expect(box.body.items!.map((s) => s.name)).toEqual(["공원구역 (초전공원, 강주연못 등)"]);
  });

  it("tells the program's zones from the rest of the inventory, and together they are every zone", async () => {
    const total = async (q: string) => (await json(getSites(req(`/api/sites${q}`)))).body.total;
    const [all, program, other] = [await total(""), await total("?source=program"), await total("?source=other")];
    // The program's zones are the overview's 13; the rest are the 2016 standard data's sites.
    expect([program, other]).toEqual([13, 55]);
    expect(all).toBe(program! + other!);
    const imported = await json(getSites(req("/api/sites?source=other&pageSize=100")));
    expect(new Set(imported.body.items!.map((s) => s.provenance))).toEqual(new Set(["import"]));
    expect((await json(getSites(req("/api/sites?source=everything")))).status).toBe(400);
  });

  it("sorts and pages sites", async () => {
    const page = await json(getSites(req("/api/sites?sort=apCount&dir=desc&pageSize=4&page=2")));
    // 13 program zones and the 55 sites of the 2016 standard data.
    expect(page.body).toMatchObject({ total: 68, page: 2, pageSize: 4 });
    const counts = page.body.items!.map((s) => s.apCount as number);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(counts).toHaveLength(4);
  });

  it("shows one site with its APs and work items, and 404s an unknown one", async () => {
    const list = await json(getSites(req("/api/sites?q=혁신도시")));
    const id = String(list.body.items![0]!.id);
    const { status, body } = await json(getSite(req(`/api/sites/${id}`), ctx(id)));
    expect(status).toBe(200);
    expect((body.accessPoints as unknown[]).length).toBe(body.plannedApCount);
    expect((body.workItems as { kind: string }[]).map((w) => w.kind).sort()).toEqual([
      "equipment_purchase",
      "funding",
      "installation",
      "line_construction",
      "line_provision",
    ]);
    const missing = await json(getSite(req("/api/sites/999999"), ctx("999999")));
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ error: { code: "not_found" } });
  });

  it("counts buses by status as the list filters them, the installed ones as the summary does", async () => {
    const { db } = await getDb();
    const [jinju] = await db.select().from(schema.municipalities).where(eq(schema.municipalities.code, "48170"));
    const byStatus = await countBusesByStatus(db, { municipalityId: jinju!.id });
    for (const status of BUS_STATUSES) expect((await json(getBuses(req(`/api/buses?status=${status}`)))).body.total, status).toBe(byStatus[status]);
    expect(byStatus).toEqual({ planned: 0, active: 247, retired: 0 });
    const summary = await json(getSummary(req("/api/summary")));
    expect(summary.body.totals).toMatchObject({ actuals: { buses: byStatus.active + byStatus.retired } });
  });

  it("filters buses by year and APs by kind, year, category and bbox", async () => {
    expect((await json(getBuses(req("/api/buses?year=2020")))).body.total).toBe(15);
    expect((await json(getBuses(req("/api/buses?q=350")))).body.total).toBe(6);
    expect((await json(getAccessPoints(req("/api/access-points?kind=bus")))).body.total).toBe(247);
    expect((await json(getAccessPoints(req("/api/access-points?kind=site&year=2019")))).body.total).toBe(55);
    expect((await json(getAccessPoints(req("/api/access-points?category=park")))).body.total).toBe(9);
    const nearChojeon = await json(getAccessPoints(req("/api/access-points?bbox=128.12,35.20,128.13,35.215")));
    expect(nearChojeon.body.total).toBe(5);
  });

  it.each([
    ["/api/sites?bbox=1,2,3", "bbox"],
    ["/api/sites?bbox=128.2,35,128.1,35.3", "bbox"],
    ["/api/sites?bbox=a,b,c,d", "bbox"],
    ["/api/sites?year=twenty", "year"],
    ["/api/sites?status=open", "status"],
    ["/api/sites?category=cafe", "category"],
    ["/api/sites?pageSize=5000", "pageSize"],
    ["/api/sites?sort=password", "sort"],
    ["/api/sites?colour=red", "colour"],
    ["/api/buses?status=flying", "status"],
    ["/api/access-points?kind=tram", "kind"],
    ["/api/access-points?bbox=0,0,200,1", "bbox"],
  ])("answers 400 naming the parameter for %s", async (path, param) => {
    const handler = path.startsWith("/api/buses") ? getBuses : path.startsWith("/api/access-points") ? getAccessPoints : getSites;
    const { status, body } = await json(handler(req(path)));
    expect(status).toBe(400);
    const error = body.error as { code: string; message: string; path: string; issues: { path: string }[] };
    expect(error.code).toBe("bad_request");
    expect(error.message).toContain(param);
    expect(error.path).toBe(param);
    expect(error.issues[0]!.path).toBe(param);
  });
});
