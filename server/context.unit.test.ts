import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { DbHandle } from "../db/client";
import type { Municipality } from "../db/schema";
import { authorize, type Viewer } from "../lib/authz";
import { AppError } from "../lib/errors";
import { formAction, makeRoute, type ContextDeps } from "./context";

const municipality = (id: number, code: string) => ({ id, code, nameKo: code, provinceKo: "경상남도" }) as Municipality;
const TOWNS = new Map([
  ["48170", municipality(1, "48170")],
  ["48250", municipality(2, "48250")],
]);
const member = (municipalityId: number, role: Viewer["memberships"][number]["role"]): Viewer => ({
  userId: "u1",
  email: "u1@example.kr",
  name: "u1",
  memberships: [{ municipalityId, role, partnerId: null }],
});

/** The wrapper over fakes: no database, no session store; `viewer` is whoever the cookie names. */
function routeFor(viewer: Viewer | null, publicAccess = true) {
  const deps: ContextDeps = {
    database: async () => ({ db: {} as DbHandle["db"], engine: "pglite", migrate: async () => {}, close: async () => {} }),
    viewerOf: async () => viewer,
    municipalityOf: async (_db, code) => {
      const m = TOWNS.get(code ?? "48170");
      if (!m) throw new AppError("not_found", `No municipality with code ${code}`);
      return m;
    },
    settings: () => ({ publicAccess }),
  };
  return makeRoute(deps);
}

const req = (url: string, init: { method?: string; body?: unknown; origin?: string; cookie?: boolean } = {}) =>
  new Request(`http://localhost:3000${url}`, {
    method: init.method ?? (init.body === undefined ? "GET" : "POST"),
    headers: {
      host: "localhost:3000",
      origin: init.origin ?? "http://localhost:3000",
      ...(init.cookie === false ? {} : { cookie: "wifi-atlas.session_token=x" }),
      ...(init.body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });

async function answer(res: Response) {
  return { status: res.status, body: (await res.json()) as { error?: { code: string; issues?: unknown } } & Record<string, unknown> };
}

const body = z.strictObject({ name: z.string().min(1, "required"), municipality: z.string().optional() });
const query = z.strictObject({ year: z.coerce.number().int().min(1990).optional(), municipality: z.string().optional() });

describe("the request context", () => {
  it("answers 401 with the error shape when a change comes without a session", async () => {
    const POST = routeFor(null)({ write: true, body }, async () => ({ ok: true }));
    const r = await answer(await POST(req("/api/x", { body: { name: "a" }, cookie: false })));
    expect(r).toEqual({ status: 401, body: { error: { code: "unauthorized", message: "Sign in first." } } });
  });

  it("refuses a change from another origin before anything else (403)", async () => {
    const POST = routeFor(member(1, "planner"))({ write: true, body }, async () => ({ ok: true }));
    expect((await answer(await POST(req("/api/x", { body: { name: "a" }, origin: "https://evil.example" })))).body.error?.code).toBe("forbidden");
  });

  it("answers 403 when the role may not, and 404 for a member of another municipality", async () => {
    const run = (viewer: Viewer) =>
      routeFor(viewer)({ write: true, body }, async (ctx) => {
        authorize(ctx.viewer, ctx.municipality.id, "editPlan");
        return { ok: true };
      });
    expect((await answer(await run(member(1, "viewer"))(req("/api/x", { body: { name: "a" } })))).status).toBe(403);
    expect((await answer(await run(member(2, "admin"))(req("/api/x", { body: { name: "a" } })))).status).toBe(404);
    expect((await answer(await run(member(2, "admin"))(req("/api/x", { body: { name: "a", municipality: "48250" } })))).status).toBe(200);
  });

  it("answers 400 naming the field or parameter for bad input, before the handler runs", async () => {
    let ran = false;
    const route = routeFor(member(1, "planner"));
    const POST = route({ write: true, body }, async () => ((ran = true), {}));
    const bad = await answer(await POST(req("/api/x", { body: { name: "" } })));
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: "bad_request", path: "name", issues: [{ code: "required", path: "name" }] });
    const GET = route({ query }, async () => ((ran = true), {}));
    const badQuery = await answer(await GET(req("/api/x?year=abc")));
    expect(badQuery).toMatchObject({
      status: 400,
      body: { error: { code: "bad_request", path: "year", issues: [{ code: "invalid", path: "year", params: { value: "abc" } }] } },
    });
    expect(ran).toBe(false);
  });

  it("answers 404 for a municipality that does not exist", async () => {
    const GET = routeFor(null)({ query }, async () => ({}));
    expect((await answer(await GET(req("/api/x?municipality=99999", { cookie: false })))).status).toBe(404);
  });

  it("hands the handler the tenant, the viewer's role and permissions, and a request id", async () => {
    const GET = routeFor(member(1, "planner"))({ query }, async (ctx, { query }) => ({
      municipality: ctx.municipality.code,
      role: ctx.role,
      grants: [...ctx.grants].sort(),
      year: query.year,
      requestId: ctx.requestId === ctx.actor.requestId,
      actor: ctx.actor.label,
    }));
    expect((await answer(await GET(req("/api/x?year=2021")))).body).toEqual({
      municipality: "48170",
      role: "planner",
      grants: ["editOwnWorkItems", "editPlan", "read", "readAudit", "readCosts"],
      year: 2021,
      requestId: true,
      actor: "u1@example.kr",
    });
  });

  it("lets anonymous visitors read unless the atlas is not public", async () => {
    const open = routeFor(null)({}, async (ctx) => ({ grants: [...ctx.grants] }));
    expect(await answer(await open(req("/api/x", { cookie: false })))).toEqual({ status: 200, body: { grants: [] } });
    const closed = routeFor(null, false)({}, async () => ({}));
    expect((await answer(await closed(req("/api/x", { cookie: false })))).status).toBe(401);
  });
});

describe("a form's server action", () => {
  it("runs with the parsed fields, and does nothing for a form that does not parse", async () => {
    const seen: string[] = [];
    const act = formAction(z.object({ locale: z.enum(["ko", "en"]) }), async ({ locale }) => {
      seen.push(locale);
    });
    const form = (locale: string) => {
      const f = new FormData();
      f.set("locale", locale);
      return f;
    };
    await act(form("en"));
    await act(form("<script>"));
    expect(seen).toEqual(["en"]);
  });
});
