// Whether the app keeps answering while a large import runs through it: the production build on a
// fresh Postgres database, an admin posts a city's file (every row in Jinju, as a city publishes
// it; the web import is the municipality's own) to /api/imports, and /api/health is asked
// every 50 ms from the start of the upload to the end of the import. Beside it, in the same run,
// /api/health on the idle app (the baseline). Prints one JSON line.
//   npm run build && DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/import-health.ts 100000
// (over 50 MB, about 250,000 rows, raise the upload limit too: IMPORT_MAX_MB=256)
// DATABASE_URL names the server (its maintenance database); the benchmark makes and drops its own.
import { spawn } from "node:child_process";
import { openPostgres } from "../db/client";
import { seed } from "../db/seed";
import { headerLine } from "../lib/standard-data";
import { seededRandom } from "./jinju";
import { scratchDatabase } from "./scratch-db";

const NEXT_BIN = "node_modules/next/dist/bin/next";
const PORT = 3302;
const count = Number(process.argv[2] ?? 100_000);
const { url: dbUrl, drop } = await scratchDatabase("health");

const stats = (ms: number[]) => {
  const s = [...ms].sort((a, b) => a - b);
  const at = (p: number) => Math.round(s[Math.min(s.length - 1, Math.floor(p * s.length))]!);
  return { samples: s.length, p50: at(0.5), p95: at(0.95), max: Math.round(s.at(-1)!) };
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let app: ReturnType<typeof spawn> | undefined;
try {
  // The demo accounts (the admin among them) come with the seed when DEMO_USERS is on.
  process.env.DEMO_USERS = "on";
  const handle = openPostgres(dbUrl, { max: 2 });
  await handle.migrate();
  await seed(handle.db);
  await handle.close();

  app = spawn(process.execPath, [NEXT_BIN, "start", "-p", String(PORT)], {
    env: {
      ...process.env,
      DATABASE_URL: dbUrl,
      NEXT_TELEMETRY_DISABLED: "1",
      TILE_URL: "off",
      BETTER_AUTH_SECRET: "bench-only-secret-0123456789abcdef0123456789",
      SIGNIN_LIMIT: "200/60",
    },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const base = `http://127.0.0.1:${PORT}`;
  for (let i = 0; ; i++) {
    if (i > 240) throw new Error("the app did not come up");
    if (
      await fetch(`${base}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    await sleep(250);
  }
  /** One health request, timed; a failure counts as the time it took to fail. */
  const health = async () => {
    const t = performance.now();
    await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(60_000) }).then(
      (r) => r.arrayBuffer(),
      () => undefined,
    );
    return performance.now() - t;
  };
  /** Health every 50 ms (one at a time) until `until` settles. */
  const poll = async (until: Promise<unknown>) => {
    let done = false;
    void until.finally(() => (done = true));
    const ms: number[] = [];
    while (!done) {
      ms.push(await health());
      await sleep(50);
    }
    return ms;
  };

  const idle = await poll(sleep(5_000));

  const signIn = await fetch(`${base}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base },
    body: JSON.stringify({ email: "admin@jinju.example", password: "admin-pass-2026" }),
  });
  if (!signIn.ok) throw new Error(`sign-in: ${signIn.status}`);
  const cookie = signIn.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");

  // Places over Jinju's built-up area, one to four APs (floors) each, with dates and providers to normalise.
  const rand = seededRandom(3);
  const lines = [headerLine("newer")];
  for (let i = 0; i < count; i++) {
    const place = Math.floor(i / 3);
    const lat = (35.15 + (((place * 7919) % 7000) / 7000) * 0.07 + rand() * 1e-4).toFixed(6);
    const lng = (128.04 + (((place * 104729) % 10000) / 10000) * 0.1 + rand() * 1e-4).toFixed(6);
    lines.push(
      [
        `H-${i}`,
        `부하 장소 ${place}`,
        `${1 + (i % 3)}층`,
        "경상남도",
        "진주시",
        ["공원", "전통시장", "관공서", "버스정류장"][place % 4],
        ["KT", "LGU+", "SKT"][i % 3],
        `HEALTH-${i % 31}`,
        `20${10 + (i % 15)}-${String(1 + (i % 12)).padStart(2, "0")}`,
        `경상남도 진주시 부하로 ${place}`,
        "",
        "진주시청",
        "055-000-0000",
        lat,
        lng,
        "2026-11-01",
      ].join(","),
    );
  }
  const text = `\uFEFF${lines.join("\n")}\n`;
  const form = new FormData();
  form.set("file", new File([text], `national-${count}.csv`, { type: "text/csv" }));
  const started = performance.now();
  const importing = fetch(`${base}/api/imports`, { method: "POST", headers: { cookie, origin: base }, body: form }).then(async (r) => ({
    status: r.status,
    body: await r.text(),
  }));
  const during = await poll(importing);
  const result = await importing;
  const importSeconds = (performance.now() - started) / 1000;
  const counts = (() => {
    try {
      const last = result.body.trim().split("\n").at(-1)!;
      const parsed = JSON.parse(last) as { counts?: unknown; result?: { counts?: unknown } };
      return parsed.result?.counts ?? parsed.counts ?? null;
    } catch {
      return null;
    }
  })();
  console.log(
    JSON.stringify({
      bench: "health-during-import",
      rows: count,
      megabytes: +(Buffer.byteLength(text) / 1e6).toFixed(1),
      importStatus: result.status,
      importSeconds: +importSeconds.toFixed(1),
      counts,
      healthIdleMs: stats(idle),
      healthDuringImportMs: stats(during),
    }),
  );
} finally {
  if (app?.pid) {
    try {
      process.kill(-app.pid, "SIGKILL");
    } catch {
      // gone
    }
  }
  await sleep(500);
  await drop();
}
