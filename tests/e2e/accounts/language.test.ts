// The interface switches between Chinese and English and remembers the choice per user.
import { expect, test } from "../fixtures";

test("switching to Chinese is remembered for the account", async ({ signIn, browser, baseURL }) => {
  const context = await signIn("member4@example.org", { locale: "en" });
  const page = await context.newPage();
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { name: "My committees" })).toBeVisible();
  await page.getByRole("button", { name: "Switch language" }).click();
  await expect(page.getByRole("heading", { name: "我的委员会" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");

  // A new browser with an English Accept-Language still gets Chinese for this user.
  const other = await browser.newContext({ baseURL, locale: "en" });
  const login = await other.newPage();
  await login.goto("/login");
  await login.getByLabel("E-mail").fill("member4@example.org");
  await login.getByLabel("Password").fill("demo-password");
  await login.getByRole("button", { name: "Sign in" }).click();
  await expect(login.getByRole("heading", { name: "我的委员会" })).toBeVisible();

  // And back.
  await login.getByRole("button", { name: "切换语言" }).click();
  await expect(login.getByRole("heading", { name: "My committees" })).toBeVisible();
  await other.close();
});

test("the project page renders the Chinese draft with computed numbers", async ({ signIn }) => {
  const context = await signIn("member1@example.org", { locale: "zh-CN" });
  const page = await context.newPage();
  await page.goto("/dashboard");
  await page.getByRole("link", { name: "GBA-2026-001" }).click();
  const view = page.getByTestId("standard-view");
  await expect(view.getByRole("heading", { name: "前言" })).toBeVisible();
  await expect(view.getByRole("heading", { name: "1 范围" })).toBeVisible();
  await expect(view.getByText("附录 A（规范性）")).toBeVisible();
  await expect(view.getByText("表 A.1").first()).toBeVisible();
});
