// Peak memory of an import as the file grows: `npm run import` of a synthetic national file (one place
// per row, every 시군구) into a fresh Postgres database, once per size, each in a process of its own
// whose peak resident memory /usr/bin/time reports. Prints one JSON line per size, then the ratio of
// the largest to the smallest.
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/import-memory.ts 100000 1000000
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openPostgres } from "../db/client";
import { seed } from "../db/seed";
import { scratchDatabase } from "./scratch-db";
import { standardFile } from "./synthetic";

const sizes = process.argv.slice(2).map(Number);
if (sizes.length === 0) sizes.push(100_000, 1_000_000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "wifi-atlas-memory-"));
const results: { rows: number; fileMB: number; peakMB: number; seconds: number }[] = [];

try {
  for (const rows of sizes) {
    const file = path.join(dir, `national-${rows}.csv`);
    fs.writeFileSync(file, standardFile(rows).text);
    const { url, drop } = await scratchDatabase(`memory_${rows}`);
    try {
      const handle = openPostgres(url, { max: 2 });
      await handle.migrate();
      await seed(handle.db);
      await handle.close();
      const start = performance.now();
      const run = spawnSync("/usr/bin/time", ["-f", "peak-kb %M", process.execPath, "--import", "tsx", "server/cli/import.ts", file, "--json"], {
        env: { ...process.env, DATABASE_URL: url, IMPORT_MAX_MB: "4096" },
        encoding: "utf8",
        maxBuffer: 1 << 30,
      });
      const seconds = (performance.now() - start) / 1000;
      const peak = run.stderr.match(/peak-kb (\d+)/);
      if (run.status !== 0 || !peak) throw new Error(`import of ${rows} rows failed (${run.status}): ${run.stderr.slice(-2000)}`);
      const report = JSON.parse(run.stdout) as { counts: Record<string, number> };
      // (A few hundred rows name 시군구 of the 2018 outlines that the directory no longer has: refused.)
      if (report.counts.new! < 0.99 * rows) throw new Error(`expected about ${rows} new rows, got ${JSON.stringify(report.counts)}`);
      const result = {
        rows,
        fileMB: +(fs.statSync(file).size / 2 ** 20).toFixed(1),
        peakMB: +(Number(peak[1]) / 1024).toFixed(1),
        seconds: +seconds.toFixed(1),
      };
      results.push(result);
      console.log(JSON.stringify(result));
    } finally {
      fs.rmSync(file, { force: true });
      await drop();
    }
  }
  const [small, large] = [results[0]!, results.at(-1)!];
  console.log(JSON.stringify({ rows: `${large.rows} / ${small.rows}`, peakRatio: +(large.peakMB / small.peakMB).toFixed(2) }));
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
