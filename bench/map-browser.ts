// Map readiness in headless Chromium against a loaded database, beside a floor measured in the same
// run (bare Leaflet drawing the same outline and first-view clusters from files) and the usual
// approaches: all points of the view drawn with leaflet.markercluster, and with canvas circle markers.
//   DATABASE_URL=postgres://… npx tsx bench/map-browser.ts   (after `npm run build`)
import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { chromium, type Page } from "@playwright/test";
import postgres from "postgres";

// Next itself, not through npx: stopping it must stop the server, not just a wrapper.
const NEXT_BIN = "node_modules/next/dist/bin/next";

const APP_PORT = 3300;
const BASE_PORT = 3301;
const RUNS = Number(process.env.RUNS ?? 5);
const BASELINE_TIMEOUT_MS = Number(process.env.BASELINE_TIMEOUT_MS ?? 120_000);
// BASELINES=off times the app alone (when comparing two versions of it).
const BASELINES = process.env.BASELINES !== "off";
// The map's layers while timing (the `l` URL parameter): APs alone by default.
const LAYERS = process.env.LAYERS ?? "aps";
const url = process.env.DATABASE_URL;
if (!url) throw new Error("set DATABASE_URL to a database loaded by bench/load.ts");

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))]!;

async function waitFor(u: string) {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(u)).ok) return;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${u} did not come up`);
}

// The app on the loaded database, tiles off (the map must stand on its own).
const app = spawn(process.execPath, [NEXT_BIN, "start", "-p", String(APP_PORT)], {
  // A production server needs a session secret; this one only ever signs the bench's own requests.
  env: {
    ...process.env,
    TILE_URL: "off",
    NEXT_TELEMETRY_DISABLED: "1",
    BETTER_AUTH_SECRET: process.env.BETTER_AUTH_SECRET ?? "bench-only-secret-0123456789abcdef0123456789",
  },
  stdio: "ignore",
});

// Baseline server: Leaflet, markercluster and the points of the national view; the floor's outline and clusters.
const sqlc = postgres(url, { max: 2 });
const floorFeatures = new Map<string, string>();
const vendor: Record<string, string> = {
  "/vendor/leaflet.js": "node_modules/leaflet/dist/leaflet.js",
  "/vendor/leaflet.css": "node_modules/leaflet/dist/leaflet.css",
  "/vendor/leaflet.markercluster.js": "node_modules/leaflet.markercluster/dist/leaflet.markercluster.js",
  "/vendor/MarkerCluster.css": "node_modules/leaflet.markercluster/dist/MarkerCluster.css",
  "/vendor/MarkerCluster.Default.css": "node_modules/leaflet.markercluster/dist/MarkerCluster.Default.css",
  "/baseline.html": "bench/baseline.html",
  "/app.css": "app/globals.css",
};
// eslint-disable-next-line @typescript-eslint/no-misused-promises -- a failed request ends the bench, which is what it should do
const base = http.createServer(async (req, res) => {
  const u = new URL(req.url!, "http://x");
  if (u.pathname === "/points") {
    const n = Number(u.searchParams.get("n"));
    const rows = await sqlc`select lat, lng from access_points where lat is not null order by id limit ${n}`;
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify(rows.map((r) => [r.lat, r.lng])));
    return;
  }
  if (u.pathname === "/floor-outline") {
    const [m] = await sqlc`select boundary from municipalities where code = ${process.env.DEFAULT_MUNICIPALITY ?? "48170"}`;
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify(m?.boundary ?? { type: "FeatureCollection", features: [] }));
    return;
  }
  if (u.pathname === "/floor-features") {
    // The app's own answer for that view, asked once and then served as a file.
    const key = u.search;
    let body = floorFeatures.get(key);
    if (!body) {
      body = await (await fetch(`http://localhost:${APP_PORT}/api/map/features${u.search}`)).text();
      floorFeatures.set(key, body);
    }
    res.setHeader("content-type", "application/json");
    res.end(body);
    return;
  }
  const file = vendor[u.pathname];
  if (!file) return void res.writeHead(404).end();
  res.setHeader("content-type", file.endsWith(".js") ? "text/javascript" : file.endsWith(".css") ? "text/css" : "text/html");
  fs.createReadStream(path.resolve(file)).pipe(res);
});
base.listen(BASE_PORT);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
});

async function timeToReady(page: Page, target: string, timeout: number): Promise<number | null> {
  const t0 = performance.now();
  await page.goto(target);
  try {
    await page.getByTestId("map-ready").waitFor({ state: "attached", timeout });
  } catch {
    return null;
  }
  return performance.now() - t0;
}

try {
  await waitFor(`http://localhost:${APP_PORT}/api/health`);
  const total = Number((await sqlc`select count(*)::int as n from access_points`)[0]!.n);
  const results: Record<string, unknown>[] = [];

  for (const zoom of [7, 11]) {
    const ready: number[] = [];
    const redraw: number[] = [];
    const zoomAfterAnimation: number[] = [];
    const zoomFromClick: number[] = [];
    const centre = zoom === 7 ? "36.2,127.9" : "37.55,126.98";
    // The floor, in the same run: bare Leaflet drawing the outline and the same first-view clusters
    // from files (the first run asks the app for them and is not counted).
    const floor: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      const ms = await timeToReady(page, `http://localhost:${BASE_PORT}/baseline.html?mode=floor&c=${centre}&z=${zoom}`, 30_000);
      if (ms === null) throw new Error("the floor page did not get ready");
      if (run > 0) floor.push(ms);
      if (run === 1) await page.screenshot({ path: `test-results/bench-floor-z${zoom}.png` });
      await page.close();
    }
    for (let run = 0; run < RUNS; run++) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      const ms = await timeToReady(page, `http://localhost:${APP_PORT}/map?c=${centre}&z=${zoom}&l=${LAYERS}`, 30_000);
      if (ms === null) throw new Error("the app's map did not get ready");
      if (run > 0) ready.push(ms); // the first run warms the server
      // Pan by dragging, slowly enough for no inertia; time from release to the new viewport drawn.
      const box = (await page.locator(".atlas-map").boundingBox())!;
      for (let pan = 0; pan < 4; pan++) {
        const before = await page.getByTestId("map-ready").getAttribute("data-features");
        await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
        await page.mouse.down();
        await page.mouse.move(box.x + box.width / 2 - 150, box.y + box.height / 2 - 60, { steps: 10 });
        await page.waitForTimeout(150);
        const t0 = performance.now();
        await page.mouse.up();
        await page.waitForFunction((prev) => {
          const el = document.querySelector("[data-testid=map-ready]");
          return el !== null && el.getAttribute("data-features") !== prev;
        }, before);
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
        redraw.push(performance.now() - t0);
      }
      // Zoom in and out with the buttons: timed from the end of Leaflet's zoom animation (250 ms,
      // the map pane's transition) to the new level's APs drawn, and from the click.
      for (const button of [".leaflet-control-zoom-in", ".leaflet-control-zoom-out", ".leaflet-control-zoom-in", ".leaflet-control-zoom-out"]) {
        const before = await page.getByTestId("map-ready").getAttribute("data-features");
        await page.evaluate(() => {
          const w = window as unknown as { __zoomEnd?: number };
          delete w.__zoomEnd;
          document.querySelector(".leaflet-map-pane")!.addEventListener("transitionend", () => (w.__zoomEnd = performance.now()), { once: true });
        });
        const t0 = await page.evaluate(() => performance.now());
        await page.locator(button).click();
        await page.waitForFunction((prev) => {
          const el = document.querySelector("[data-testid=map-ready]");
          return el !== null && el.getAttribute("data-features") !== prev;
        }, before);
        const t1 = await page.evaluate(() => new Promise<number>((r) => requestAnimationFrame(() => r(performance.now()))));
        const end = await page.evaluate(() => (window as unknown as { __zoomEnd?: number }).__zoomEnd ?? null);
        zoomFromClick.push(t1 - t0);
        if (end !== null) zoomAfterAnimation.push(Math.max(0, t1 - end));
      }
      await page.close();
    }
    results.push({
      what: "app map",
      layers: LAYERS,
      aps: total,
      zoom,
      readyMs: { median: Math.round(median(ready)), max: Math.round(Math.max(...ready)) },
      floorReadyMs: { median: Math.round(median(floor)), max: Math.round(Math.max(...floor)) },
      floorClusters: [...floorFeatures]
        .filter(([k]) => k.includes(`zoom=${zoom}&`))
        .map(([, body]) => (JSON.parse(body) as { features: unknown[] }).features.length),
      readyOverFloor: { median: +(median(ready) / median(floor)).toFixed(2), max: +(Math.max(...ready) / Math.max(...floor)).toFixed(2) },
      redrawAfterPanMs: { median: Math.round(median(redraw)), p95: Math.round(p95(redraw)) },
      redrawAfterZoomMs: { median: Math.round(median(zoomAfterAnimation)), p95: Math.round(p95(zoomAfterAnimation)), samples: zoomAfterAnimation.length },
      zoomClickToDrawnMs: { median: Math.round(median(zoomFromClick)), p95: Math.round(p95(zoomFromClick)) },
    });
  }

  for (const [mode, n] of BASELINES
    ? ([
        ["canvas", 100_000],
        ["cluster", 100_000],
        ["canvas", total],
      ] as const)
    : []) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const ms = await timeToReady(page, `http://localhost:${BASE_PORT}/baseline.html?mode=${mode}&n=${n}&z=7`, BASELINE_TIMEOUT_MS);
    results.push({
      what: mode === "cluster" ? "baseline leaflet.markercluster" : "baseline canvas circle markers",
      points: n,
      zoom: 7,
      readyMs: ms === null ? `not ready after ${BASELINE_TIMEOUT_MS / 1000} s` : Math.round(ms),
    });
    await page.close();
  }
  for (const r of results) console.log(JSON.stringify(r));
} finally {
  await browser.close();
  base.close();
  await sqlc.end();
  app.kill("SIGTERM");
}
