import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { acquireDataDirLock, lockPathFor } from "./data-dir-lock";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "wifi-atlas-lock-"));
const releases: (() => void)[] = [];
afterEach(() => releases.splice(0).forEach((r) => r()));

function seedInChild(dataDir: string) {
  return spawnSync(process.execPath, ["--import", "tsx", "db/seed/run.ts"], {
    env: { ...process.env, PGLITE_DIR: dataDir, DATABASE_URL: "" },
    encoding: "utf8",
    timeout: 60_000,
  });
}

describe("embedded database folder lock", () => {
  it("makes a second process refuse with a message saying who holds the folder and what to do", () => {
    const dir = path.join(tmp, "held");
    releases.push(acquireDataDirLock(dir));
    const child = seedInChild(dir);
    expect(child.status).toBe(3);
    expect(child.stderr).toContain(`is in use by another process (pid ${process.pid}`);
    expect(child.stderr).toContain("Stop that process first");
    expect(fs.existsSync(dir)).toBe(false);
  });

  it("takes over a lock left by a process that died", () => {
    const dir = path.join(tmp, "stale");
    fs.mkdirSync(tmp, { recursive: true });
    fs.writeFileSync(lockPathFor(dir), JSON.stringify({ pid: 2 ** 22 + 7, host: os.hostname(), command: "killed", since: "2026-01-01" }));
    const release = acquireDataDirLock(dir);
    releases.push(release);
    expect(JSON.parse(fs.readFileSync(lockPathFor(dir), "utf8")).pid).toBe(process.pid);
  });

  it("is released when the owner lets go, so the next process can open the folder", () => {
    const dir = path.join(tmp, "free");
    acquireDataDirLock(dir)();
    expect(fs.existsSync(lockPathFor(dir))).toBe(false);
    const child = seedInChild(dir);
    expect(child.stderr).toBe("");
    expect(child.stdout).toContain("seeded (pglite): jinju-program-v1, jinju-poi-v1");
    expect(child.status).toBe(0);
  }, 60_000);
});
