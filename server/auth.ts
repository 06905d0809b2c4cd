// Sign-in and sessions: the auth library on our database, and who is signed in for a request.
import "server-only";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { toNextJsHandler } from "better-auth/next-js";
import type { Db } from "../db/client";
import { clearSignInFailures, findSignInBlock, recordSignInFailure } from "../db/queries/sign-in";
import { listMembershipsOfUser } from "../db/queries/users";
import * as s from "../db/schema";
import type { Viewer } from "../lib/authz";
import { clientAddress } from "../lib/client-address";
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
      // The library's own limiter counts by the address the app worked out (never a header a client sent).
      ipAddress: { ipAddressHeaders: [CLIENT_HEADER] },
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
/** The header the library reads the client's address from: set here, over anything a client sent. */
const CLIENT_HEADER = "x-wifi-atlas-client";
/** The connection's peer, set by the server for every request (instrumentation-node.ts), over anything a client sent. */
export const PEER_HEADER = "x-wifi-atlas-peer";

/** Where a request comes from: its peer, or what trusted proxies say (TRUSTED_PROXIES). */
export function clientAddressOf(headers: Headers): string {
  const forwardedFor = headers.get("x-forwarded-for");
  // Without the server's peer header (a handler called in-process) the right-most forwarded entry stands for it.
  const peer = headers.get(PEER_HEADER) ?? forwardedFor?.split(",").at(-1)?.trim() ?? "unknown";
  return clientAddress({ peer, forwardedFor, trusted: readAuthEnv().trustedProxies });
}

function withClientAddress(req: Request, address: string): Request {
  const headers = new Headers(req.headers);
  headers.set(CLIENT_HEADER, address);
  return new Request(req, { headers });
}

/**
 * Sign-in with failures counted per address and per account in the database: from the limit's
 * count of failures on, a key is refused (429) for a while that doubles with each further failure,
 * before any password is hashed; so neither forged addresses nor many addresses buy more guesses
 * at one account. A successful sign-in clears its account's count.
 */
async function signInLimited(req: Request, address: string): Promise<Response> {
  const { signInLimit } = readAuthEnv();
  const body: unknown = await req
    .clone()
    .json()
    .catch(() => null);
  const email = z.object({ email: z.string() }).safeParse(body).data?.email.trim().toLowerCase();
  const keys = [`address:${address}`, ...(email ? [`account:${email}`] : [])];
  const { db } = await getDb();
  const now = new Date();
  const until = await findSignInBlock(db, { keys, now });
  if (until) {
    const seconds = Math.ceil((until.getTime() - now.getTime()) / 1000);
    return Response.json(new AppError("too_many_requests", "Too many failed sign-ins; try again later.", { params: { retryAfterSeconds: seconds } }).toJSON(), {
      status: 429,
      headers: { "retry-after": String(seconds) },
    });
  }
  const res = await library.POST(req);
  if (res.status === 401) await recordSignInFailure(db, { keys, now, max: signInLimit.max, windowSeconds: signInLimit.window });
  else if (res.ok && email) await clearSignInFailures(db, { keys: [`account:${email}`] });
  return res;
}

/** The library's changes that the app serves: signing in and out. Account changes go through the app's own use cases. */
const POSTS = ["/sign-in/email", "/sign-out"];

export const authRoutes = {
  POST: async (req: Request): Promise<Response> => {
    const path = new URL(req.url).pathname;
    if (!POSTS.some((p) => path.endsWith(p))) return Response.json(new AppError("not_found", "Not found.").toJSON(), { status: 404 });
    const address = clientAddressOf(req.headers);
    const forwarded = withClientAddress(req, address);
    return path.endsWith("/sign-in/email") ? signInLimited(forwarded, address) : library.POST(forwarded);
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
