// On a phone (390 px): no page is wider than the screen, Korean breaks between words, and the
// signed-in header is a menu rather than a row cut off mid-word.
import type { Page } from "@playwright/test";
import { expect, screenshot, test } from "./fixtures";
import { everyPage } from "./pages";

test.use({ viewport: { width: 390, height: 844 } });

async function expectFits(page: Page, url: string) {
  await page.goto(url);
  await page.waitForLoadState("networkidle");
  // Wide tables scroll inside their own frame; the page itself never scrolls sideways.
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `${url} is ${width} px wide`).toBeLessThanOrEqual(390);
}

test("a visitor's pages fit the phone and break Korean between words", async ({ page }) => {
  test.setTimeout(90_000);
  for (const url of await everyPage(page)) await expectFits(page, url);
  await page.goto("/plan");
  expect(await page.evaluate(() => getComputedStyle(document.body).wordBreak)).toBe("keep-all");
  // A year heading and a partner's name stay on one line.
  const heading = page.getByRole("heading", { name: "2019년" });
  const lineHeight = await heading.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight));
  expect((await heading.boundingBox())!.height).toBeLessThan(lineHeight * 1.5);
  await screenshot(page, "phone-plan");
  // The overview's year column keeps "2019년" whole; the table scrolls inside its frame instead.
  await page.goto("/");
  const year = page.getByTestId("year-2019").locator("th");
  const yearLine = await year.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight));
  expect((await year.boundingBox())!.height).toBeLessThan(yearLine * 1.5 + 16);
  await expect(year).toHaveText("2019년");
  await screenshot(page, "phone-overview");
});

test("the signed-in header is a menu on a phone, and every page fits", async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto("/login?next=/");
  await page.getByLabel("이메일").fill("admin@jinju.example");
  await page.getByLabel("비밀번호").fill("admin-pass-2026");
  await page.getByRole("button", { name: "로그인" }).click();
  await page.waitForURL((u) => u.pathname === "/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const menu = page.getByRole("button", { name: "메뉴" });
  await expect(menu).toBeVisible();
  // Closed, the links take no room; opened, every one of them is there and works.
  await expect(page.getByRole("navigation", { name: "주 메뉴" }).getByRole("link", { name: "분담표" })).toBeHidden();
  await screenshot(page, "phone-header");
  await menu.click();
  await expect(page.getByTestId("signed-in-as")).toBeVisible();
  await screenshot(page, "phone-menu-open");
  await page.getByRole("navigation", { name: "주 메뉴" }).getByRole("link", { name: "분담표" }).click();
  await expect(page).toHaveURL(/\/work-items$/);
  await expect(page.getByRole("heading", { name: "책임 분담표" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "주 메뉴" }).getByRole("link", { name: "계획" })).toBeHidden();
  for (const url of await everyPage(page)) {
    await expectFits(page, url);
    // Every page but the overview names itself in the window title.
    if (url !== "/") expect(await page.title(), `title of ${url}`).toMatch(/^.+ · 와이파이 아틀라스$/);
  }
  await page.goto("/work-items");
  await screenshot(page, "phone-matrix");
});

test.describe("on a wide screen", () => {
  test.use({ viewport: { width: 1280, height: 800 } });
  test("the header shows its links in a row, with no menu button", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("button", { name: "메뉴" })).toBeHidden();
    await expect(page.getByRole("navigation", { name: "주 메뉴" }).getByRole("link", { name: "계획" })).toBeVisible();
  });
});
