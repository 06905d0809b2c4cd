// Durability and multi-process checks against the production build (built first when missing):
//  1. two app processes on one Postgres share sessions, sign-outs and the sign-in limit;
//  2. numbered imports are written through both while Postgres is stopped hard (immediate stop, then
//     SIGKILL of the whole server) and restarted several times: every acknowledged import is there,
//     none is half-applied, the app answers 503 while the database is down and recovers by itself;
//  3. the embedded database keeps every acknowledged import across a kill -9 of the app.
// It uses a throwaway Postgres cluster of its own on a loopback port, never the shared server.
// Prints `acknowledged N, found M` and writes reports/durability.json ({ checks: [{ name, ok, detail }] }).
//   npx tsx scripts/durability.ts
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";

const NEXT_BIN = "node_modules/next/dist/bin/next";
const WRITE_SECONDS = Number(process.env.DURABILITY_SECONDS ?? 24);
const CRASHES = Number(process.env.DURABILITY_CRASHES ?? 3);
const PG_PORT = 5499;
const PORTS = { a: 3401, b: 3402, embedded: 3403 };
const SECRET = "durability-secret-0123456789abcdef0123456789";
const ADMIN = { email: "admin@jinju.example", password: "admin-pass-2026" };

const checks: { name: string; ok: boolean; detail: string }[] = [];
function check(name: string, ok: boolean, detail: string) {
  checks.push({ name, ok, detail });
  console.log(`${ok ? "ok  " : "FAIL"} ${name}: ${detail}`);
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

if (!fs.existsSync(".next/BUILD_ID")) {
  const r = spawnSync(process.execPath, [NEXT_BIN, "build"], { stdio: "inherit" });
  if (r.status !== 0) process.exit(1);
}

// ── a throwaway Postgres cluster ──────────────────────────────────────────────
const pgBin = (() => {
  const root = "/usr/lib/postgresql";
  const versions = fs.existsSync(root) ? fs.readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  return versions.map((v) => path.join(root, v, "bin")).find((d) => fs.existsSync(path.join(d, "initdb"))) ?? null;
})();
// The Postgres part runs where the tests run on Postgres too (DATABASE_URL set, as in CI) and the
// server binaries are installed; the embedded part runs everywhere.
const withPostgres = Boolean(process.env.DATABASE_URL) && pgBin !== null;
const asRoot = process.getuid?.() === 0;
const pgDir = fs.mkdtempSync(path.join(os.tmpdir(), "wifi-atlas-durability-"));
const dataDir = path.join(pgDir, "data");
/** Postgres refuses to run as root: run its tools as the postgres user then. */
function pgTool(tool: string, args: string[], opts: { allowFail?: boolean } = {}) {
  const cmd = asRoot ? "runuser" : path.join(pgBin!, tool);
  const full = asRoot ? ["-u", "postgres", "--", path.join(pgBin!, tool), ...args] : args;
  const r = spawnSync(cmd, full, { encoding: "utf8" });
  if (r.status !== 0 && !opts.allowFail) throw new Error(`${tool} ${args.join(" ")} failed: ${r.stderr || r.stdout}`);
  return r;
}
const startPg = () =>
  pgTool("pg_ctl", ["-D", dataDir, "-l", path.join(pgDir, "log"), "-o", `-p ${PG_PORT} -k ${pgDir} -c listen_addresses=127.0.0.1`, "-w", "start"]);
const stopPgImmediate = () => pgTool("pg_ctl", ["-D", dataDir, "-m", "immediate", "-w", "stop"], { allowFail: true });
function killPg() {
  const pid = Number(fs.readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
  const children = spawnSync("pgrep", ["-P", String(pid)], { encoding: "utf8" })
    .stdout.split("\n")
    .filter(Boolean)
    .map(Number);
  for (const p of [pid, ...children]) {
    try {
      process.kill(p, "SIGKILL");
    } catch {
      // already gone
    }
  }
}
const DB_URL = `postgres://postgres@127.0.0.1:${PG_PORT}/wifi_atlas`;

/** A cluster of our own on a loopback port, migrated and seeded: never the shared server. */
async function setupCluster() {
  if (asRoot) spawnSync("chown", ["postgres", pgDir]);
  pgTool("initdb", ["-D", dataDir, "-U", "postgres", "--auth=trust", "--no-instructions", "-E", "UTF8"]);
  startPg();
  const admin = postgres(`postgres://postgres@127.0.0.1:${PG_PORT}/postgres`, { max: 1, onnotice: () => {} });
  await admin.unsafe("create database wifi_atlas");
  await admin.end();
  for (const script of ["db/migrate.ts", "db/seed/run.ts"]) {
    const r = spawnSync("npx", ["tsx", script], { env: { ...process.env, DATABASE_URL: DB_URL, DEMO_USERS: "on" }, encoding: "utf8" });
    if (r.status !== 0) throw new Error(`${script}: ${r.stderr}`);
  }
}

// ── app processes ─────────────────────────────────────────────────────────────
const apps: ChildProcess[] = [];
function startApp(port: number, env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, [NEXT_BIN, "start", "-p", String(port)], {
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
      TILE_URL: "off",
      BETTER_AUTH_SECRET: SECRET,
      SIGNIN_LIMIT: "5/60",
      TRUSTED_PROXIES: "127.0.0.1",
      ...env,
    },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  apps.push(child);
  return child;
}
async function waitUp(port: number, seconds = 60) {
  for (let i = 0; i < seconds * 4; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return true;
    } catch {
      // not yet
    }
    await sleep(250);
  }
  return false;
}
function stopAll() {
  for (const a of apps) {
    try {
      process.kill(-a.pid!, "SIGKILL");
    } catch {
      // gone
    }
  }
  if (withPostgres) stopPgImmediate();
  fs.rmSync(pgDir, { recursive: true, force: true });
}
process.on("exit", () => stopAll());

type Res = { status: number; body: unknown; cookie: string };
async function call(
  port: number,
  pathname: string,
  init: { method?: string; body?: unknown; form?: FormData; cookie?: string; ip?: string } = {},
): Promise<Res> {
  const headers: Record<string, string> = { origin: `http://127.0.0.1:${port}` };
  if (init.cookie) headers.cookie = init.cookie;
  if (init.ip) headers["x-forwarded-for"] = init.ip;
  if (init.body !== undefined) headers["content-type"] = "application/json";
  try {
    const res = await fetch(`http://127.0.0.1:${port}${pathname}`, {
      method: init.method ?? (init.body !== undefined || init.form ? "POST" : "GET"),
      headers,
      body: init.form ?? (init.body !== undefined ? JSON.stringify(init.body) : undefined),
      signal: AbortSignal.timeout(15_000),
    });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON
    }
    const cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    return { status: res.status, body, cookie };
  } catch {
    return { status: 0, body: null, cookie: "" };
  }
}

const HEADER =
  "번호,설치장소명,설치장소상세,설치시도명,설치시군구명,설치시설구분,서비스제공사명,와이파이SSID,설치연월,소재지도로명주소,소재지지번주소,관리기관명,관리기관전화번호,WGS84위도,WGS84경도,데이터기준일자";
/** Import number n: two zones, so a half-applied import would show as one. */
function importFile(n: number): FormData {
  const row = (part: string, dLat: number) =>
    `DUR-${n}-${part},내구 시험 ${n} ${part},1층,경상남도,진주시,관공서,KT,DUR-${n},2025-01,경상남도 진주시 시험로 ${n},,진주시청,055-000-0000,${(35.17 + dLat + n * 1e-5).toFixed(6)},128.09,2026-11-01`;
  const form = new FormData();
  form.set("file", new File([`${HEADER}\n${row("가", 0)}\n${row("나", 0.001)}\n`], `durability-${n}.csv`, { type: "text/csv" }));
  return form;
}

async function countImports(sql: postgres.Sql): Promise<Map<number, number>> {
  const rows = await sql<{ n: number; sites: number }[]>`
    select split_part(name, ' ', 3)::int as n, count(*)::int as sites from sites where name like '내구 시험 %' group by 1`;
  return new Map(rows.map((r) => [r.n, r.sites]));
}

try {
  if (withPostgres) await postgresChecks();
  else console.log("the Postgres part was not run: set DATABASE_URL and install the Postgres server to run it");
  await embeddedChecks();
} catch (err) {
  check("the durability run completed", false, err instanceof Error ? err.message : String(err));
}

async function postgresChecks() {
  await setupCluster();
  // ── 1. two processes, one database ──────────────────────────────────────────
  startApp(PORTS.a, { DATABASE_URL: DB_URL });
  startApp(PORTS.b, { DATABASE_URL: DB_URL });
  const up = (await waitUp(PORTS.a)) && (await waitUp(PORTS.b));
  if (!up) throw new Error("the app processes did not start");

  const signIn = await call(PORTS.a, "/api/auth/sign-in/email", { body: ADMIN, ip: "10.9.0.1" });
  const cookie = signIn.cookie;
  const onB = await call(PORTS.b, "/api/users", { cookie });
  check(
    "a session made by one process is valid on the other",
    signIn.status === 200 && onB.status === 200,
    `sign-in on A ${signIn.status}, users on B ${onB.status}`,
  );

  const second = await call(PORTS.b, "/api/auth/sign-in/email", { body: ADMIN, ip: "10.9.0.2" });
  const out = await call(PORTS.b, "/api/auth/sign-out", { body: {}, cookie: second.cookie });
  const replay = await call(PORTS.a, "/api/users", { cookie: second.cookie });
  check(
    "signing out on one process ends the session on the other",
    out.status === 200 && replay.status === 401,
    `sign-out on B ${out.status}, the cookie on A ${replay.status}`,
  );

  // The script stands in for a proxy on loopback (TRUSTED_PROXIES), so X-Forwarded-For names the client.
  // Its wrong guesses go to another account: the admin's own would be refused for a while too.
  const wrong = { email: "nobody@jinju.example", password: "wrong-password-x" };
  const attempts: number[] = [];
  for (let i = 0; i < 6; i++) attempts.push((await call(i % 2 ? PORTS.b : PORTS.a, "/api/auth/sign-in/email", { body: wrong, ip: "10.9.0.3" })).status);
  const otherIp = await call(PORTS.a, "/api/auth/sign-in/email", { body: ADMIN, ip: "10.9.0.4" });
  check(
    "the sign-in limit is shared by the processes, per address",
    attempts.slice(0, 5).every((s) => s === 401) && attempts[5] === 429 && otherIp.status === 200,
    `attempts alternating A/B: ${attempts.join(" ")}; another address: ${otherIp.status}`,
  );

  // ── 2. writes while Postgres crashes ────────────────────────────────────────
  const acknowledged = new Set<number>();
  const outcomes = new Map<number, number>();
  let next = 1;
  let writing = true;
  async function writer(port: number) {
    while (writing) {
      const n = next++;
      const r = await call(port, "/api/imports", { form: importFile(n), cookie });
      outcomes.set(r.status, (outcomes.get(r.status) ?? 0) + 1);
      if (r.status === 201) acknowledged.add(n);
      else await sleep(100);
    }
  }
  const unavailable: string[] = [];
  async function chaos() {
    const gap = (WRITE_SECONDS * 1000) / (CRASHES + 1);
    for (let c = 0; c < CRASHES; c++) {
      await sleep(gap * 0.8);
      if (c % 2 === 0) stopPgImmediate();
      else killPg();
      await sleep(500);
      const health = await call(PORTS.a, "/api/health");
      const code = (health.body as { error?: { code?: string } } | null)?.error?.code;
      unavailable.push(`${health.status} ${code ?? ""}`.trim());
      await sleep(1000);
      startPg();
    }
  }
  const started = Date.now();
  await Promise.all([
    writer(PORTS.a),
    writer(PORTS.b),
    chaos().then(async () => {
      await sleep(Math.max(0, WRITE_SECONDS * 1000 - (Date.now() - started)));
      writing = false;
    }),
  ]);

  check(
    "while the database is down the app answers 503 database_unavailable",
    unavailable.length === CRASHES && unavailable.every((u) => u === "503 database_unavailable"),
    `health during each outage: ${unavailable.join(", ")}`,
  );
  const recovered = (await waitUp(PORTS.a, 20)) && (await waitUp(PORTS.b, 20));
  const after = await call(PORTS.b, "/api/imports", { form: importFile(next++), cookie });
  check("the app recovers without a restart", recovered && after.status === 201, `health ${recovered ? "ok" : "not ok"}, a new import ${after.status}`);
  if (after.status === 201) acknowledged.add(next - 1);

  const sql = postgres(DB_URL, { max: 1, onnotice: () => {} });
  const found = await countImports(sql);
  const missing = [...acknowledged].filter((n) => found.get(n) !== 2);
  const half = [...found].filter(([, sites]) => sites !== 2).map(([n]) => n);
  console.log(`acknowledged ${acknowledged.size}, found ${[...acknowledged].filter((n) => found.get(n) === 2).length}`);
  console.log(`  answers: ${[...outcomes].map(([s, k]) => `${s === 0 ? "no answer" : s}×${k}`).join(", ")}; imports in the database: ${found.size}`);
  check(
    "every acknowledged import is in the database after the crashes",
    acknowledged.size > 0 && missing.length === 0,
    `${acknowledged.size} acknowledged, missing ${missing.length ? missing.join(",") : "none"}`,
  );
  check(
    "no import is half-applied",
    half.length === 0,
    half.length ? `imports with one zone: ${half.join(",")}` : `${found.size} imports, each with both zones`,
  );
  const [audit] = await sql<{ n: number }[]>`select count(*)::int as n from audit_entries where action = 'import' and actor = ${ADMIN.email}`;
  check("each committed import has its audit entry", audit!.n === found.size, `${audit!.n} import entries for ${found.size} imports`);
  await sql.end();
}

async function embeddedChecks() {
  // ── 3. the embedded database and kill -9 ─────────────────────────────────────
  const pgliteDir = path.join(pgDir, "pglite");
  const embedded = startApp(PORTS.embedded, { DATABASE_URL: "", PGLITE_DIR: pgliteDir, DEMO_USERS: "on" });
  if (!(await waitUp(PORTS.embedded, 120))) throw new Error("the embedded app did not start");
  const emb = await call(PORTS.embedded, "/api/auth/sign-in/email", { body: ADMIN, ip: "10.9.1.1" });
  const embAcked: number[] = [];
  for (let n = 1; n <= 8; n++) if ((await call(PORTS.embedded, "/api/imports", { form: importFile(n), cookie: emb.cookie })).status === 201) embAcked.push(n);
  // One more in flight when the process dies: it may or may not land, but never half.
  void call(PORTS.embedded, "/api/imports", { form: importFile(9), cookie: emb.cookie });
  await sleep(30);
  process.kill(-embedded.pid!, "SIGKILL");
  await sleep(500);
  startApp(PORTS.embedded, { DATABASE_URL: "", PGLITE_DIR: pgliteDir, DEMO_USERS: "on" });
  const back = await waitUp(PORTS.embedded, 120);
  const stillSignedIn = await call(PORTS.embedded, "/api/users", { cookie: emb.cookie });
  const sites = await call(PORTS.embedded, `/api/sites?q=${encodeURIComponent("내구 시험")}&pageSize=500`, { cookie: emb.cookie });
  const names = ((sites.body as { items?: { name: string }[] } | null)?.items ?? []).map((s) => s.name);
  const per = new Map<number, number>();
  for (const name of names) {
    const n = Number(name.split(" ")[2]);
    per.set(n, (per.get(n) ?? 0) + 1);
  }
  console.log(`embedded: acknowledged ${embAcked.length}, found ${embAcked.filter((n) => per.get(n) === 2).length}`);
  check(
    "the embedded database keeps every acknowledged import across kill -9",
    back && embAcked.length === 8 && embAcked.every((n) => per.get(n) === 2) && [...per.values()].every((k) => k === 2),
    `restarted ${back ? "ok" : "NOT ok"}, ${embAcked.length} acknowledged, found ${[...per.keys()].sort((a, b) => a - b).join(",")}`,
  );
  check("a session survives the restart of the embedded app", stillSignedIn.status === 200, `users after restart: ${stillSignedIn.status}`);
}

fs.mkdirSync("reports", { recursive: true });
fs.writeFileSync("reports/durability.json", JSON.stringify({ checks }, null, 2));
const failed = checks.filter((c) => !c.ok).length;
console.log(`durability: ${checks.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
