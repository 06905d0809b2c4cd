// The embedded database's empty cluster, made once per install (`npm install` runs `db/make-template.ts`): creating a
// PGlite cluster runs initdb, seconds of work that is the same for every folder; a new folder is then
// started from this dump instead, in under a second. The dump is named after the installed PGlite
// version, so an upgrade makes a new one and never loads an old one.
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";

const CACHE_DIR = path.resolve(process.cwd(), "node_modules/.cache/wifi-atlas");

/** Where this install's dump lives, or null when the PGlite package cannot be read. */
export function templateFile(): string | null {
  try {
    const pkg = path.resolve(process.cwd(), "node_modules/@electric-sql/pglite/package.json");
    const { version } = JSON.parse(fs.readFileSync(pkg, "utf8")) as { version: string };
    return path.join(CACHE_DIR, `pglite-${version}.tar.gz`);
  } catch {
    return null;
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
