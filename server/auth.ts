// Sign-in and sessions: the auth library on our database, and who is signed in for a request.
import "server-only";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { toNextJsHandler } from "better-auth/next-js";
import type { Db } from "../db/client";
import { listMembershipsOfUser } from "../db/queries/users";
import * as s from "../db/schema";
import type { Viewer } from "../lib/authz";
import { readAuthEnv } from "../lib/env";
import { AppError } from "../lib/errors";
import { z } from "zod";
import { getDb } from "./database";

/** Sessions last twelve hours and are refreshed once an hour of use. */
const SESSION_SECONDS = 12 * 60 * 60;

/** The origins a request to this server comes from when its page is this app's (host as the browser saw it). */
function ownOrigins(headers: Headers | undefined): string[] {
  const hosts = [headers?.get("x-forwarded-host"), headers?.get("host")].filter((h): h is string => Boolean(h));
  return hosts.flatMap((h) => [`http://${h}`, `https://${h}`]);
}

export function createAuth(db: Db) {
  const env = readAuthEnv();
  return betterAuth({
    appName: "Wi-Fi Atlas",
    secret: env.secret,
    ...(env.appUrl ? { baseURL: env.appUrl } : {}),
    // Changes are accepted from this app's own pages: the origin of the host the request was sent to.
    trustedOrigins: (request) => [env.appUrl, ...ownOrigins(request?.headers)],
    database: drizzleAdapter(db, {
      provider: "pg",
      usePlural: true,
      schema: { users: s.users, sessions: s.sessions, accounts: s.accounts, verifications: s.verifications, rateLimits: s.rateLimits },
    }),
    // Accounts are made by admins (the admin page, `npm run user:create`), never by visitors.
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 10 },
    session: { expiresIn: SESSION_SECONDS, updateAge: 60 * 60 },
    // Counters live in the database so every app process enforces the same limit.
    rateLimit: {
      enabled: true,
      storage: "database",
      window: 60,
      max: 300,
      customRules: { "/sign-in/email": { window: env.signInLimit.window, max: env.signInLimit.max } },
    },
    advanced: {
      useSecureCookies: env.secureCookies,
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax", secure: env.secureCookies },
      cookiePrefix: "wifi-atlas",
    },
    telemetry: { enabled: false },
    // Failed sign-ins are counted by the rate limiter; they need no log line each.
    logger: { level: "error" },
  });
}
export type Auth = ReturnType<typeof createAuth>;

const instances = new WeakMap<Db, Auth>();

/** The auth instance over the app's database (one per database handle, so tests can swap it). */
export async function getAuth(): Promise<Auth> {
  const { db } = await getDb();
  let auth = instances.get(db);
  if (!auth) {
    auth = createAuth(db);
    instances.set(db, auth);
  }
  return auth;
}

/** The signed-in user with their roles, or null; the session is checked against the database. */
export async function currentViewer(headers: Headers): Promise<Viewer | null> {
  const auth = await getAuth();
  const session = await auth.api.getSession({ headers, query: { disableCookieCache: true } });
  if (!session) return null;
  const { db } = await getDb();
  const memberships = await listMembershipsOfUser(db, { userId: session.user.id });
  return { userId: session.user.id, email: session.user.email, name: session.user.name, memberships };
}

const library = toNextJsHandler(async (req: Request) => (await getAuth()).handler(req));

/** What is taken from the library's session answer: who, and until when. Anything else is dropped. */
const librarySession = z
  .object({ user: z.object({ id: z.string(), name: z.string(), email: z.string() }), session: z.object({ expiresAt: z.coerce.string() }) })
  .nullable();

/**
 * The auth library's endpoints as route handlers, allow-listed like every other answer: of its
 * changes, signing in and out (its own account changes — renaming, a new email, a new password —
 * would bypass the app's validation and audit trail, so they are not served); of its reads,
 * `get-session`, which says who is signed in and until when (never the session's token).
 */
/** The library's changes that the app serves: signing in and out. Account changes go through the app's own use cases. */
const POSTS = ["/sign-in/email", "/sign-out"];

export const authRoutes = {
  POST: async (req: Request): Promise<Response> => {
    const path = new URL(req.url).pathname;
    if (!POSTS.some((p) => path.endsWith(p))) return Response.json(new AppError("not_found", "Not found.").toJSON(), { status: 404 });
    return library.POST(req);
  },
  GET: async (req: Request): Promise<Response> => {
    const path = new URL(req.url).pathname;
    if (!path.endsWith("/get-session")) return Response.json(new AppError("not_found", "Not found.").toJSON(), { status: 404 });
    const res = await library.GET(req);
    if (!res.ok) return res;
    const body = librarySession.parse(await res.json());
    const shaped = body ? { user: { id: body.user.id, name: body.user.name, email: body.user.email }, session: { expiresAt: body.session.expiresAt } } : null;
    const headers = new Headers(res.headers);
    headers.delete("content-length");
    return Response.json(shaped, { status: res.status, headers });
  },
};
