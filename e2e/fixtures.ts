// Shared browser-test fixture: fails a test when the page logs an error or a request fails.
import { test as base, expect, type Page } from "@playwright/test";

/** The tile server the browser-test server configures: a closed port, so tiles always fail. */
export const FAILING_TILE_HOST = "127.0.0.1:9";

export const test = base.extend<{ page: Page; expectFailures: RegExp[] }>({
  /** Responses a test provokes on purpose (a wrong password's 401): push a pattern of their URL. */
  expectFailures: async ({}, use) => {
    await use([]);
  },
  page: async ({ page, expectFailures }, use) => {
    const problems: string[] = [];
    page.on("console", (msg) => {
      const tileFailure = msg.location().url.includes(FAILING_TILE_HOST);
      if (msg.type() === "error" && !tileFailure) problems.push(`console: ${msg.text()}`);
    });
    page.on("pageerror", (err) => problems.push(`page error: ${err.message}`));
    page.on("requestfailed", (req) => {
      // Navigations away cancel in-flight prefetches; those are not failures a person sees. Tiles fail on purpose.
      if (req.failure()?.errorText === "net::ERR_ABORTED" || req.url().includes(FAILING_TILE_HOST)) return;
      problems.push(`request failed: ${req.url()} ${req.failure()?.errorText}`);
    });
    page.on("response", (res) => {
      if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`);
    });
    await use(page);
    // A provoked HTTP error shows in the console too ("Failed to load resource: … 401").
    const expected = (p: string) => expectFailures.some((re) => re.test(p)) || (p.startsWith("console: Failed to load resource") && expectFailures.length > 0);
    expect(
      problems.filter((p) => !expected(p)),
      "the page showed no errors",
    ).toEqual([]);
  },
});

export { expect };

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screenshots/${base.info().project.name}-${name}.png`, fullPage: true });
}
