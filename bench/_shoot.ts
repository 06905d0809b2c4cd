import { chromium } from "@playwright/test";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
const base = "http://localhost:3477";
const who = process.argv[2] ?? "admin";
const creds: Record<string, [string, string]> = { admin: ["admin@jinju.example", "admin-pass-2026"], viewer: ["viewer@jinju.example", "viewer-pass-2026"] };
const ctx = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: process.argv[3] === "en" ? "en-US" : "ko-KR" });
if (process.argv[3] === "en") await ctx.addCookies([{ name: "NEXT_LOCALE", value: "en", url: base }]);
const page = await ctx.newPage();
await page.goto(base + "/login");
await page.locator('input[type="email"]').fill(creds[who]![0]);
await page.locator('input[type="password"]').fill(creds[who]![1]);
await page.locator('form button[type="submit"]:not([data-testid])').last().click();
await page.waitForURL((u) => !u.pathname.startsWith("/login"));
for (const p of process.argv.slice(4)) {
  await page.goto(base + p);
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: `/tmp/shots/${who}-${process.argv[3]}${p.replace(/[^a-z0-9]+/gi, "_")}.png`, fullPage: true });
}
await browser.close();
