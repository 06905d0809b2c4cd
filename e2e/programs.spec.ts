// Programs anywhere: the admin of another municipality starts its program from the overview, then
// finds its plan years on /plan.
import { expect, screenshot, test } from "./fixtures";
// The second municipality's admin that e2e/outsider.ts adds before the server starts.
const OUTSIDER = { email: "outsider@gimhae.example", password: "outsider-pass-2026" };

test("an admin of 김해시 starts a program from the overview and plans in it", async ({ page }) => {
  await page.goto("/login?next=%2F%3Fmunicipality%3D48250");
  await page.getByLabel("이메일").fill(OUTSIDER.email);
  await page.getByLabel("비밀번호").fill(OUTSIDER.password);
  await page.getByRole("button", { name: "로그인" }).click();
  await expect(page.getByRole("button", { name: /^김해시 ▾/ })).toBeVisible();
  await expect(page.getByText("이 지자체에는 아직 사업이 없습니다. 아래에서 사업을 시작하면")).toBeVisible();
  const form = page.getByTestId("start-program");
  await expect(form.getByLabel("사업명", { exact: true })).toHaveValue("김해시 공공와이파이 구축 사업");
  await form.getByLabel("시작 연도").fill("2027");
  await form.getByLabel("끝 연도").fill("2029");
  await form.getByTestId("partner-row-1").getByLabel("협력사 이름").fill("KT");
  await form.getByRole("button", { name: "협력사 추가" }).click();
  const cable = form.getByTestId("partner-row-2");
  await cable.getByLabel("협력사 이름").fill("가야케이블");
  await cable.getByLabel("회선 제공").check();
  await cable.getByLabel("선로 공사").check();
  await screenshot(page, "start-program");
  await form.getByRole("button", { name: "사업 시작" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("김해시 공공와이파이 구축 사업");
  await expect(page.getByTestId("year-2027")).toBeVisible();
  await page.getByRole("navigation", { name: "주 메뉴" }).getByRole("link", { name: "계획" }).click();
  await expect(page.getByRole("heading", { name: "2029년" })).toBeVisible();
  await page.goto("/partners");
  await expect(page.getByRole("link", { name: "가야케이블" })).toBeVisible();
});
