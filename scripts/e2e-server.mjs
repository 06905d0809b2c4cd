// Serves the production build for browser tests: on a fresh embedded database of its own, and,
// when DATABASE_URL is set, a second server on that Postgres database (migrated and seeded first).
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

// Next itself, not through npx: stopping it must stop the server, not just a wrapper.
const NEXT_BIN = "node_modules/next/dist/bin/next";

const [embeddedPort = "3100", serverPort = "3101"] = process.argv.slice(2);
// Tiles point at a closed local port: every browser test runs the map with a failing tile server,
// which must never blank or break it.
const FAILING_TILE_HOST = "127.0.0.1:9";
// The demo users of the seed sign in; the sign-in limit is raised so many tests can sign in from one address.
const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  TILE_URL: `http://${FAILING_TILE_HOST}/{z}/{x}/{y}.png`,
  BETTER_AUTH_SECRET: process.env.BETTER_AUTH_SECRET ?? "e2e-only-secret-0123456789abcdef0123456789",
  DEMO_USERS: "on",
  SIGNIN_LIMIT: "200/60",
};
const run = (cmd, args, extra = {}) => {
  const r = spawnSync(cmd, args, { stdio: "inherit", env: { ...env, ...extra } });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

const dataDir = path.resolve(".data/e2e-pglite");
fs.rmSync(dataDir, { recursive: true, force: true });
fs.rmSync(`${dataDir}.lock`, { force: true });

if (!process.env.E2E_SKIP_BUILD) run(process.execPath, [NEXT_BIN, "build"]);

const children = [];
const start = (port, extra) => {
  const child = spawn(process.execPath, [NEXT_BIN, "start", "-p", port], { stdio: "inherit", env: { ...env, ...extra } });
  child.on("exit", (code) => {
    children.forEach((c) => c.kill("SIGTERM"));
    process.exit(code ?? 0);
  });
  children.push(child);
};

async function waitFor(url) {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not come up`);
}

if (process.env.DATABASE_URL) {
  run("npx", ["tsx", "db/seed/run.ts"]);
  start(serverPort, { DATABASE_URL: process.env.DATABASE_URL });
  // The embedded server starts last: the test runner waits for it, so both are up by then.
  await waitFor(`http://localhost:${serverPort}/api/health`);
}
// The embedded database gets an admin of another municipality first (the leak tests' outsider).
run("npx", ["tsx", "e2e/outsider.ts"], { DATABASE_URL: "", PGLITE_DIR: dataDir });
start(embeddedPort, { DATABASE_URL: "", PGLITE_DIR: dataDir });

const stop = () => children.forEach((c) => c.kill("SIGTERM"));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
