// Sign-in and sessions: the auth library on our database, and who is asking for a request.
import { betterAuth } from "better-auth";
import { headers } from "next/headers";
import { cache } from "react";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Viewer } from "../lib/authz";
import type { Role } from "../lib/domain";
import { readAuthEnv } from "../lib/env";
import { AppError } from "../lib/errors";
import { sameOrigin } from "../lib/origin";
import type { Db } from "./client";
import { getDb } from "./index";
import type { Actor } from "./queries/audit";
import { findMunicipalityByCode } from "./queries/common";
import * as s from "./schema";

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
  const memberships = await db
    .select({ municipalityId: s.memberships.municipalityId, role: s.memberships.role, partnerId: s.memberships.partnerId })
    .from(s.memberships)
    .where(eq(s.memberships.userId, session.user.id));
  return { userId: session.user.id, email: session.user.email, name: session.user.name, memberships };
}

/** Who is asking, for a read: may be nobody. */
export async function readerOf(req: Request): Promise<Actor> {
  const viewer = await currentViewer(req.headers);
  return { viewer, label: viewer?.email ?? "anonymous", requestId: randomUUID() };
}

/**
 * Who is asking, for a change: refuses a foreign Origin (403) and a missing or signed-out
 * session (401). The role is checked by the query that makes the change.
 */
export async function writerOf(req: Request): Promise<Actor & { viewer: Viewer }> {
  if (!sameOrigin(req, readAuthEnv().appUrl)) throw new AppError("forbidden", "Cross-origin requests may not change anything.");
  const actor = await readerOf(req);
  if (!actor.viewer) throw new AppError("unauthorized", "Sign in first.");
  return actor as Actor & { viewer: Viewer };
}

/** The signed-in viewer of the page being rendered (looked up once per request). */
export const pageViewer = cache(async (): Promise<Viewer | null> => currentViewer(await headers()));

/**
 * For reads: when the atlas is not public (PUBLIC_ACCESS=off), only signed-in users get data.
 * Costs and notes are redacted by the queries themselves for anyone without a role.
 */
export async function requireReader(req: Request): Promise<Actor> {
  const publicAccess = readAuthEnv().publicAccess;
  if (publicAccess && !req.headers.get("cookie")?.includes("session_token=")) return { viewer: null, label: "anonymous", requestId: randomUUID() };
  const actor = await readerOf(req);
  if (!actor.viewer && !publicAccess) throw new AppError("unauthorized", "Sign in first: this atlas is not public.");
  return actor;
}

/** The page viewer's role in the municipality the pages show, for the header and page guards. */
export const pageRole = cache(async (): Promise<{ viewer: Viewer | null; municipalityId: number | null; role: Role | null }> => {
  const viewer = await pageViewer();
  if (!viewer) return { viewer, municipalityId: null, role: null };
  const m = await findMunicipalityByCode({}).catch(() => null);
  const membership = m ? viewer.memberships.find((x) => x.municipalityId === m.id) : undefined;
  return { viewer, municipalityId: m?.id ?? null, role: membership?.role ?? null };
});
