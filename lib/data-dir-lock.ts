// Single-owner lock for the embedded database folder: two PGlite processes on one folder corrupt it.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { AppError } from "./errors";

type Owner = { pid: number; host: string; command: string; since: string };

export function lockPathFor(dataDir: string): string {
  return `${dataDir.replace(/[/\\]+$/, "")}.lock`;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readOwner(file: string): Owner | null {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as Owner;
  } catch {
    return null;
  }
}

/** The process holding the folder, or null when it is free (a lock left by a dead process is free). */
export function currentOwner(dataDir: string): Owner | null {
  const owner = readOwner(lockPathFor(dataDir));
  if (!owner || owner.pid === process.pid) return null;
  // A process on another host cannot be probed: treat its lock as held.
  if (owner.host !== os.hostname()) return owner;
  return isAlive(owner.pid) ? owner : null;
}

/** The folder as a message shows it: relative to where the command runs. */
function shownDir(dataDir: string): string {
  return path.relative(process.cwd(), dataDir) || dataDir;
}

export function busyMessage(dataDir: string, owner: Owner): string {
  return (
    `The embedded database at ${shownDir(dataDir)} is in use by another process ` +
    `(pid ${owner.pid}: ${owner.command}, since ${owner.since}). Two processes on one PGlite folder corrupt it, ` +
    `so this one stops. Stop that process first, or set PGLITE_DIR to another folder, ` +
    `or set DATABASE_URL to use a Postgres server.`
  );
}

/**
 * Takes the folder for this process, or throws `database_busy` naming the owner.
 * The lock is released when the process exits; a lock left by a killed process is taken over.
 */
export function acquireDataDirLock(dataDir: string): () => void {
  const file = lockPathFor(dataDir);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const me: Owner = {
    pid: process.pid,
    host: os.hostname(),
    command:
      process.argv
        .slice(1)
        .map((a) => path.basename(a))
        .join(" ") || "node",
    since: new Date().toISOString(),
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(me), { flag: "wx" });
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const owner = readOwner(file);
      if (owner && owner.pid === process.pid) break;
      const busy = currentOwner(dataDir);
      if (busy) throw new AppError("database_busy", busyMessage(dataDir, busy), { params: { dir: shownDir(dataDir), owner: busy } });
      fs.rmSync(file, { force: true });
    }
  }
  const release = () => {
    if (readOwner(file)?.pid === process.pid) fs.rmSync(file, { force: true });
  };
  process.once("exit", release);
  return release;
}
