// Leak test: every GET route handler under app/api (found on disk, so a new route is covered the day it
// is added), asked by an anonymous visitor, each role, and an admin of another municipality. A response
// may carry a sensitive field only when the caller's role was given it; sentinel values planted in the
// database (costs, notes, a rejection reason, unit costs, a budget) must not reach anyone without a role.
import fs from "node:fs";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createUser } from "@/db/queries/users";
import * as s from "@/db/schema";
import { DEMO_USERS } from "@/db/seed/users";
import { testEngine } from "@/db/testing/engines";
import { getDb } from "@/server/database";
import { request, signIn } from "./_testing/http";

type Caller = "anonymous" | "viewer" | "partner" | "planner" | "admin" | "outsider";
type Category = "cost" | "notes" | "reason" | "settings" | "audit" | "email" | "token";

/** What each caller may be sent, beyond what is public. The outsider is an admin of another municipality. */
const ALLOWED: Record<Caller, Category[]> = {
  anonymous: [],
  outsider: [],
  viewer: ["cost", "notes", "reason", "settings"],
  partner: ["cost", "notes", "reason", "settings"],
  planner: ["cost", "notes", "reason", "settings", "audit"],
  admin: ["cost", "notes", "reason", "settings", "audit", "email"],
};

/** A key's category, or null for a key anyone may see. */
function categoryOf(key: string): Category | null {
  if (/token|secret|password|hash/i.test(key)) return "token";
  if (/email/i.test(key)) return "email";
  if (/cost|price|budget|perAp$|perSite$/i.test(key)) return "cost";
  if (key === "notes") return "notes";
  if (/reason/i.test(key)) return "reason";
  if (key === "settings") return "settings";
  if (["actor", "before", "after", "requestId"].includes(key)) return "audit";
  return null;
}

const SENTINEL = {
  cost: [7_654_321, 7_654_322],
  notes: ["LEAK-NOTE-SITE", "LEAK-NOTE-WORK"],
  reason: ["LEAK-REASON-REJECTED"],
  settings: [7_654_323],
  budget: [7_654_324],
};
const sentinelPattern = new RegExp([...SENTINEL.cost, ...SENTINEL.notes, ...SENTINEL.reason, ...SENTINEL.settings, ...SENTINEL.budget].map(String).join("|"));

/** Every route file under app/api with the URL path it serves. */
function routeFiles(dir = path.resolve("app/api")): { file: string; pattern: string }[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name.startsWith("_") ? [] : routeFiles(full);
    if (e.name !== "route.ts") return [];
    return [{ file: full, pattern: `/${path.relative(path.resolve("app"), path.dirname(full)).split(path.sep).join("/")}` }];
  });
}

type Ids = { site: number; rejectedSite: number; bus: number; partner: number; ap: number };
/**
 * How to ask each GET route: its URLs (with ids and the parameters it needs) and the values of its
 * dynamic segments. A route missing here fails the test, so nobody adds a route without it.
 */
const EXAMPLES: Record<string, (ids: Ids) => { url: string; params?: Record<string, string> }[]> = {
  "/api/access-points": () => [{ url: "/api/access-points?pageSize=500" }],
  "/api/access-points/[id]": (i) => [{ url: `/api/access-points/${i.ap}`, params: { id: String(i.ap) } }],
  "/api/audit": () => [{ url: "/api/audit" }, { url: "/api/audit?format=csv" }],
  "/api/auth/[...all]": () => [
    { url: "/api/auth/get-session", params: { all: "get-session" } },
    { url: "/api/auth/list-sessions", params: { all: "list-sessions" } },
  ],
  "/api/buses": () => [{ url: "/api/buses?pageSize=500" }],
  "/api/buses/[id]": (i) => [{ url: `/api/buses/${i.bus}`, params: { id: String(i.bus) } }],
  "/api/candidates": () => [{ url: "/api/candidates" }, { url: "/api/candidates?status=rejected" }, { url: "/api/candidates?status=approved" }],
  "/api/exports/[what]": () =>
    (["summary", "sites", "access-points", "candidates", "standard"] as const).flatMap((what) =>
      (what === "summary" || what === "standard" ? ["csv"] : ["csv", "geojson"]).map((format) => ({
        url: `/api/exports/${what}?format=${format}&status=${what === "candidates" ? "rejected" : ""}`.replace(/&status=$/, ""),
        params: { what },
      })),
    ),
  "/api/gaps": () => [{ url: "/api/gaps" }],
  "/api/health": () => [{ url: "/api/health" }],
  "/api/map/features": () => [
    { url: "/api/map/features?bbox=127.9,35.0,128.3,35.3&zoom=16&maxPoints=5000" },
    { url: "/api/map/features?bbox=124,33,132,39&zoom=7" },
  ],
  "/api/map/operators": () => [{ url: "/api/map/operators" }],
  "/api/map/pois": () => [{ url: "/api/map/pois?bbox=127.9,35.0,128.3,35.3" }],
  "/api/map/residents": () => [{ url: "/api/map/residents" }],
  "/api/map/routes": () => [{ url: "/api/map/routes" }],
  "/api/map/zones": () => [{ url: "/api/map/zones?bbox=127.9,35.0,128.3,35.3" }],
  "/api/municipalities": () => [{ url: "/api/municipalities" }, { url: "/api/municipalities?sido=48&sort=accessPoints&dir=desc" }],
  "/api/partners": () => [{ url: "/api/partners" }],
  "/api/partners/[id]": (i) => [{ url: `/api/partners/${i.partner}`, params: { id: String(i.partner) } }],
  "/api/plan": () => [{ url: "/api/plan" }],
  // Planners and admins only (it carries costs); everyone else is refused.
  "/api/plan/proposals/export": () => [{ url: "/api/plan/proposals/export?format=xlsx&planYear=2021&budgetKrw=10000000" }],
  "/api/settings/planning": () => [{ url: "/api/settings/planning" }],
  "/api/sites": () => [{ url: "/api/sites?pageSize=500" }],
  "/api/sites/[id]": (i) => [
    { url: `/api/sites/${i.site}`, params: { id: String(i.site) } },
    { url: `/api/sites/${i.rejectedSite}`, params: { id: String(i.rejectedSite) } },
  ],
  "/api/summary": () => [{ url: "/api/summary" }],
  "/api/users": () => [{ url: "/api/users" }],
  "/api/work-items": () => [{ url: "/api/work-items" }],
};

/** Every key path in a JSON value whose key falls in a category, e.g. `items.3.plannedCostKrw` → cost. */
function sensitiveKeys(value: unknown, at = ""): { path: string; category: Category; value: unknown }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => sensitiveKeys(v, `${at}${i}.`));
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([k, v]) => {
    const category = categoryOf(k);
    return [...(category ? [{ path: `${at}${k}`, category, value: v }] : []), ...sensitiveKeys(v, `${at}${k}.`)];
  });
}

const emails = DEMO_USERS.map((u) => u.email);
const cookies = {} as Record<Caller, string>;
let ids: Ids;

describe(`no GET route sends a field its caller may not see, on ${testEngine()}`, () => {
  beforeAll(async () => {
    const { db } = await getDb();
    const [jinju] = await db.select().from(s.municipalities).where(eq(s.municipalities.code, "48170"));
    // Sentinels: a zone's notes, a rejected zone's reason, a work item's costs and notes, unit costs, a budget.
    const [item] = await db
      .select()
      .from(s.workItems)
      .where(sql`${s.workItems.siteId} is not null`)
      .limit(1);
    await db
      .update(s.workItems)
      .set({ plannedCostKrw: SENTINEL.cost[0], actualCostKrw: SENTINEL.cost[1], notes: SENTINEL.notes[1] })
      .where(eq(s.workItems.id, item!.id));
    await db.update(s.sites).set({ notes: SENTINEL.notes[0] }).where(eq(s.sites.id, item!.siteId!));
    const [rejected] = await db
      .insert(s.sites)
      .values({
        municipalityId: jinju!.id,
        name: "반려된 후보",
        category: "park",
        status: "rejected",
        statusReason: SENTINEL.reason[0],
        lat: 35.18,
        lng: 128.1,
        provenance: "manual",
        planYear: 2021,
      })
      .returning();
    await db.insert(s.planningSettings).values({
      municipalityId: jinju!.id,
      settings: {
        coverageRadiusM: 50,
        weights: { distance: 30, distanceCapM: 1000, poi: { traditional_market: 10, bus_stop: 8, tourist_spot: 6, park: 3, parking: 1 }, priority: 20 },
        unitCosts: { equipmentPerAp: SENTINEL.settings[0], installationPerAp: 300_000, lineProvisionPerSite: 400_000, lineConstructionPerSite: 1_200_000 },
      },
    });
    await db.update(s.planYears).set({ targetBudgetKrw: SENTINEL.budget[0] }).where(eq(s.planYears.year, 2021));
    const [bus] = await db.select().from(s.buses).limit(1);
    const [ap] = await db.select().from(s.accessPoints).where(eq(s.accessPoints.siteId, item!.siteId!)).limit(1);
    ids = { site: item!.siteId!, rejectedSite: rejected!.id, bus: bus!.id, partner: item!.partnerId, ap: ap!.id };

    // The outsider: an admin of another municipality, with no role in Jinju.
    const [other] = await db.select().from(s.municipalities).where(eq(s.municipalities.code, "48250"));
    await createUser(db, {
      actor: { viewer: null, label: "test", requestId: "leaks" },
      municipalityId: other!.id,
      input: { email: "outsider@gimhae.example", name: "김해 관리자", password: "outsider-pass-2026", role: "admin", partnerId: null },
    });
    for (const u of DEMO_USERS) cookies[u.role] = (await signIn(u.email, u.password)).cookie;
    cookies.outsider = (await signIn("outsider@gimhae.example", "outsider-pass-2026")).cookie;
    cookies.anonymous = "";
  });

  const routes = routeFiles();

  it("finds the route files on disk", () => {
    expect(routes.length).toBeGreaterThan(20);
  });

  for (const { file, pattern } of routes) {
    it(`${pattern}`, async () => {
      const mod = (await import(file)) as { GET?: (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response> };
      if (!mod.GET) return;
      const example = EXAMPLES[pattern];
      expect(example, `add ${pattern} to EXAMPLES in leaks.int.test.ts`).toBeDefined();
      for (const { url, params = {} } of example!(ids)) {
        for (const caller of Object.keys(ALLOWED) as Caller[]) {
          const res = await mod.GET(request(url, { cookie: cookies[caller] || undefined }), { params: Promise.resolve(params) });
          const where = `${caller} GET ${url} (${res.status})`;
          expect(res.status, where).toBeLessThan(500);
          const type = res.headers.get("content-type") ?? "";
          const text = type.includes("pdf") || type.includes("spreadsheet") ? "" : await res.text();
          const allowed = ALLOWED[caller];
          const member = allowed.includes("cost");
          if (!member) expect(text, `${where} carries a sentinel value`).not.toMatch(sentinelPattern);
          // Other users' addresses only reach admins; anyone may be told their own.
          const own = caller === "outsider" ? "outsider@gimhae.example" : DEMO_USERS.find((u) => u.role === caller)?.email;
          for (const email of emails)
            if (email !== own && !allowed.includes("email") && !allowed.includes("audit")) expect(text, `${where} names ${email}`).not.toContain(email);
          if (!type.includes("json") || !text) continue;
          for (const hit of sensitiveKeys(JSON.parse(text))) {
            if (hit.category === "email" && hit.value === own) continue;
            if (res.status >= 400 && hit.category === "reason") continue; // a refusal says why
            expect(allowed, `${where}: ${hit.path} (${hit.category})`).toContain(hit.category);
          }
        }
      }
    });
  }
});
