// The request context: who is asking, for which municipality, on which database, with what input —
// resolved once per request by `route` (route handlers here) and `pageContext` (pages, page-context.ts), never by hand.
import { chosenInCookie } from "../lib/chosen-municipality";
import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Db, DbHandle, Engine } from "../db/client";
import type { Actor } from "../db/queries/audit";
import type { Municipality } from "../db/schema";
import { grantsOf, membershipIn, type Permission, type Viewer } from "../lib/authz";
import type { Role } from "../lib/domain";
import { readAuthEnv } from "../lib/env";
import { AppError } from "../lib/errors";
import { handle } from "../lib/http";
import { parseBody } from "../lib/inputs";
import { sameOrigin } from "../lib/origin";
import { securityHeaders } from "../lib/security-headers";
import { parseParams } from "../lib/query-params";
import { currentViewer } from "./auth";
import { readUpload, type Upload } from "./upload";
import { getDb } from "./database";
import { resolveMunicipality } from "./tenant";

export type RequestContext = {
  db: Db;
  engine: Engine;
  /** The signed-in user with their roles, or null for an anonymous visitor. */
  viewer: Viewer | null;
  /** The viewer as the audit trail names them, with the id shared by this request's changes. */
  actor: Actor;
  /** The municipality (tenant) the request is about: the one it names, else the default. */
  municipality: Municipality;
  /** The viewer's role in that municipality, or null. */
  role: Role | null;
  /** What the viewer may do in that municipality; read models pick their fields by it. */
  grants: ReadonlySet<Permission>;
  requestId: string;
};

/** What the context is resolved from; tests hand in their own. */
export type ContextDeps = {
  database: () => Promise<DbHandle>;
  viewerOf: (headers: Headers) => Promise<Viewer | null>;
  municipalityOf: (db: Db, code: string | undefined) => Promise<Municipality>;
  settings: () => { publicAccess: boolean; appUrl?: string };
};

export const liveDeps: ContextDeps = {
  database: getDb,
  viewerOf: currentViewer,
  municipalityOf: resolveMunicipality,
  settings: () => readAuthEnv(),
};

/**
 * The context of a request about the whole inventory (the map's national layers): a municipality
 * only when the request names one, and no permissions (what it answers is public).
 */
export type NationalContext = Omit<RequestContext, "municipality" | "role" | "grants"> & { municipality: Municipality | null };

/** The part of a context that does not depend on a municipality: the database, who asks, the request id. */
function baseOf(handle: DbHandle, viewer: Viewer | null) {
  const requestId = randomUUID();
  return { db: handle.db, engine: handle.engine, viewer, actor: { viewer, label: viewer?.email ?? "anonymous", requestId }, requestId };
}

export function contextOf(handle: DbHandle, viewer: Viewer | null, municipality: Municipality): RequestContext {
  return { ...baseOf(handle, viewer), municipality, role: membershipIn(viewer, municipality.id)?.role ?? null, grants: grantsOf(viewer, municipality.id) };
}

/** Only a request that carries a session cookie is looked up: an anonymous read costs no query. */
export const hasSessionCookie = (headers: Headers) => headers.get("cookie")?.includes("session_token=") ?? false;

type Schema = z.ZodType;
/** A body that names the municipality it is about (a user's role there, for one). */
const namesMunicipality = z.object({ municipality: z.string().optional() });
type Parsed<S> = S extends Schema ? z.infer<S> : undefined;
type RouteSpec = {
  /** Search parameters of the URL. */
  query?: Schema;
  /** The JSON body. */
  body?: Schema;
  /** The dynamic segments of the path. */
  params?: Schema;
  /** A change: refused from a foreign Origin (403) and without a session (401). */
  write?: boolean;
  /** A multipart upload of at most `maxBytes` (413 as soon as it passes it), streamed before the handler runs. */
  form?: { maxBytes: () => number };
  /** The status of a plain (non-Response) answer; 200 unless given. */
  status?: number;
  /** About the whole inventory: the handler gets a NationalContext, with a municipality only when the request names one. */
  national?: true;
};
type ContextFor<S extends RouteSpec> = S extends { national: true } ? NationalContext : RequestContext;
export type RouteInput<S extends RouteSpec> = {
  query: Parsed<S["query"]>;
  body: Parsed<S["body"]>;
  params: Parsed<S["params"]>;
  form: S["form"] extends object ? Upload : undefined;
  req: Request;
};

type Segments = { params: Promise<Record<string, string | string[]>> };

/** Builds the `route` wrapper over the given dependencies (the app's own, or a test's). */
export function makeRoute(deps: ContextDeps) {
  return function route<const S extends RouteSpec>(spec: S, run: (ctx: ContextFor<S>, input: RouteInput<S>) => Promise<unknown>) {
    return handle(async (req: Request, segments?: Segments): Promise<Response> => {
      const settings = deps.settings();
      if (spec.write && !sameOrigin(req, settings.appUrl)) throw new AppError("forbidden", "Cross-origin requests may not change anything.");
      const handle = await deps.database();
      const viewer = hasSessionCookie(req.headers) ? await deps.viewerOf(req.headers) : null;
      if (!viewer && (spec.write || !settings.publicAccess)) {
        throw new AppError("unauthorized", spec.write ? "Sign in first." : "Sign in first: this atlas is not public.");
      }
      const url = new URL(req.url);
      const params = spec.params ? parseParams(spec.params, (await segments?.params) ?? {}) : undefined;
      const query = spec.query ? parseParams(spec.query, url.searchParams) : undefined;
      const body = spec.body ? await parseBody(spec.body, req) : undefined;
      const form = spec.form ? await readUpload(req, spec.form.maxBytes()) : undefined;
      // The route removes an uploaded file when it is done with it; a request that fails first removes it here.
      try {
        const fromForm = form?.fields.get("municipality");
        const fromBody = namesMunicipality.safeParse(body).data?.municipality;
        const named = fromBody ?? (typeof fromForm === "string" && fromForm ? fromForm : undefined) ?? url.searchParams.get("municipality") ?? undefined;
        // A route about one municipality that names none answers for the one the caller chose on the
        // pages (the cookie), so a screen and the data it loads agree; national layers stay national.
        const chosen = named ?? (spec.national ? undefined : chosenInCookie(req.headers.get("cookie")));
        // eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion -- each part was parsed by the spec's own schema just above
        const input = { query, body, params, form, req } as RouteInput<S>;
        const ctx: RequestContext | NationalContext =
          spec.national && named === undefined
            ? { ...baseOf(handle, viewer), municipality: null }
            : contextOf(
                handle,
                viewer,
                await deps.municipalityOf(handle.db, chosen).catch((err: unknown) => {
                  // A remembered code no longer known falls back to the default; a named one is a 404.
                  if (named === undefined && chosen !== undefined && err instanceof AppError && err.code === "not_found")
                    return deps.municipalityOf(handle.db, undefined);
                  throw err;
                }),
              );
        // eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion -- a national spec gets the national context built just above, any other the full one
        const out = await run(ctx as ContextFor<S>, input);
        const res = out instanceof Response ? out : Response.json(out, { status: spec.status ?? 200 });
        // What a signed-in caller is sent depends on who they are: no shared cache may keep it.
        res.headers.append("vary", "Cookie");
        if (viewer) res.headers.set("cache-control", "private, no-store");
        // An upload route is not passed through the proxy (it would buffer the body): its headers are set here.
        if (spec.form) for (const [name, value] of securityHeaders(process.env)) res.headers.set(name, value);
        return res;
      } catch (err) {
        form?.file?.dispose();
        throw err;
      }
    });
  };
}

/** Wraps a route handler: the context and the validated input are ready before the handler's own code runs. */
export const route = makeRoute(liveDeps);

/**
 * Wraps a server action that a form posts: its fields are parsed with `schema` before the action's
 * own code runs; a form that does not parse changes nothing (a form of this app always parses).
 */
export function formAction<S extends z.ZodType>(schema: S, run: (input: z.infer<S>) => Promise<void>): (formData: FormData) => Promise<void> {
  return async (formData: FormData) => {
    const parsed = schema.safeParse(Object.fromEntries(formData));
    if (parsed.success) await run(parsed.data);
  };
}
