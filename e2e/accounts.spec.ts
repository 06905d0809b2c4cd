// Accounts: sign in and out, admins manage users and roles, planners read the audit trail, others are kept out.
import type { Page } from "@playwright/test";
import { expect, screenshot, test } from "./fixtures";

const ADMIN = { email: "admin@jinju.example", password: "admin-pass-2026" };
const VIEWER = { email: "viewer@jinju.example", password: "viewer-pass-2026" };

async function signIn(page: Page, who: { email: string; password: string }) {
  await page.getByLabel("이메일").fill(who.email);
  await page.getByLabel("비밀번호").fill(who.password);
  await page.getByRole("button", { name: "로그인" }).click();
}

test("a wrong password is refused with a message, the right one signs in and out", async ({ page, expectFailures }) => {
  expectFailures.push(/sign-in\/email/);
  const res = await page.goto("/");
  const headers = res!.headers();
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["content-security-policy"]).toContain("img-src 'self' data: blob: http://127.0.0.1:9");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["strict-transport-security"]).toMatch(/^max-age=/);
  // What a page shows may depend on who asks: no shared cache keeps it.
  expect(headers["cache-control"]).toContain("no-store");
  expect(headers["cache-control"]).toContain("private");
  // Scripts run by the page's one-time nonce, never as any inline script.
  expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic';/);
  expect(headers["content-security-policy"]).not.toMatch(/script-src[^;]*unsafe-inline/);
  await page.getByTestId("sign-in").click();
  await expect(page).toHaveURL(/\/login/);
  await signIn(page, { ...VIEWER, password: "not-the-password" });
  await expect(page.getByRole("alert").filter({ hasText: "이메일 또는 비밀번호" })).toBeVisible();
  await screenshot(page, "login-wrong-password");
  await signIn(page, VIEWER);
  await expect(page.getByTestId("signed-in-as")).toHaveText("열람 담당 (열람)");
  // A viewer gets neither the user admin nor the audit trail.
  await expect(page.getByRole("link", { name: "사용자" })).toHaveCount(0);
  await page.goto("/audit");
  await expect(page.getByRole("alert").filter({ hasText: "계획, 관리자" })).toBeVisible();
  await page.getByTestId("sign-out").click();
  await expect(page.getByTestId("sign-in")).toBeVisible();
  await page.goto("/audit");
  await expect(page).toHaveURL(/\/login\?next=%2Faudit/);
});

test("an admin adds a user, changes the role, and finds both changes in the audit trail", async ({ page, expectFailures }) => {
  expectFailures.push(/\/api\/users$/);
  await page.goto("/admin/users");
  await expect(page).toHaveURL(/\/login\?next=%2Fadmin%2Fusers/);
  await signIn(page, ADMIN);
  await expect(page).toHaveURL(/\/admin\/users$/);
  await expect(page.getByTestId("users-table").locator("tbody tr")).toHaveCount(4);

  const form = page.getByTestId("add-user");
  const email = `planner-${Date.now()}@jinju.example`;
  await form.getByLabel("이메일").fill(email);
  await form.getByLabel("이름").fill("신규 계획 담당");
  await form.getByLabel("초기 비밀번호").fill("short");
  await form.getByRole("button", { name: "추가" }).click();
  await expect(form.getByText("비밀번호는 10자 이상이어야 합니다.")).toBeVisible();
  await form.getByLabel("초기 비밀번호").fill("long-enough-password");
  await form.getByRole("button", { name: "추가" }).click();
  await expect(page.getByRole("status").filter({ hasText: `${email} 사용자를 추가했습니다.` })).toBeVisible();
  const row = page.getByTestId(`user-${email}`);
  await expect(row).toBeVisible();

  await row.getByLabel("역할").selectOption("planner");
  await row.getByRole("button", { name: "저장" }).click();
  await expect(page.getByRole("status").filter({ hasText: "역할을 저장했습니다." })).toBeVisible();
  await screenshot(page, "admin-users");

  await page.getByRole("link", { name: "변경 기록" }).click();
  const trail = page.getByTestId("audit-table");
  const promoted = trail.locator("tbody tr").filter({ hasText: "역할: 열람 → 계획" });
  await expect(promoted).toHaveCount(1);
  // Whose role changed: the admin reads the user's email, not only a key.
  await expect(promoted.locator("td").nth(3)).toContainText(`권한 · ${email}`);
  const created = trail.locator("tbody tr").filter({ hasText: `이메일: — → ${email}` });
  await expect(created).toHaveCount(1);
  // The object is named as people name it; its stored key, which the object filter takes, beside it.
  await expect(created.locator("td").nth(3)).toContainText(`사용자 · ${email}`);
  await expect(created.locator("td").nth(3)).toContainText(/user:[0-9a-f-]{36}/);
  await screenshot(page, "audit-trail");
  // A zone's history speaks the page's language: its fields and coded values worded, not as stored.
  await page.goto("/sites?source=other&q=문산읍사무소");
  await page.getByTestId("sites-table").getByRole("link", { name: "문산읍사무소" }).click();
  const history = page.getByTestId("audit-table");
  await expect(history).toContainText("분류: — → 관공서");
  await expect(history).toContainText("읍면동: — → 문산읍");
  // An AP's entry names its zone, in the object column and in the change, the zone's id kept beside it.
  await page.goto("/audit?actor=seed");
  const apEntry = page.getByTestId("audit-table").locator("tbody tr").filter({ hasText: "AP · 문산읍사무소" });
  await expect(apEntry.first()).toContainText(/구역: — → 문산읍사무소 \(#\d+\)/);
  await expect(history).not.toContainText("public_office");

  // The new planner signs in with the password the admin set and sees the audit trail link.
  await page.getByTestId("sign-out").click();
  await page.getByTestId("sign-in").click();
  await signIn(page, { email, password: "long-enough-password" });
  await expect(page.getByTestId("signed-in-as")).toHaveText("신규 계획 담당 (계획)");
  await expect(page.getByRole("link", { name: "변경 기록" })).toBeVisible();
});

test("a change posted from another site is refused even with a valid session", async ({ page }) => {
  await page.goto("/login");
  await signIn(page, ADMIN);
  await expect(page.getByTestId("signed-in-as")).toBeVisible();
  const res = await page.request.post("/api/users", {
    headers: { origin: "http://evil.example", "content-type": "application/json" },
    data: { email: "intruder@jinju.example", name: "x", password: "long-enough-password", role: "admin" },
  });
  expect(res.status()).toBe(403);
  await page.goto("/admin/users");
  await expect(page.getByTestId("users-table")).not.toContainText("intruder@jinju.example");
});

test("a save after the session has ended says so in Korean and changes nothing", async ({ page, context, expectFailures }) => {
  expectFailures.push(/\/api\/users\//);
  await page.goto("/login?next=%2Fadmin%2Fusers");
  await signIn(page, ADMIN);
  const row = page.getByTestId("user-viewer@jinju.example");
  await expect(row).toBeVisible();
  // The session ends (signed out elsewhere, or expired) while the page stays open.
  await context.clearCookies();
  await row.getByLabel("역할").selectOption("planner");
  await row.getByRole("button", { name: "저장" }).click();
  await expect(row.getByRole("alert")).toHaveText("저장하지 못했습니다: 로그인이 필요합니다. 세션이 끝났을 수 있으니 다시 로그인해 주세요.");
  await page.goto("/login?next=%2Fadmin%2Fusers");
  await signIn(page, ADMIN);
  await expect(page.getByTestId("user-viewer@jinju.example").getByLabel("역할")).toHaveValue("viewer");
});

test("a method the app does not serve is answered 405 with the security headers, not 500", async ({ request }) => {
  for (const path of ["/", "/api/sites"]) {
    const res = await request.fetch(path, { method: "TRACE" });
    expect(res.status(), path).toBe(405);
    expect(res.headers()["allow"]).toContain("GET");
    expect(res.headers()["x-content-type-options"]).toBe("nosniff");
    expect(res.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  }
});

test("a server action posted from another site is refused with 403, not 500", async ({ request }) => {
  const res = await request.post("/", { headers: { "next-action": "0".repeat(42), origin: "https://evil.example" }, form: { locale: "en" } });
  expect(res.status()).toBe(403);
  expect(await res.json()).toMatchObject({ error: { code: "forbidden" } });
  expect(res.headers()["x-content-type-options"]).toBe("nosniff");
});
