import { and, eq, inArray } from "drizzle-orm";
import ExcelJS from "exceljs";
import { extractText, getDocumentProxy } from "unpdf";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/server/database";
import * as s from "@/db/schema";
import { DEMO_USERS } from "@/db/seed/users";
import { testEngine } from "@/db/testing/engines";
import { request, signIn } from "./_testing/http";
import { POST as postCandidate } from "./candidates/route";
import { GET as getGaps } from "./gaps/route";
import { POST as postProposal } from "./plan/proposals/route";
import { POST as acceptProposal } from "./plan/proposals/accept/route";
import { GET as getExport } from "./plan/proposals/export/route";
import { ONE_DECIMAL } from "@/lib/format";

type Json = Record<string, unknown> & { error?: { code: string; issues?: { code: string; path: string }[] } };
const json = async (res: Response) => ({ status: res.status, body: (await res.json()) as Json });
const cookie = {} as Record<string, string>;
type View = {
  chosen: {
    siteId: number;
    name: string;
    costKrw: number;
    gain: number;
    why: { dong: string | null; places: { kind: string; count: number }[]; fromPlace: boolean };
  }[];
  placeAps: number;
  targetShare: { share: number; min: number | null; met: boolean; swapped: number };
  left: { siteId: number; why: string }[];
  totals: { costKrw: number; gain: number; residentsCovered: number };
  curve: { budgetKrw: number; gain: number }[];
  unitCosts: Record<string, number>;
};

describe(`proposals for an open year on ${testEngine()}`, () => {
  const ids: Record<string, number> = {};
  // 2 APs each at the default unit costs: 2 × (₩800,000 + ₩300,000) + ₩400,000 + ₩1,200,000.
  const ZONE = 3_800_000;

  beforeAll(async () => {
    for (const u of DEMO_USERS) cookie[u.role] = (await signIn(u.email, u.password)).cookie;
    const gaps = (await json(await getGaps(request("/api/gaps?kind=traditional_market")))).body as { items: { name: string; lat: number; lng: number }[] };
    const [m1, m2] = gaps.items;
    const make = async (key: string, name: string, lat: number, lng: number) => {
      const res = await json(
        await postCandidate(
          request("/api/candidates", { body: { name, category: "traditional_market", planYear: 2021, plannedApCount: 2, lat, lng }, cookie: cookie.planner }),
        ),
      );
      expect(res.status).toBe(201);
      ids[key] = res.body.id as number;
    };
    // Two candidates at the same market (they cover the same place and the same people), and one at another.
    await make("a", `${m1!.name} 동문`, m1!.lat, m1!.lng);
    await make("b", `${m1!.name} 서문`, m1!.lat + 0.0001, m1!.lng);
    await make("c", `${m2!.name} 입구`, m2!.lat, m2!.lng);
  });

  const propose = (body: unknown, who = "planner") => postProposal(request("/api/plan/proposals", { body, cookie: cookie[who] }));

  it("is for planners, names a closed or unknown year, and refuses pins over the budget", async () => {
    expect((await propose({ planYear: 2021, budgetKrw: ZONE }, "viewer")).status).toBe(403);
    expect((await postProposal(request("/api/plan/proposals", { body: { planYear: 2021, budgetKrw: ZONE } }))).status).toBe(401);
    const closed = await json(await propose({ planYear: 2020, budgetKrw: ZONE }));
    expect(closed).toMatchObject({ status: 400, body: { error: { issues: [{ code: "closed_year", path: "planYear" }] } } });
    const pins = await json(await propose({ planYear: 2021, budgetKrw: ZONE, pinnedIn: [ids.a, ids.c] }));
    expect(pins).toMatchObject({ status: 400, body: { error: { issues: [{ code: "pins_over_budget", path: "budgetKrw" }] } } });
  });

  it("chooses within the budget, credits the twin at the same market once, and draws the curve", async () => {
    const res = await json(await propose({ planYear: 2021, budgetKrw: 2 * ZONE }));
    expect(res.status).toBe(200);
    const p = res.body as unknown as View;
    const ours = (list: { siteId: number }[]) => list.filter((x) => Object.values(ids).includes(x.siteId)).map((x) => x.siteId);
    expect(p.totals.costKrw).toBeLessThanOrEqual(2 * ZONE);
    expect(p.chosen.every((c) => c.costKrw === ZONE)).toBe(true);
    // Of the two at one market, at most one is chosen; the other says why it was left.
    expect(ours(p.chosen).filter((id) => id === ids.a || id === ids.b)).toHaveLength(1);
    const twin = p.left.find((l) => l.siteId === ids.a || l.siteId === ids.b)!;
    expect(["already_covered", "over_budget"]).toContain(twin.why);
    expect(p.chosen.find((c) => c.siteId === ids.a || c.siteId === ids.b)!.why.places).toContainEqual({ kind: "traditional_market", count: 1 });
    // The curve from ₩0 to twice the budget, never falling.
    expect(p.curve[0]).toEqual({ budgetKrw: 0, gain: 0 });
    expect(p.curve.at(-1)!.budgetKrw).toBe(4 * ZONE);
    for (let i = 1; i < p.curve.length; i++) expect(p.curve[i]!.gain).toBeGreaterThanOrEqual(p.curve[i - 1]!.gain);
    expect(p.unitCosts).toMatchObject({ equipmentPerAp: 800_000 });
    // The places newly covered, each once: the two markets at least (the twins share one).
    const places = (res.body as { totals: { places: { kind: string; count: number }[] } }).totals.places;
    expect(places.find((x) => x.kind === "traditional_market")!.count).toBeGreaterThanOrEqual(2);
    // What the year would reach: the zones already approved for 2021 plus these, against its target.
    const reach = (res.body as { yearTargets: { zones: { target: number | null; planned: number; proposed: number } } }).yearTargets;
    expect(reach.zones.proposed).toBe(p.chosen.length);
    expect(reach.zones.planned).toBeGreaterThanOrEqual(0);
    // 2021 aims at markets: every zone here is in a target category, so a least share of all of them holds.
    const share = (await json(await propose({ planYear: 2021, budgetKrw: 2 * ZONE, minTargetShare: 1 }))).body as unknown as View;
    expect(share.targetShare).toMatchObject({ share: 1, min: 1, met: true });
  });

  it("writes the proposal as a PDF with its map and curve and as an XLSX, with the same zones as on screen", async () => {
    const onScreen = (await json(await propose({ planYear: 2021, budgetKrw: 2 * ZONE }))).body as unknown as View;
    const download = (format: string) =>
      getExport(request(`/api/plan/proposals/export?format=${format}&planYear=2021&budgetKrw=${2 * ZONE}`, { cookie: cookie.planner }));
    const pdfRes = await download("pdf");
    expect(pdfRes.status).toBe(200);
    expect(pdfRes.headers.get("content-type")).toBe("application/pdf");
    expect(decodeURIComponent(pdfRes.headers.get("content-disposition") ?? "")).toContain("진주시_2021년_구역_제안_");
    const pdf = new Uint8Array(await pdfRes.arrayBuffer());
    const { text } = await extractText(await getDocumentProxy(pdf), { mergePages: true });
    expect(text).toContain("진주시 2021년 구역 제안");
    expect(text).toContain("고른 구역(번호는 고른 순서)");
    expect(text).toContain("예산에 따른 새로 덮는 점수");
    for (const c of onScreen.chosen) expect(text).toContain(c.name);
    // Each zone's gain with the one decimal the spreadsheet's format gives it: "45.0", not "45".
    for (const c of onScreen.chosen) expect(text).toContain(new Intl.NumberFormat("ko-KR", ONE_DECIMAL).format(c.gain));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await (await download("xlsx")).arrayBuffer()) as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(["고른 구역", "고르지 않은 후보", "협력사", "예산 곡선"]);
    const chosenSheet = book.getWorksheet("고른 구역")!;
    // Title, header, then one row per zone (and the total).
    expect(chosenSheet.getRow(3).getCell(2).value).toBe(onScreen.chosen[0]!.name);
    expect(chosenSheet.getRow(3).getCell(5).value).toBe(ZONE);
    // With each zone's position, to put it on a map of one's own.
    expect(typeof chosenSheet.getRow(3).getCell(7).value).toBe("number");
    expect(chosenSheet.getRow(2).getCell(8).value).toBe("경도");
    // Gains keep their decimal and positions their six, not rounded to whole numbers by the format.
    expect([chosenSheet.getColumn(6).numFmt, chosenSheet.getColumn(7).numFmt]).toEqual(["#,##0.0", "0.000000"]);
    expect(book.getWorksheet("예산 곡선")!.rowCount).toBe(2 + onScreen.curve.length);
    // Planners only, as the proposal itself.
    expect((await getExport(request(`/api/plan/proposals/export?format=pdf&planYear=2021&budgetKrw=1`, { cookie: cookie.viewer }))).status).toBe(403);
  });

  it("with places without Wi-Fi asked for, proposes new zones at them, and accepting one makes it a zone with its work", async () => {
    const { db } = await getDb();
    const p = (await json(await propose({ planYear: 2021, budgetKrw: 3 * ZONE, includePlaces: true }))).body as unknown as View;
    const place = p.chosen.find((c) => c.why.fromPlace);
    expect(place, "a place among the chosen").toBeDefined();
    expect(place!.siteId).toBeLessThan(0);
    expect(p.placeAps).toBe(2);
    const accepted = await json(
      await acceptProposal(request("/api/plan/proposals/accept", { body: { planYear: 2021, siteIds: [place!.siteId] }, cookie: cookie.planner })),
    );
    expect(accepted.status).toBe(200);
    const [zoneId] = (accepted.body as { approved: number[] }).approved;
    const [zone] = await db.select().from(s.sites).where(eq(s.sites.id, zoneId!));
    expect(zone).toMatchObject({ name: place!.name, status: "approved", planYear: 2021, plannedApCount: 2, provenance: "manual" });
    expect(await db.select().from(s.workItems).where(eq(s.workItems.siteId, zoneId!))).toHaveLength(5);
  });

  it("honours a zone pinned out, then accepts: zones approved for the year with their work items, in one go", async () => {
    const { db } = await getDb();
    const p = (await json(await propose({ planYear: 2021, budgetKrw: 2 * ZONE, pinnedOut: [ids.a] }))).body as unknown as View;
    expect(p.chosen.map((c) => c.siteId)).not.toContain(ids.a);
    expect(p.left).toContainEqual(expect.objectContaining({ siteId: ids.a, why: "pinned_out" }));
    const chosen = p.chosen.map((c) => c.siteId);

    // A zone that is not a candidate any more refuses the whole acceptance, writing nothing.
    const refused = await json(
      await acceptProposal(request("/api/plan/proposals/accept", { body: { planYear: 2021, siteIds: [...chosen, 1] }, cookie: cookie.planner })),
    );
    expect(refused.status).toBe(400);
    expect(await db.select().from(s.workItems).where(inArray(s.workItems.siteId, chosen))).toHaveLength(0);

    const accepted = await json(
      await acceptProposal(request("/api/plan/proposals/accept", { body: { planYear: 2021, siteIds: chosen }, cookie: cookie.planner })),
    );
    expect(accepted).toMatchObject({ status: 200, body: { planYear: 2021, approved: chosen } });
    const zones = await db.select({ id: s.sites.id, status: s.sites.status, planYear: s.sites.planYear }).from(s.sites).where(inArray(s.sites.id, chosen));
    expect(zones.every((z) => z.status === "approved" && z.planYear === 2021)).toBe(true);
    // Five work items each (equipment, installation, line provision, line construction, funding), costed by the unit costs.
    const work = await db.select().from(s.workItems).where(inArray(s.workItems.siteId, chosen));
    expect(work).toHaveLength(5 * chosen.length);
    expect(work.reduce((n, w) => n + Number(w.plannedCostKrw ?? 0), 0)).toBe(ZONE * chosen.length);
    const trail = await db
      .select()
      .from(s.auditEntries)
      .where(and(eq(s.auditEntries.entityType, "site"), inArray(s.auditEntries.entityId, chosen.map(String)), eq(s.auditEntries.action, "update")));
    expect(trail.map((e) => (e.after as { by?: string }).by)).toEqual(chosen.map(() => "proposal"));
  });
});
