// `npm test`: typecheck, lint, unit, integration (PGlite, and Postgres when DATABASE_URL is set),
// browser tests and the durability checks. Runs every part, then prints one line `N passed, M failed` summed from the runners' reports.
import { spawnSync } from "node:child_process";
import fs from "node:fs";

fs.rmSync("reports", { recursive: true, force: true });
fs.mkdirSync("reports", { recursive: true });

const results = [];
function step(name, cmd, args, env = {}) {
  console.log(`\n── ${name}: ${[cmd, ...args].join(" ")}`);
  const r = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, ...env } });
  results.push({ name, ok: r.status === 0 });
  return r.status === 0;
}

function chromiumAvailable() {
  return [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].some((p) => p && fs.existsSync(p));
}

step("typecheck", "npm", ["run", "--silent", "typecheck"]);
step("lint", "npm", ["run", "--silent", "lint"]);
const vitestJson = (file) => ["--reporter=default", "--reporter=json", `--outputFile.json=reports/${file}`];
step("unit", "npx", ["vitest", "run", "--project", "unit", ...vitestJson("unit.json")]);
step("integration", "npx", ["vitest", "run", "--project", "integration-*", ...vitestJson("integration.json")]);
if (!chromiumAvailable()) step("browser download", "npx", ["playwright", "install", "chromium"]);
step("browser", "npx", ["playwright", "test"]);
// After the browser step, whose server built the app: two processes, Postgres crashes, kill -9.
step("durability", "npx", ["tsx", "scripts/durability.ts"]);

let passed = 0;
let failed = 0;
for (const file of ["unit.json", "integration.json"]) {
  try {
    const r = JSON.parse(fs.readFileSync(`reports/${file}`, "utf8"));
    passed += r.numPassedTests;
    failed += r.numFailedTests;
  } catch {
    failed += 1; // a runner that wrote no report did not run cleanly
  }
}
try {
  const { stats } = JSON.parse(fs.readFileSync("reports/e2e.json", "utf8"));
  passed += stats.expected;
  failed += stats.unexpected + stats.flaky;
} catch {
  failed += 1;
}
try {
  const { checks } = JSON.parse(fs.readFileSync("reports/durability.json", "utf8"));
  passed += checks.filter((c) => c.ok).length;
  failed += checks.filter((c) => !c.ok).length;
} catch {
  failed += 1;
}
const stepFailures = results.filter((r) => !r.ok);
console.log(`\nsteps: ${results.map((r) => `${r.name} ${r.ok ? "ok" : "FAILED"}`).join(", ")}`);
// A step that failed without failing a counted test (typecheck, lint, a crashed runner) still fails the run.
if (stepFailures.length > 0 && failed === 0) failed = stepFailures.length;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
