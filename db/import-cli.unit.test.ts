import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./testing/cli";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "wifi-atlas-import-"));

const cli = (args: string[], env: Record<string, string> = {}) => runCli("db/import-cli.ts", args, { PGLITE_DIR: path.join(tmp, "db"), ...env });

describe("npm run import", () => {
  it("seeds a fresh embedded database first, so the seeded Jinju file previews as unchanged, in one JSON report", () => {
    const r = cli(["db/seed/data/jinju_free_wifi_2016_cp949.csv", "--dry-run", "--json"]);
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as { committed: boolean; counts: Record<string, number>; issues: unknown[] };
    expect(report.committed).toBe(false);
    expect(report.counts).toEqual({ new: 0, updated: 0, unchanged: 55, duplicate: 55, invalid: 0 });
    expect(report.issues).toHaveLength(2);
  }, 90_000);

  it("refuses a file that is not standard data with exit code 2 and says why", () => {
    const r = cli(["db/seed/data/jinju_traditional_markets_20241104_utf8.csv", "--json"]);
    expect(r.status).toBe(2);
    expect(JSON.parse(r.stdout)).toMatchObject({ refused: true, error: expect.stringContaining("Not the national free Wi-Fi standard format") });
    const json = cli(["package.json", "--json"]);
    expect(json.status).toBe(2);
    expect(JSON.parse(json.stdout)).toMatchObject({ refused: true, error: "package.json: Not a GeoJSON FeatureCollection of points: expected { \"type\": \"FeatureCollection\", \"features\": [...] }." });
  }, 90_000);

  it("refuses a file over the size limit", () => {
    const r = cli(["db/seed/data/jinju_free_wifi_2016_cp949.csv"], { IMPORT_MAX_BYTES: "1000" });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("over the 1,000-byte limit");
  }, 30_000);
});
