// The app's pages as found on disk, for tests that must visit every one of them.
import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";

/** Every page.tsx under app/ as the URL pattern it serves. */
export function pagePatterns(dir = "app"): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name.startsWith("_") || e.name === "api" ? [] : pagePatterns(full);
    if (e.name !== "page.tsx") return [];
    const route = path
      .relative("app", path.dirname(full))
      .split(path.sep)
      .filter((s) => s && !/^\(.*\)$/.test(s));
    return [`/${route.join("/")}`];
  });
}

/** The static pages, and one of each page with an id, found through the lists. */
export async function everyPage(page: Page): Promise<string[]> {
  await page.goto("/sites");
  const site = await page.getByTestId("sites-table").locator("tbody a").first().getAttribute("href");
  await page.goto("/buses");
  const bus = await page.locator("table.data tbody a").first().getAttribute("href");
  await page.goto("/partners");
  const partner = await page.locator("a[href^='/partners/']").first().getAttribute("href");
  const ids: Record<string, string> = {
    "/sites/[id]": site!,
    "/buses/[id]": bus!,
    "/partners/[id]": partner!,
    "/municipalities/[code]": "/municipalities/48170",
  };
  return pagePatterns().map((p) => ids[p] ?? p);
}
