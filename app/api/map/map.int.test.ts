import { and, eq, inArray, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/server/database";
import * as s from "@/db/schema";
import { testEngine } from "@/db/testing/engines";
import { areaFor, cutToView } from "@/lib/map-area";
import { formatBBox, sentBBox, viewBBox } from "@/lib/map-grid";
import type { MapFeatures } from "@/lib/map-types";
import { GET as getFeatures } from "./features/route";
import { GET as getOperators } from "./operators/route";
import { GET as getPois } from "./pois/route";
import { GET as getRoutes } from "./routes/route";
import { GET as getZones } from "./zones/route";

const KOREA = "124.5,33,132,38.7";
const JINJU = "127.88,35.05,128.37,35.36";
const POSITIONED = 58 + 54;

type Fc = {
  mode: "clusters" | "points";
  level: number;
  total: number;
  features: { id: string; geometry: { coordinates: [number, number] }; properties: { kind: string; count?: number; id?: number; bounds?: number[] } }[];
};

async function features(params: string): Promise<Fc> {
  const res = await getFeatures(new Request(`http://localhost/api/map/features?${params}`));
  expect(res.status).toBe(200);
  return (await res.json()) as Fc;
}
const counted = (fc: Fc) => fc.features.reduce((a, f) => a + (f.properties.count ?? 1), 0);

describe(`map viewport endpoint on ${testEngine()}`, () => {
  it("sends single points when few match, each with its id", async () => {
    const fc = await features(`bbox=${JINJU}&zoom=11`);
    expect(fc.mode).toBe("points");
    // The 58 APs of 2020 have (estimated) positions and 54 of the 55 imported from the 2016 data;
    // the 55 of 2019 and the bus terminal's (longitude = latitude in the source) have none.
    expect(fc.total).toBe(POSITIONED);
    expect(new Set(fc.features.map((f) => f.properties.kind))).toEqual(new Set(["ap"]));
  });

  it.each([5, 7, 11, 15])("sends clusters whose counts add up to the filtered total at zoom %i", async (zoom) => {
    const all = await features(`bbox=${KOREA}&zoom=${zoom}&maxPoints=0`);
    expect(all.mode).toBe("clusters");
    expect(all.total).toBe(POSITIONED);
    expect(counted(all)).toBe(POSITIONED);
    const parks = await features(`bbox=${KOREA}&zoom=${zoom}&maxPoints=0&category=park`);
    expect(counted(parks)).toBe(9);
    const none = await features(`bbox=${KOREA}&zoom=${zoom}&maxPoints=0&year=2019`);
    expect(none.features).toEqual([]);
  });

  it("cuts each view from its area's answer exactly as the view itself is answered", async () => {
    // The map asks for an area around its view and draws pans inside it from that answer
    // (lib/map-area.ts): the cut must be what a request for the view would have given.
    const size = { w: 1280, h: 800 };
    const seen = new Set<string>();
    for (const zoom of [8, 10, 11, 12, 13, 14, 15]) {
      const first = { zoom, bbox: viewBBox({ lat: 35.18, lng: 128.1 }, zoom, size) };
      const area = areaFor(first, null);
      const width = first.bbox.maxLng - first.bbox.minLng;
      for (const [dx, dy] of [
        [0, 0],
        [0.2, 0.1],
        [-0.3, 0.2],
        [0.1, -0.25],
      ] as const) {
        const bbox = viewBBox({ lat: 35.18 + dy * (first.bbox.maxLat - first.bbox.minLat), lng: 128.1 + dx * width }, zoom, size);
        for (const [maxPoints, extra] of [
          [0, ""],
          [20, ""],
          [2000, ""],
          [20, "&status=active"],
          [5, "&category=park"],
        ] as const) {
          const query = (b: typeof bbox) => `bbox=${formatBBox(b)}&zoom=${zoom}&maxPoints=${maxPoints}${extra}`;
          const own = await features(query(bbox));
          const cut = cutToView((await features(query(area))) as unknown as MapFeatures, sentBBox(area), sentBBox(bbox), maxPoints);
          if (cut === "ask") {
            expect(own.mode).toBe("points");
            seen.add("ask");
          } else {
            expect(cut).toEqual(own);
            seen.add(`${own.mode}:${own.total > 0}`);
          }
        }
      }
    }
    // Every way a view can come out was met: clusters, points and views asked for alone, none empty.
    expect([...seen].sort()).toEqual(expect.arrayContaining(["ask", "clusters:true", "points:true"]));
  });

  it("gives the same clusters from the precomputed grid as from a live grouping", async () => {
    // A municipality filter takes the live path; every seeded AP is in Jinju.
    const grid = await features(`bbox=${JINJU}&zoom=10&maxPoints=0&status=active`);
    const live = await features(`bbox=${JINJU}&zoom=10&maxPoints=0&status=active&municipality=48170`);
    expect(grid.level).toBeGreaterThanOrEqual(3);
    const byId = (fc: Fc) => Object.fromEntries(fc.features.map((f) => [f.id, [f.properties.count, f.geometry.coordinates.map((c) => c.toFixed(6))]]));
    expect(byId(live)).toEqual(byId(grid));
  });

  it("keeps the grid in step with inserts, updates, deletes and a zone's category change", async () => {
    const { db } = await getDb();
    const [zone] = await db.select().from(s.sites).where(eq(s.sites.name, "혁신도시 (영천강 주변)"));
    const rows = Array.from({ length: 300 }, (_, i) => ({
      municipalityId: zone!.municipalityId,
      siteId: zone!.id,
      lat: 35.17 + (i % 20) * 0.0007,
      lng: 128.14 + Math.floor(i / 20) * 0.0007,
      status: "planned" as const,
      provenance: "field_survey" as const,
      sourceRef: `grid-test-${i}`,
    }));
    const inserted = await db.insert(s.accessPoints).values(rows).returning({ id: s.accessPoints.id });
    const sum = async (extra = "") => counted(await features(`bbox=${KOREA}&zoom=9&maxPoints=0${extra}`));
    expect(await sum()).toBe(POSITIONED + 300);
    expect(await sum("&provenance=field_survey")).toBe(300);

    const some = inserted.slice(0, 40).map((r) => r.id);
    await db.update(s.accessPoints).set({ status: "faulty" }).where(inArray(s.accessPoints.id, some));
    expect(await sum("&status=faulty")).toBe(40);
    expect(await sum("&status=planned")).toBe(260);

    await db.update(s.sites).set({ category: "sports" }).where(eq(s.sites.id, zone!.id));
    expect(await sum("&category=sports")).toBe(310);
    expect(await sum("&category=innovation_city")).toBe(0);
    await db.update(s.sites).set({ category: "innovation_city" }).where(eq(s.sites.id, zone!.id));

    await db.delete(s.accessPoints).where(and(eq(s.accessPoints.siteId, zone!.id), eq(s.accessPoints.provenance, "field_survey")));
    expect(await sum()).toBe(POSITIONED);
    expect(await sum("&category=innovation_city")).toBe(10);
    const leftovers = await db.select().from(s.apCells).where(eq(s.apCells.n, 0));
    expect(leftovers).toEqual([]);
    // Two filters at once are grouped live, and agree with the grid's single-filter counts.
    expect(await sum("&category=innovation_city&status=active")).toBe(10);
  });

  it("rebuilds to the same grid the triggers kept, as a bulk load does", async () => {
    const { db } = await getDb();
    const snapshot = async () => (await db.select().from(s.apCells)).map((c) => `${c.level}/${c.dim}/${c.value}/${c.cx}/${c.cy}=${c.n}`).sort();
    const kept = await snapshot();
    expect(kept.length).toBeGreaterThan(0);
    await db.execute(sql`select ap_cells_rebuild()`);
    expect(await snapshot()).toEqual(kept);
  });

  it.each([
    ["zoom=7", "bbox"],
    [`bbox=${KOREA}`, "zoom"],
    [`bbox=${KOREA}&zoom=30`, "zoom"],
    [`bbox=${KOREA}&zoom=7.5`, "zoom"],
    [`bbox=1,2,3&zoom=7`, "bbox"],
    [`bbox=${KOREA}&zoom=7&status=lost`, "status"],
  ])("answers 400 naming the parameter for %s", async (params, param) => {
    const res = await getFeatures(new Request(`http://localhost/api/map/features?${params}`));
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { path: string; issues: { path: string }[] } };
    expect(body.error.path).toBe(param);
    expect(body.error.issues[0]!.path).toBe(param);
  });
});

describe(`map reference layers on ${testEngine()}`, () => {
  it("lists the zones in view with their AP counts", async () => {
    const res = await getZones(new Request(`http://localhost/api/map/zones?bbox=${JINJU}&year=2020`));
    const body = (await res.json()) as { items: { name: string; apCount: number }[]; truncated: boolean };
    expect(body.truncated).toBe(false);
    expect(body.items.map((z) => z.apCount)).toEqual([10, 10, 10, 10, 9, 9]);
  });

  it("says when more zones are in view than asked for, and sends only that many, by id", async () => {
    const all = (await (await getZones(new Request(`http://localhost/api/map/zones?bbox=${JINJU}`))).json()) as { items: { id: number }[]; truncated: boolean };
    expect(all.truncated).toBe(false);
    const some = (await (await getZones(new Request(`http://localhost/api/map/zones?bbox=${JINJU}&limit=5`))).json()) as {
      items: { id: number }[];
      truncated: boolean;
    };
    expect(some.truncated).toBe(true);
    expect(some.items).toHaveLength(5);
    expect(some.items.map((z) => z.id)).toEqual([...some.items.map((z) => z.id)].sort((a, b) => a - b));
    const exact = (await (await getZones(new Request(`http://localhost/api/map/zones?bbox=${JINJU}&limit=${all.items.length}`))).json()) as {
      truncated: boolean;
    };
    expect(exact.truncated).toBe(false);
    const bad = await getZones(new Request(`http://localhost/api/map/zones?bbox=${JINJU}&limit=0`));
    expect(bad.status).toBe(400);
  });

  it("lists zones in planning and built zones apart, together making all of them", async () => {
    const ask = async (stage?: string) =>
      (
        (await (await getZones(new Request(`http://localhost/api/map/zones?bbox=${JINJU}${stage ? `&stage=${stage}` : ""}`))).json()) as {
          items: { id: number; status: string }[];
        }
      ).items;
    const [all, planning, built] = [await ask(), await ask("planning"), await ask("built")];
    expect(planning.every((z) => ["candidate", "surveyed", "approved"].includes(z.status))).toBe(true);
    expect(built.some((z) => ["candidate", "surveyed", "approved"].includes(z.status))).toBe(false);
    expect(built.length).toBeGreaterThan(0);
    expect([...planning, ...built].map((z) => z.id).sort((a, b) => a - b)).toEqual(all.map((z) => z.id));
    expect((await getZones(new Request(`http://localhost/api/map/zones?bbox=${JINJU}&stage=soon`))).status).toBe(400);
  });

  it("searches zones like APs: by name, address or an AP's SSID", async () => {
    const names = async (q: string) =>
      (
        (await (await getZones(new Request(`http://localhost/api/map/zones?bbox=${JINJU}&q=${encodeURIComponent(q)}`))).json()) as { items: { name: string }[] }
      ).items.map((z) => z.name);
    expect(await names("혁신도시")).toEqual(["혁신도시 (영천강 주변)"]);
    // No zone is named after the program's SSID: these come from their APs.
    expect(await names("Jinju_PublicWiFi")).toContain("혁신도시 (영천강 주변)");
    expect(await names("없는 이름")).toEqual([]);
  });

  it("lists points of interest by kind", async () => {
    const res = await getPois(new Request(`http://localhost/api/map/pois?bbox=${JINJU}&kind=traditional_market,tourist_spot`));
    const body = (await res.json()) as { items: { kind: string; name: string }[] };
    expect(body.items.filter((p) => p.kind === "traditional_market")).toHaveLength(14);
    expect(body.items.map((p) => p.name)).toContain("진주성");
    const bad = await getPois(new Request(`http://localhost/api/map/pois?bbox=${JINJU}&kind=zoo`));
    expect(bad.status).toBe(400);
  });

  it("keeps one source at a time: the program's zones and APs, or the rest of the inventory", async () => {
    const zonesOf = async (source: string) =>
      ((await (await getZones(new Request(`http://localhost/api/map/zones?bbox=${JINJU}&source=${source}`))).json()) as { items: { source: string }[] }).items;
    const [program, other] = [await zonesOf("program"), await zonesOf("other")];
    expect([program.length, other.length]).toEqual([6, 54]);
    expect(new Set(program.map((z) => z.source))).toEqual(new Set(["program"]));
    expect(new Set(other.map((z) => z.source))).toEqual(new Set(["other"]));
    // The APs split the same way, whether grouped live into clusters or sent as points.
    const [programAps, otherAps] = [await features(`bbox=${JINJU}&zoom=13&source=program`), await features(`bbox=${JINJU}&zoom=13&source=other`)];
    expect([counted(programAps), counted(otherAps)]).toEqual([58, 54]);
    expect(counted(await features(`bbox=${JINJU}&zoom=8&source=program&maxPoints=0`))).toBe(58);
    expect((await getZones(new Request(`http://localhost/api/map/zones?bbox=${JINJU}&source=mine`))).status).toBe(400);
  });

  it("flags what lies outside its municipality's outline instead of drawing it as if it belonged there", async () => {
    const { db } = await getDb();
    const [jinju] = await db.select().from(s.municipalities).where(eq(s.municipalities.code, "48170"));
    // A zone typed with its coordinates in the sea south of Jinju, inside the map's view.
    const [stray] = await db
      .insert(s.sites)
      .values({ municipalityId: jinju!.id, name: "@바다 위 구역", category: "park", status: "active", lat: 35.06, lng: 128.36, provenance: "manual" })
      .returning();
    try {
      const zones = (
        (await (await getZones(new Request(`http://localhost/api/map/zones?bbox=${JINJU}`))).json()) as {
          items: { name: string; outside?: boolean }[];
        }
      ).items;
      expect(zones.filter((z) => z.outside).map((z) => z.name)).toEqual(["@바다 위 구역"]);
      // The seeded parks: one lies outside Jinju's outline, and is flagged too.
      const parks = (
        (await (await getPois(new Request(`http://localhost/api/map/pois?bbox=${KOREA}&kind=park`))).json()) as {
          items: { outside?: boolean }[];
        }
      ).items;
      expect(parks.filter((p) => p.outside).length).toBeGreaterThan(0);
      expect(parks.filter((p) => !p.outside).length).toBeGreaterThan(parks.length / 2);
    } finally {
      await db.delete(s.sites).where(eq(s.sites.id, stray!.id));
    }
  });

  it("draws a route's line once its geometry is known, with the buses that run it", async () => {
    const empty = (await (await getRoutes(new Request("http://localhost/api/map/routes"))).json()) as { items: unknown[] };
    expect(empty.items).toEqual([]);
    const { db } = await getDb();
    const [m] = await db.select().from(s.municipalities).where(eq(s.municipalities.code, "48170"));
    const line = {
      type: "LineString",
      coordinates: [
        [128.08, 35.19],
        [128.1, 35.18],
        [128.12, 35.17],
      ],
    };
    await db.insert(s.busRoutes).values({ municipalityId: m!.id, routeNumber: "120", geometry: line, provenance: "field_survey" });
    const body = (await (await getRoutes(new Request("http://localhost/api/map/routes"))).json()) as {
      items: { routeNumber: string; buses: number; geometry: unknown }[];
    };
    // The first 32 buses run routes 120, 130, 280, 290 and 350 in turn: seven on route 120.
    expect(body.items).toEqual([expect.objectContaining({ routeNumber: "120", buses: 7, geometry: line })]);
    await db.delete(s.busRoutes);
  });

  it("lists the bus operators with their bus and AP counts", async () => {
    const res = await getOperators(new Request("http://localhost/api/map/operators"));
    const body = (await res.json()) as { items: { name: string; buses: number; accessPoints: number }[] };
    expect(body.items.reduce((a, o) => a + o.buses, 0)).toBe(247);
    expect(body.items.reduce((a, o) => a + o.accessPoints, 0)).toBe(247);
    expect(body.items.map((o) => o.name).sort()).toEqual(["부산교통", "삼성교통", "진주시민버스"]);
  });
});
