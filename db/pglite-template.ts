// The embedded database's starting points, made once per install (`npm install` runs `db/make-template.ts`):
// - the empty cluster: creating a PGlite cluster runs initdb, seconds of work that is the same for every
//   folder; a new folder is started from this dump instead, in under a second. The dump is named after the
//   installed PGlite version, so an upgrade makes a new one and never loads an old one.
// - the app's database: that cluster migrated and seeded with the Jinju program, kept as a folder a new app
//   folder is copied from; twice, without users and with the demo logins, for the two ways the
//   environment asks for users (an ADMIN_EMAIL is added at start, as on any start). It is named after everything that
//   could change what migrating and seeding write (the PGlite version, the locked packages, every file of
//   db/ and lib/), so a changed migration, seed or parser is never answered by an old copy: the app then
//   creates, migrates and seeds the folder itself, as without the copy.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";

const CACHE_REL = "node_modules/.cache/wifi-atlas";
const CACHE_DIR = path.resolve(process.cwd(), CACHE_REL);

function pgliteVersion(root = process.cwd()): string | null {
  try {
    const pkg = path.resolve(root, "node_modules/@electric-sql/pglite/package.json");
    return (JSON.parse(fs.readFileSync(pkg, "utf8")) as { version: string }).version;
  } catch {
    return null;
  }
}

/** Where this install's dump lives, or null when the PGlite package cannot be read. */
export function templateFile(): string | null {
  const version = pgliteVersion();
  return version ? path.join(CACHE_DIR, `pglite-${version}.tar.gz`) : null;
}

/** Every file under `dir` of the project at `root`, sorted, as paths relative to it. */
function filesUnder(root: string, dir: string): string[] {
  return fs
    .readdirSync(path.resolve(root, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)))
    .sort();
}

/** `demo`: the copy with the demo logins (DEMO_USERS on), `plain` the one without any user. */
export type AppTemplate = "plain" | "demo";

/** Where the migrated and seeded copies for this code and these packages live, or null when they cannot be named. */
export function appTemplateDirs(root = process.cwd()): Record<AppTemplate, string> | null {
  const version = pgliteVersion(root);
  if (!version) return null;
  try {
    const hash = crypto.createHash("sha256");
    for (const file of ["package-lock.json", ...filesUnder(root, "db"), ...filesUnder(root, "lib")]) {
      hash
        .update(`${file}\0`)
        // Read to be hashed, never bundled: kept out of the build's file tracing.
        .update(fs.readFileSync(/*turbopackIgnore: true*/ path.resolve(root, file)))
        .update("\0");
    }
    const base = path.join(root, CACHE_REL, `app-${version}-${hash.digest("hex").slice(0, 16)}`);
    return { plain: `${base}-plain`, demo: `${base}-demo` };
  } catch {
    return null;
  }
}

/** Where one of the copies lives (see `appTemplateDirs`). */
export function appTemplateDir(variant: AppTemplate, root = process.cwd()): string | null {
  return appTemplateDirs(root)?.[variant] ?? null;
}

/** Fills the new folder `dataDir` from the app's migrated and seeded copy; false when there is none for this code. */
export function copyAppTemplate(dataDir: string, variant: AppTemplate): boolean {
  const dir = appTemplateDir(variant);
  if (!dir || !fs.existsSync(path.join(dir, "PG_VERSION"))) return false;
  try {
    fs.cpSync(dir, dataDir, { recursive: true });
    return true;
  } catch {
    // Half a copy is no cluster: leave the folder empty for the app to create.
    fs.rmSync(dataDir, { recursive: true, force: true });
    return false;
  }
}

/** The dump of an empty cluster, when this install has one. */
export function readTemplate(): Blob | undefined {
  const file = templateFile();
  if (!file || !fs.existsSync(file)) return undefined;
  return new Blob([fs.readFileSync(file)]);
}

/** Creates an empty cluster in memory and writes its dump (whole, or not at all). */
export async function writeTemplate(): Promise<string> {
  const file = templateFile();
  if (!file) throw new Error("@electric-sql/pglite is not installed");
  const client = await PGlite.create();
  try {
    const dump = await client.dumpDataDir("gzip");
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const partial = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    fs.renameSync(partial, file);
  } finally {
    await client.close();
  }
  return file;
}
