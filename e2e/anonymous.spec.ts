// A visitor who is not signed in meets no dead ends: no link on a page they can read leads only to the
// sign-in page, and no empty state points them to a form they cannot see.
import { expect, test } from "./fixtures";
import { everyPage } from "./pages";

test("no link a visitor sees leads only to the sign-in page", async ({ page }) => {
  test.setTimeout(120_000);
  const dead: string[] = [];
  const checked = new Set<string>();
  for (const url of await everyPage(page)) {
    const res = await page.request.get(url, { maxRedirects: 0 });
    // The pages for members send a visitor to sign in; their links are not the visitor's to follow.
    if (res.status() >= 300) continue;
    await page.goto(url);
    const hrefs = await page.locator("main a[href^='/']").evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
    for (const href of new Set(hrefs)) {
      if (href.startsWith("/login") || href.startsWith("/api/exports") || checked.has(href)) continue;
      checked.add(href);
      const target = await page.request.get(href, { maxRedirects: 0 });
      if (target.status() >= 300 && target.status() < 400 && (target.headers().location ?? "").includes("/login")) dead.push(`${url} → ${href}`);
    }
  }
  expect(checked.size).toBeGreaterThan(20);
  expect(dead).toEqual([]);
});

test("an empty list points a visitor to filters, not to a form they cannot see", async ({ page }) => {
  await page.goto("/candidates?status=rejected&year=2020");
  await expect(page.getByTestId("candidates-empty")).toHaveText("조건에 맞는 후보가 없습니다. 상태·연도·분류 조건을 바꿔 보세요.");
  await expect(page.getByTestId("candidate-form")).toHaveCount(0);
  // The plan does not offer the matrix, which only members may open.
  await page.goto("/plan");
  await expect(page.getByRole("link", { name: "책임 분담표 열기" })).toHaveCount(0);
});
