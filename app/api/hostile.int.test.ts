// Hostile input, replayed: each case answers with its status and issue code, and a refusal changes nothing.
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as s from "@/db/schema";
import { DEMO_USERS } from "@/db/seed/users";
import { testEngine } from "@/db/testing/engines";
import { DEFAULT_PLANNING_SETTINGS } from "@/lib/planning";
import { createUser } from "@/db/queries/users";
import { getDb } from "@/server/database";
import { request, signIn } from "./_testing/http";
import { GET as authGet, POST as authPost } from "./auth/[...all]/route";
import { POST as postCandidate } from "./candidates/route";
import { GET as healthGet } from "./health/route";
import { POST as postImport } from "./imports/route";
import { GET as getSettings, PUT as putSettings } from "./settings/planning/route";
import { GET as getSite } from "./sites/[id]/route";
import { GET as getSites } from "./sites/route";
import { PATCH as patchUser } from "./users/[id]/route";
import { PATCH as patchWorkItem } from "./work-items/[id]/route";
import { GET as listWorkItems } from "./work-items/route";

const cookie = {} as Record<string, string>;
type Answer = { status: number; body: { error?: { code: string; path?: string; issues?: { code: string; path?: string }[] } } & Record<string, unknown> };
const answer = async (res: Response): Promise<Answer> => ({ status: res.status, body: (await res.json()) as Answer["body"] });
const count = async (table: typeof s.sites | typeof s.auditEntries | typeof s.planningSettings) =>
  (await (await getDb()).db.select({ n: sql<number>`count(*)::int` }).from(table))[0]!.n;

describe(`hostile input on ${testEngine()}`, () => {
  beforeAll(async () => {
    for (const u of DEMO_USERS) cookie[u.role] = (await signIn(u.email, u.password)).cookie;
  });

  it("lets only one of two planners saving the same settings version win; the first save of a database too", async () => {
    const save = (version: number, equipmentPerAp: number) =>
      putSettings(
        request("/api/settings/planning", {
          method: "PUT",
          cookie: cookie.planner,
          body: { version, settings: { ...DEFAULT_PLANNING_SETTINGS, unitCosts: { ...DEFAULT_PLANNING_SETTINGS.unitCosts, equipmentPerAp } } },
        }),
      );
    const audit = await count(s.auditEntries);
    // A fresh database has no settings row: both first saves race to insert it.
    const first = await Promise.all([save(0, 810_000), save(0, 820_000)]);
    expect(first.map((r) => r.status).sort()).toEqual([200, 409]);
    const second = await Promise.all([save(1, 830_000), save(1, 840_000)]);
    expect(second.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await count(s.auditEntries)).toBe(audit + 2);
    const now = await answer(await getSettings(request("/api/settings/planning", { cookie: cookie.viewer })));
    expect(now.body).toMatchObject({ version: 2 });
    expect([830_000, 840_000]).toContain((now.body.unitCosts as { equipmentPerAp: number }).equipmentPerAp);
  });

  it("refuses an amount over its documented maximum, naming the field, and keeps the settings", async () => {
    const before = await answer(await getSettings(request("/api/settings/planning", { cookie: cookie.viewer })));
    const huge = { ...DEFAULT_PLANNING_SETTINGS, unitCosts: { ...DEFAULT_PLANNING_SETTINGS.unitCosts, equipmentPerAp: 9_007_199_254_740_991 } };
    const r = await answer(
      await putSettings(request("/api/settings/planning", { method: "PUT", cookie: cookie.planner, body: { version: before.body.version, settings: huge } })),
    );
    expect(r).toMatchObject({
      status: 400,
      body: { error: { code: "bad_request", path: "settings.unitCosts.equipmentPerAp", issues: [{ code: "too_big" }] } },
    });
    expect(await answer(await getSettings(request("/api/settings/planning", { cookie: cookie.viewer })))).toEqual(before);
    const [item] = (await answer(await listWorkItems(request("/api/work-items", { cookie: cookie.planner })))).body.items as { id: number; version: number }[];
    const cost = await patchWorkItem(
      request(`/api/work-items/${item!.id}`, { method: "PATCH", cookie: cookie.planner, body: { version: item!.version, actualCostKrw: 1e13 } }),
      {
        params: Promise.resolve({ id: String(item!.id) }),
      },
    );
    expect(await answer(cost)).toMatchObject({ status: 400, body: { error: { path: "actualCostKrw", issues: [{ code: "too_big" }] } } });
  });

  it("refuses NUL and control characters, and names made only of invisible characters, writing nothing", async () => {
    const sites = await count(s.sites);
    const post = (name: string) =>
      postCandidate(
        request("/api/candidates", { cookie: cookie.planner, body: { name, category: "park", planYear: 2021, plannedApCount: 1, lat: 35.18, lng: 128.1 } }),
      );
    expect(await answer(await post("공원\u0000"))).toMatchObject({ status: 400, body: { error: { path: "name", issues: [{ code: "control_characters" }] } } });
    expect(await answer(await post("\u200b\u200b \u2060"))).toMatchObject({ status: 400, body: { error: { path: "name", issues: [{ code: "required" }] } } });
    expect(await answer(await getSites(request("/api/sites?q=%00")))).toMatchObject({ status: 400, body: { error: { path: "q" } } });
    expect(await count(s.sites)).toBe(sites);
  });

  it("answers 400, not 500, for an id past what the database holds", async () => {
    const r = await answer(await getSite(request("/api/sites/2147483648"), { params: Promise.resolve({ id: "2147483648" }) }));
    expect(r).toMatchObject({ status: 400, body: { error: { path: "id", issues: [{ code: "too_big" }] } } });
  });

  it("serves none of the auth library's account changes or session lists, and never a session token", async () => {
    for (const path of ["update-user", "change-password", "change-email", "revoke-other-sessions"]) {
      const r = await authPost(
        request(`/api/auth/${path}`, { cookie: cookie.viewer, body: { name: "<b>x</b>", newPassword: "x".repeat(12), currentPassword: "viewer-pass-2026" } }),
      );
      expect(r.status, path).toBe(404);
    }
    expect((await authGet(request("/api/auth/list-sessions", { cookie: cookie.viewer }))).status).toBe(404);
    const session = await authGet(request("/api/auth/get-session", { cookie: cookie.viewer }));
    expect(JSON.stringify(await session.json())).not.toMatch(/token/i);
  });

  it("marks every answer that depends on the session private, so no shared cache keeps it", async () => {
    const signedIn = await listWorkItems(request("/api/work-items", { cookie: cookie.viewer }));
    expect(signedIn.headers.get("cache-control")).toBe("private, no-store");
    expect(signedIn.headers.get("vary")).toContain("Cookie");
    const anonymous = await getSites(request("/api/sites"));
    expect(anonymous.headers.get("cache-control")).toBeNull();
    expect(anonymous.headers.get("vary")).toContain("Cookie");
  });
});

describe(`the sign-in limit on ${testEngine()}`, () => {
  const attempt = (email: string, password: string, headers: { ip?: string; peer?: string }) => {
    const req = request("/api/auth/sign-in/email", { body: { email, password }, ip: headers.ip });
    if (headers.peer) req.headers.set("x-wifi-atlas-peer", headers.peer);
    return authPost(req);
  };
  const user = async (email: string) => {
    const { db } = await getDb();
    const [jinju] = await db
      .select({ id: s.municipalities.id })
      .from(s.municipalities)
      .where(sql`${s.municipalities.code} = '48170'`);
    await createUser(db, {
      actor: { viewer: null, label: "test", requestId: "limit" },
      municipalityId: jinju!.id,
      input: { email, name: "대상", password: "right-password-1", role: "viewer", partnerId: null },
    });
  };

  it("counts failures per account: forging a new address for every guess buys no more guesses", async () => {
    await user("target@jinju.example");
    const statuses: number[] = [];
    for (let i = 1; i <= 6; i++) statuses.push((await attempt("target@jinju.example", "wrong-password", { ip: `198.51.100.${i}` })).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    // Refused before any password is checked, even the right one, from yet another address.
    const right = await attempt("target@jinju.example", "right-password-1", { ip: "198.51.100.99" });
    expect(right.status).toBe(429);
    expect(Number(right.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("takes the address from the connection, not from a forged X-Forwarded-For", async () => {
    const statuses: number[] = [];
    for (let i = 1; i <= 6; i++)
      statuses.push((await attempt(`ghost${i}@jinju.example`, "wrong-password", { ip: `203.0.113.${i}`, peer: "192.0.2.10" })).status);
    expect(statuses.at(-1)).toBe(429);
    // Another client, on another connection, is not locked out by it.
    expect((await attempt(DEMO_USERS[0].email, DEMO_USERS[0].password, { ip: "203.0.113.50", peer: "192.0.2.11" })).status).toBe(200);
  });

  it("doubles the wait with each failure after the limit", async () => {
    await user("slow@jinju.example");
    for (let i = 0; i < 5; i++) await attempt("slow@jinju.example", "wrong-password", { ip: `198.51.101.${i + 1}` });
    const first = Number((await attempt("slow@jinju.example", "x", { ip: "198.51.101.50" })).headers.get("retry-after"));
    const { db } = await getDb();
    // The wait is over; one more failure, and the next wait is twice as long.
    await db
      .update(s.signInFailures)
      .set({ blockedUntil: new Date(Date.now() - 1000) })
      .where(sql`${s.signInFailures.key} = 'account:slow@jinju.example'`);
    expect((await attempt("slow@jinju.example", "wrong-password", { ip: "198.51.101.51" })).status).toBe(401);
    const second = Number((await attempt("slow@jinju.example", "x", { ip: "198.51.101.52" })).headers.get("retry-after"));
    expect(first).toBeGreaterThan(50);
    expect(second).toBeGreaterThan(first * 1.8);
  });
});

describe(`a hostile file on ${testEngine()}`, () => {
  it("is refused with its reason while the app keeps answering (health under a second)", async () => {
    const admin = (await signIn(DEMO_USERS[3].email, DEMO_USERS[3].password)).cookie;
    // 8,000 features, each with a key of its own: this took 113 s and 1.3 GB when every key became a column.
    const features = Array.from({ length: 8000 }, (_, i) => ({
      type: "Feature",
      geometry: { type: "Point", coordinates: [128.1, 35.18] },
      properties: { [`key_${i}`]: "x".repeat(200) },
    }));
    const form = new FormData();
    form.set("file", new File([JSON.stringify({ type: "FeatureCollection", features })], "hostile.geojson"));
    const sites = await count(s.sites);
    const upload = postImport(request("/api/imports", { body: form, cookie: admin }));
    const started = performance.now();
    const health = await healthGet();
    const healthMs = performance.now() - started;
    const refused = await answer(await upload);
    expect(health.status).toBe(200);
    expect(healthMs).toBeLessThan(1000);
    expect(refused).toMatchObject({ status: 422, body: { error: { code: "unprocessable", issues: [{ code: "unknown_format", path: "file" }] } } });
    expect(await count(s.sites)).toBe(sites);
  });
});

describe(`admins on ${testEngine()}`, () => {
  it("keeps one admin when two admins take each other's role at once", async () => {
    const { db } = await getDb();
    const [jinju] = await db
      .select({ id: s.municipalities.id })
      .from(s.municipalities)
      .where(sql`${s.municipalities.code} = '48170'`);
    const actor = { viewer: null, label: "test", requestId: "admins" };
    // Only two admins: the seed's, whose role is first given to a viewer, and a new one.
    const second = await createUser(db, {
      actor,
      municipalityId: jinju!.id,
      input: { email: "second-admin@jinju.example", name: "두번째", password: "second-admin-pass", role: "admin", partnerId: null },
    });
    const first = (await signIn(DEMO_USERS[3].email, DEMO_USERS[3].password)).cookie;
    const other = (await signIn("second-admin@jinju.example", "second-admin-pass")).cookie;
    const firstId = (
      await db
        .select({ id: s.users.id })
        .from(s.users)
        .where(sql`${s.users.email} = ${DEMO_USERS[3].email}`)
    )[0]!.id;
    const demote = (cookie: string, id: string) =>
      patchUser(request(`/api/users/${id}`, { method: "PATCH", cookie, body: { role: "viewer" } }), { params: Promise.resolve({ id }) });
    const results = await Promise.all([demote(first, second.id), demote(other, firstId)]);
    const statuses = results.map((r) => r.status).sort();
    expect(statuses[0]).toBe(200);
    // The second one finds no other admin left (or, having lost its own role, no role here at all).
    expect([403, 422]).toContain(statuses[1]);
    const left = await db
      .select()
      .from(s.memberships)
      .where(sql`${s.memberships.municipalityId} = ${jinju!.id} and ${s.memberships.role} = 'admin'`);
    expect(left).toHaveLength(1);
  });
});
