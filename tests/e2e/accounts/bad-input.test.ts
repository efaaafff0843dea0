// Bad input in the browser gets a clear message in the page and changes nothing.
import { expect, test } from "../fixtures";

test("an empty sign-in form says what is missing", async ({ page }) => {
  await page.goto("/login");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Enter an e-mail address.")).toBeVisible();
  await expect(page.getByText("Enter your password.")).toBeVisible();
});

test("a malformed e-mail in the invite form is pointed out and nothing is sent", async ({ signIn }) => {
  const context = await signIn("secretary@example.org");
  const page = await context.newPage();
  await page.goto("/dashboard");
  await page.getByTestId("committee-card").filter({ hasText: "TC1" }).click();
  const form = page.getByRole("form", { name: "Invite someone" });
  await form.getByLabel("E-mail").fill("not an address");
  await form.getByRole("button", { name: "Send invitation" }).click();
  await expect(form.getByText("Enter a valid e-mail address")).toBeVisible();
  await expect(page.getByTestId("invitations-table")).toHaveCount(0);
});

test("inviting someone who is already a member says so", async ({ signIn }) => {
  const context = await signIn("secretary@example.org");
  const page = await context.newPage();
  await page.goto("/dashboard");
  await page.getByTestId("committee-card").filter({ hasText: "TC1" }).click();
  const form = page.getByRole("form", { name: "Invite someone" });
  await form.getByLabel("E-mail").fill("member2@example.org");
  await form.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByTestId("action-error")).toContainText("member2@example.org is already a member");
});

test("a tampered session cookie sends the person to sign in again, with a notice", async ({ signIn, baseURL }) => {
  const context = await signIn("member1@example.org");
  const [cookie] = (await context.cookies()).filter((c) => c.name === "__session");
  expect(cookie).toBeDefined();
  await context.addCookies([{ ...cookie!, value: `${cookie!.value.slice(0, -2)}xx` }]);
  const page = await context.newPage();
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/login\?/);
  await expect(page.getByTestId("session-notice")).toContainText("no longer valid");
  expect(baseURL).toBeTruthy();
});

test("an unknown invitation link explains itself", async ({ page }) => {
  await page.goto("/invitations/this-is-not-a-real-token");
  await expect(page.getByTestId("invitation-problem")).toContainText("invalid");
});

test("an address that does not exist gets a helpful 404 page, in Chinese too", async ({ signIn }) => {
  const context = await signIn("member1@example.org");
  const page = await context.newPage();
  const response = await page.goto("/committees/does-not-exist");
  expect(response?.status()).toBe(404);
  await expect(page.getByTestId("error-page")).toContainText("Page not found");
  await expect(page.getByRole("link", { name: "Back to dashboard" })).toBeVisible();
  const chinese = await (await signIn("member2@example.org", { locale: "zh-CN" })).newPage();
  expect((await chinese.goto("/committees/does-not-exist"))?.status()).toBe(404);
  await expect(chinese.getByTestId("error-page")).toContainText("页面不存在");
  await expect(chinese.getByRole("link", { name: "返回工作台" })).toBeVisible();
});
