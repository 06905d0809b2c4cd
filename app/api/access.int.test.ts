import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/server/database";
import * as s from "@/db/schema";
import { DEMO_USERS } from "@/db/seed/users";
import { testEngine } from "@/db/testing/engines";
import { freshIp, request, signIn } from "./_testing/http";
import { GET as getAudit } from "./audit/route";
import { GET as getSite } from "./sites/[id]/route";
import { GET as getSites } from "./sites/route";
import { GET as listPartnersRoute } from "./partners/route";
import { GET as getSummary } from "./summary/route";
import { POST as authPost } from "./auth/[...all]/route";
import { PATCH as patchUser } from "./users/[id]/route";
import { GET as listUsers, POST as postUser } from "./users/route";

const login = Object.fromEntries(DEMO_USERS.map((u) => [u.role, u])) as Record<(typeof DEMO_USERS)[number]["role"], (typeof DEMO_USERS)[number]>;
const cookies = {} as Record<keyof typeof login, string>;

async function body(res: Response) {
  return { status: res.status, json: (await res.json()) as Record<string, unknown> & { items?: Record<string, unknown>[] } };
}
const auditCount = async () => (await (await getDb()).db.select({ n: sql<number>`count(*)::int` }).from(s.auditEntries))[0]!.n;
const newUser = (email: string) => ({ email, name: "새 사용자", password: "a-long-password", role: "viewer" });

describe(`accounts and roles on ${testEngine()}`, () => {
  beforeAll(async () => {
    for (const role of Object.keys(login) as (keyof typeof login)[]) {
      const r = await signIn(login[role].email, login[role].password);
      expect(r.status, role).toBe(200);
      cookies[role] = r.cookie;
    }
  });

  it("sets the session cookie HttpOnly and SameSite=Lax", async () => {
    const res = await authPost(request("/api/auth/sign-in/email", { body: { email: login.viewer.email, password: login.viewer.password }, ip: freshIp() }));
    const session = res.headers.getSetCookie().find((c) => c.startsWith("wifi-atlas.session_token="));
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/SameSite=Lax/i);
    const body = await res.text();
    expect(body).not.toMatch(/password|hash/i);
  });

  it("refuses a wrong password without saying which part was wrong", async () => {
    const r = await authPost(request("/api/auth/sign-in/email", { body: { email: login.admin.email, password: "wrong-password" }, ip: freshIp() }));
    expect(r.status).toBe(401);
    expect(JSON.stringify(await r.json())).not.toContain("hash");
  });

  it("creating a user: 401 without a session, 403 for viewer/partner/planner, 201 for an admin with one audit entry", async () => {
    expect((await postUser(request("/api/users", { body: newUser("x1@jinju.example") }))).status).toBe(401);
    for (const role of ["viewer", "partner", "planner"] as const) {
      const r = await body(await postUser(request("/api/users", { body: newUser("x1@jinju.example"), cookie: cookies[role] })));
      expect(r.status, role).toBe(403);
      expect(r.json).toMatchObject({ error: { code: "forbidden" } });
    }
    const before = await auditCount();
    const created = await body(await postUser(request("/api/users", { body: newUser("x1@jinju.example"), cookie: cookies.admin })));
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ email: "x1@jinju.example", role: "viewer" });
    expect(JSON.stringify(created.json)).not.toMatch(/password|hash/i);
    expect(await auditCount()).toBe(before + 1);
    // The new user can sign in with the password the admin set.
    expect((await signIn("x1@jinju.example", "a-long-password")).status).toBe(200);
  });

  it("names the bad field and refuses a duplicate email", async () => {
    const bad = await body(await postUser(request("/api/users", { body: { ...newUser("not-an-email"), role: "boss" }, cookie: cookies.admin })));
    expect(bad.status).toBe(400);
    expect(bad.json.error).toMatchObject({
      code: "bad_request",
      issues: expect.arrayContaining([expect.objectContaining({ path: "email" }), expect.objectContaining({ path: "role" })]),
    });
    const dup = await body(await postUser(request("/api/users", { body: newUser(login.viewer.email), cookie: cookies.admin })));
    expect(dup.status).toBe(409);
  });

  it("answers 404 for another municipality's users", async () => {
    const { db } = await getDb();
    const [other] = await db.select().from(s.municipalities).where(eq(s.municipalities.code, "48250"));
    const [stranger] = await db.insert(s.users).values({ id: "stranger", name: "김해 담당", email: "admin@gimhae.example" }).returning();
    await db.insert(s.memberships).values({ userId: stranger!.id, municipalityId: other!.id, role: "admin" });
    const r = await patchUser(
      request(`/api/users/${stranger!.id}`, { method: "PATCH", body: { role: "viewer", municipality: "48250" }, cookie: cookies.admin }),
      { params: Promise.resolve({ id: stranger!.id }) },
    );
    expect(r.status).toBe(404);
    const list = await body(await listUsers(request("/api/users?municipality=48250", { cookie: cookies.admin })));
    expect(list.status).toBe(404);
    const mine = await body(await listUsers(request("/api/users", { cookie: cookies.admin })));
    expect(mine.json.items!.map((u) => u.email)).not.toContain("admin@gimhae.example");
  });

  it("changes a role with one audit entry that shows before and after", async () => {
    const created = await body(await postUser(request("/api/users", { body: newUser("x2@jinju.example"), cookie: cookies.admin })));
    const id = created.json.id as string;
    const patch = (cookie?: string) =>
      patchUser(request(`/api/users/${id}`, { method: "PATCH", body: { role: "planner" }, cookie }), { params: Promise.resolve({ id }) });
    expect((await patch()).status).toBe(401);
    for (const role of ["viewer", "partner", "planner"] as const) expect((await patch(cookies[role])).status, role).toBe(403);
    const before = await auditCount();
    const r = await body(
      await patchUser(request(`/api/users/${id}`, { method: "PATCH", body: { role: "planner" }, cookie: cookies.admin }), { params: Promise.resolve({ id }) }),
    );
    expect(r).toMatchObject({ status: 200, json: { role: "planner" } });
    expect(await auditCount()).toBe(before + 1);
    const trail = await body(await getAudit(request(`/api/audit?object=membership:${id}`, { cookie: cookies.admin })));
    expect(trail.json.items).toEqual([
      expect.objectContaining({
        actor: login.admin.email,
        action: "update",
        before: { role: "viewer", partnerId: null },
        after: { role: "planner", partnerId: null },
      }),
    ]);
    // Users' records carry email addresses: planners read the trail, but not those entries.
    const planners = await body(await getAudit(request(`/api/audit?object=membership:${id}`, { cookie: cookies.planner })));
    expect(planners).toMatchObject({ status: 200, json: { items: [] } });
  });

  it("rejects a cross-origin change before anything happens", async () => {
    const before = await auditCount();
    const r = await postUser(request("/api/users", { body: newUser("x3@jinju.example"), cookie: cookies.admin, origin: "http://evil.example" }));
    expect(r.status).toBe(403);
    expect(await auditCount()).toBe(before);
  });

  it("shows the audit trail to planners and admins only, as JSON or CSV", async () => {
    expect((await getAudit(request("/api/audit"))).status).toBe(401);
    expect((await getAudit(request("/api/audit", { cookie: cookies.viewer }))).status).toBe(403);
    expect((await getAudit(request("/api/audit", { cookie: cookies.partner }))).status).toBe(403);
    const csv = await getAudit(request("/api/audit?format=csv&object=user", { cookie: cookies.admin }));
    expect(csv.headers.get("content-type")).toContain("text/csv");
    expect(csv.headers.get("content-disposition")).toMatch(/attachment; filename="audit-48170-/);
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain("viewer@jinju.example");
    const bad = await body(await getAudit(request("/api/audit?from=yesterday", { cookie: cookies.admin })));
    expect(bad).toMatchObject({ status: 400, json: { error: { path: "from", issues: [expect.objectContaining({ path: "from" })] } } });
  });

  it("counts a partner's work within this municipality only", async () => {
    const { db } = await getDb();
    const before = await body(await listPartnersRoute(request("/api/partners")));
    const kt = before.json.items!.find((p) => p.nameKo === "KT")!;
    const [other] = await db.select().from(s.municipalities).where(eq(s.municipalities.code, "48310"));
    const [program] = await db
      .insert(s.programs)
      .values({ municipalityId: other!.id, nameKo: "거제 사업", startYear: 2024, endYear: 2025, provenance: "manual" })
      .returning();
    await db
      .insert(s.workItems)
      .values({ programId: program!.id, planYear: 2024, partnerId: kt.id as number, kind: "installation", status: "not_started", provenance: "manual" });
    const after = await body(await listPartnersRoute(request("/api/partners")));
    expect(after.json.items!.find((p) => p.nameKo === "KT")).toMatchObject({ openItems: kt.openItems, doneItems: kt.doneItems });
  });

  it("keeps audit entries append-only, even for the database owner", async () => {
    const { db } = await getDb();
    await expect(db.update(s.auditEntries).set({ actor: "someone else" })).rejects.toThrow();
    await expect(db.delete(s.auditEntries).where(eq(s.auditEntries.actor, "seed"))).rejects.toThrow();
  });

  it("rejects the session cookie after sign-out", async () => {
    const { cookie } = await signIn(login.admin.email, login.admin.password);
    expect((await listUsers(request("/api/users", { cookie }))).status).toBe(200);
    const out = await authPost(request("/api/auth/sign-out", { body: {}, cookie }));
    expect(out.status).toBe(200);
    expect((await listUsers(request("/api/users", { cookie }))).status).toBe(401);
  });

  it("never shows costs or notes to anonymous visitors; members see them", async () => {
    const { db } = await getDb();
    const [item] = await db
      .select()
      .from(s.workItems)
      .where(sql`${s.workItems.siteId} is not null`)
      .limit(1);
    await db.update(s.workItems).set({ plannedCostKrw: 12_000_000, actualCostKrw: 11_500_000 }).where(eq(s.workItems.id, item!.id));
    await db.update(s.sites).set({ notes: "후보 검토 메모" }).where(eq(s.sites.id, item!.siteId!));
    const ctx = { params: Promise.resolve({ id: String(item!.siteId) }) };
    const anon = await body(await getSite(request(`/api/sites/${item!.siteId}`), ctx));
    expect(anon.status).toBe(200);
    expect(anon.json).not.toHaveProperty("notes");
    expect((anon.json.workItems as object[])[0]).not.toHaveProperty("plannedCostKrw");
    expect(JSON.stringify(anon.json)).not.toMatch(/12000000|11500000|후보 검토 메모/);
    const member = await body(await getSite(request(`/api/sites/${item!.siteId}`, { cookie: cookies.viewer }), ctx));
    expect(member.json.notes).toBe("후보 검토 메모");
    expect(member.json.workItems).toContainEqual(expect.objectContaining({ plannedCostKrw: 12_000_000, actualCostKrw: 11_500_000 }));
    const summary = await body(await getSummary(request("/api/summary")));
    expect(JSON.stringify(summary.json)).not.toContain("11500000");
    expect(JSON.stringify((await body(await getSummary(request("/api/summary", { cookie: cookies.planner })))).json)).toContain("11500000");
  });

  it("with PUBLIC_ACCESS=off, serves data to signed-in users only", async () => {
    process.env.PUBLIC_ACCESS = "off";
    try {
      expect((await getSites(request("/api/sites"))).status).toBe(401);
      expect((await getSites(request("/api/sites", { cookie: cookies.viewer }))).status).toBe(200);
    } finally {
      delete process.env.PUBLIC_ACCESS;
    }
    expect((await getSites(request("/api/sites"))).status).toBe(200);
  });

  it("answers 429 after repeated failed sign-ins from one address", async () => {
    const ip = freshIp();
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await signIn(login.viewer.email, `wrong-${i}-password`, ip)).status);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    // Another address is not held back for another account; the account guessed at is, for a while, from anywhere.
    expect((await signIn(login.planner.email, login.planner.password)).status).toBe(200);
    expect((await signIn(login.viewer.email, login.viewer.password)).status).toBe(429);
  });
});
