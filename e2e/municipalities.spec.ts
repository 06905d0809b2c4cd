// Every municipality a first-class citizen: the header's switcher searches all 250 시군구 grouped by
// 시도, the choice travels in the URL and is remembered on the pages that follow.
import { expect, screenshot, test } from "./fixtures";

test("a visitor switches to another municipality from the header, and the pages follow the choice", async ({ page }) => {
  await page.goto("/");
  const switcher = page.getByRole("button", { name: /^진주시 ▾/ });
  await expect(switcher).toBeVisible();
  await switcher.click();
  const panel = page.getByRole("dialog", { name: "시군구 고르기" });
  await panel.getByRole("searchbox", { name: "시군구 검색" }).fill("수원");
  // Grouped by 시도: the four 구 of 수원시 under 경기도.
  await expect(panel.getByRole("region", { name: "경기도" }).getByRole("button")).toHaveText(["수원시권선구", "수원시영통구", "수원시장안구", "수원시팔달구"]);
  await screenshot(page, "switcher-search");
  await panel.getByRole("searchbox", { name: "시군구 검색" }).fill("김해");
  await panel.getByRole("button", { name: "김해시" }).click();

  await expect(page).toHaveURL(/\/\?municipality=48250$/);
  await expect(page.getByRole("button", { name: /^김해시 ▾/ })).toBeVisible();
  await expect(page.getByText("이 지자체에는 아직 사업이 없습니다.")).toBeVisible();
  // The next page, reached by a plain link, shows the same municipality.
  await page.getByRole("navigation", { name: "주 메뉴" }).getByRole("link", { name: "구역" }).click();
  await expect(page).toHaveURL(/\/sites$/);
  await expect(page.getByRole("button", { name: /^김해시 ▾/ })).toBeVisible();
  await expect(page.getByTestId("sites-by-source")).toContainText("전체 0곳");
  await screenshot(page, "switcher-gimhae-sites");

  // A shared link names the municipality: Jinju again, with its 68 zones.
  await page.goto("/sites?municipality=48170");
  await expect(page.getByRole("button", { name: /^진주시 ▾/ })).toBeVisible();
  await expect(page.getByTestId("sites-by-source")).toContainText("전체 68곳");
  await page.goto("/sites");
  await expect(page.getByTestId("sites-by-source")).toContainText("전체 68곳");
});

test("a code no municipality has is a 404 in the URL", async ({ page, expectFailures }) => {
  expectFailures.push(/municipality=99999/);
  const res = await page.goto("/sites?municipality=99999");
  expect(res!.status()).toBe(404);
});
