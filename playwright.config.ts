// Browser tests: the production build on its own embedded database, driven in Chromium.
import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const SERVER_PORT = PORT + 1;
const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter(Boolean) as string[];
const executablePath = candidates.find((p) => fs.existsSync(p));

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  reporter: [["list"], ["json", { outputFile: "reports/e2e.json" }]],
  projects: [
    { name: "embedded", testIgnore: /(import|leaks|planning|programs|reconcile)\.spec\.ts/, use: { baseURL: `http://localhost:${PORT}` } },
    // Flows that add data run after the rest, whose counts are the seed's.
    {
      name: "embedded-writes",
      testMatch: /(import|leaks|planning|programs|reconcile)\.spec\.ts/,
      dependencies: ["embedded"],
      use: { baseURL: `http://localhost:${PORT}` },
    },
    // The same app on the Postgres server: the overview and map flows prove the production build runs there too.
    ...(process.env.DATABASE_URL ? [{ name: "postgres", testMatch: /(overview|map)\.spec\.ts/, use: { baseURL: `http://localhost:${SERVER_PORT}` } }] : []),
  ],
  use: {
    locale: "ko-KR",
    timezoneId: "Asia/Seoul",
    trace: "retain-on-failure",
    ...devices["Desktop Chrome"],
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      // Debian's Chromium when present (Playwright's own download is not reachable everywhere).
      ...(executablePath ? { executablePath } : {}),
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: {
    command: `node scripts/e2e-server.mjs ${PORT} ${SERVER_PORT}`,
    url: `http://localhost:${PORT}/api/health`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
  },
});
