// Typed, validated environment: where the database is and how the app is served.
import path from "node:path";
import { z } from "zod";
import { parseTrustedProxies, type TrustedProxies } from "./client-address";

const schema = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  PGLITE_DIR: z.string().trim().min(1).default(".data/pglite"),
  DEFAULT_MUNICIPALITY: z
    .string()
    .trim()
    .regex(/^\d{5}$/, "must be a 5-digit MOIS code")
    .default("48170"),
});

/** `defaultMunicipality`: the MOIS code of the municipality shown when a request names none. */
export type Env = { databaseUrl?: string; pgliteDir: string; defaultMunicipality: string };

export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid environment variable ${String(issue?.path[0])}: ${issue?.message}`);
  }
  return {
    databaseUrl: parsed.data.DATABASE_URL,
    pgliteDir: path.resolve(parsed.data.PGLITE_DIR),
    defaultMunicipality: parsed.data.DEFAULT_MUNICIPALITY,
  };
}

const flag = (fallback: boolean) =>
  z
    .enum(["on", "off", "1", "0", "true", "false", ""])
    .optional()
    .transform((v) => (v === undefined || v === "" ? fallback : ["on", "1", "true"].includes(v)));

/** Development only: sessions signed with it are worthless anywhere else. */
const DEV_SECRET = "wifi-atlas-development-secret-not-for-production";

export type AuthEnv = {
  production: boolean;
  secret: string;
  /** The public URL, when set; cookies are Secure when it is https. */
  appUrl?: string;
  secureCookies: boolean;
  /** Anonymous visitors may see the map and summaries. */
  publicAccess: boolean;
  /** The seed creates one demo user per role (development and tests). */
  demoUsers: boolean;
  admin?: { email: string; password: string };
  signInLimit: { max: number; window: number };
  /** Which proxies may say, in X-Forwarded-For, where a request came from (none unless set). */
  trustedProxies: TrustedProxies;
};

export function readAuthEnv(source: Record<string, string | undefined> = process.env): AuthEnv {
  const production = source.NODE_ENV === "production";
  const parsed = z
    .object({
      BETTER_AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
      APP_URL: z.url().optional(),
      PUBLIC_ACCESS: flag(true),
      DEMO_USERS: flag(!production),
      ADMIN_EMAIL: z.email().optional(),
      ADMIN_PASSWORD: z.string().min(10, "must be at least 10 characters").optional(),
      SIGNIN_LIMIT: z
        .string()
        .regex(/^\d+\/\d+$/, "must look like 5/60 (attempts per seconds)")
        .default("5/60"),
      TRUSTED_PROXIES: z.string().optional(),
    })
    .safeParse(Object.fromEntries(Object.entries(source).filter(([, v]) => v !== "")));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid environment variable ${String(issue?.path[0])}: ${issue?.message}`);
  }
  const e = parsed.data;
  if (production && !e.BETTER_AUTH_SECRET) throw new Error("Invalid environment variable BETTER_AUTH_SECRET: must be set in production");
  if (Boolean(e.ADMIN_EMAIL) !== Boolean(e.ADMIN_PASSWORD)) {
    throw new Error("Invalid environment variable ADMIN_PASSWORD: ADMIN_EMAIL and ADMIN_PASSWORD go together");
  }
  const [max, window] = e.SIGNIN_LIMIT.split("/").map(Number) as [number, number];
  return {
    production,
    secret: e.BETTER_AUTH_SECRET ?? DEV_SECRET,
    appUrl: e.APP_URL,
    secureCookies: e.APP_URL?.startsWith("https://") ?? false,
    publicAccess: e.PUBLIC_ACCESS,
    demoUsers: e.DEMO_USERS,
    admin: e.ADMIN_EMAIL && e.ADMIN_PASSWORD ? { email: e.ADMIN_EMAIL, password: e.ADMIN_PASSWORD } : undefined,
    signInLimit: { max, window },
    trustedProxies: trustedProxiesOf(e.TRUSTED_PROXIES),
  };
}

function trustedProxiesOf(value: string | undefined): TrustedProxies {
  try {
    return parseTrustedProxies(value);
  } catch {
    throw new Error("Invalid environment variable TRUSTED_PROXIES: must be a hop count (1) or addresses and CIDRs (10.0.0.0/8, 127.0.0.1)");
  }
}
