// The secretary invites a new member by e-mail; the invitee accepts from the mailed link, signs in,
// and sees that committee and nothing else. An observer cannot invite.
import type { BrowserContext } from "@playwright/test";
import { expect, test, useLanguage, watchForPageErrors } from "../fixtures";

async function committeePath(context: BrowserContext, code: string): Promise<string> {
  const page = await context.newPage();
  await page.goto("/dashboard");
  const href = await page.getByTestId("committee-card").filter({ hasText: code }).first().getAttribute("href");
  await page.close();
  if (!href) throw new Error(`no committee card for ${code}`);
  return href;
}

test("secretary invites, invitee accepts and sees only that committee", async ({ page, context, browser, baseURL, signIn }) => {
  const email = `new-member-${Date.now()}@example.org`;
  const checkErrors = watchForPageErrors(page);

  // Sign in through the form, as a person does.
  await page.goto("/login");
  await page.getByLabel("E-mail").fill("secretary@example.org");
  await page.getByLabel("Password").fill("demo-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL("**/dashboard");
  await useLanguage(context, "en");

  await page.getByTestId("committee-card").filter({ hasText: "WG1" }).click();
  await page.waitForURL("**/committees/**");
  const wg1Path = new URL(page.url()).pathname;
  const invite = page.getByRole("form", { name: "Invite someone" });
  await invite.getByLabel("E-mail").fill(email);
  await invite.getByLabel("Name (optional)").fill("Zhou Min");
  await invite.getByLabel("Role").selectOption("MEMBER");
  await invite.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByTestId("action-success")).toContainText(`Invitation sent to ${email}`);
  await expect(page.getByTestId("invitations-table")).toContainText(email);
  checkErrors();

  // The mail lands in the outbox (no SMTP here); the invitee follows its link.
  const invitee = await browser.newContext({ baseURL, locale: "en" });
  const mailPage = await invitee.newPage();
  await mailPage.goto("/dev/outbox");
  const text = await mailPage.locator(`[data-testid="outbox-mail"][data-to="${email}"] pre`).innerText();
  const link = /https?:\/\/\S+\/invitations\/\S+/.exec(text)?.[0] ?? "";
  expect(link).toContain("/invitations/");
  const invitationPath = new URL(link).pathname;

  const accept = await invitee.newPage();
  const checkInviteeErrors = watchForPageErrors(accept);
  await accept.goto(invitationPath);
  await expect(accept.getByRole("heading", { level: 1 })).toContainText("WG1");
  await accept.getByLabel("Your name").fill("Zhou Min");
  await accept.getByLabel("Organization you represent").fill("Shenzhen Test Lab");
  await accept.getByLabel(/^Password/).fill("a-long-enough-password");
  await accept.getByLabel("Repeat the password").fill("a-long-enough-password");
  await accept.getByRole("button", { name: "Accept and create account" }).click();
  await accept.waitForURL(`**${wg1Path}?welcome=1`);
  await expect(accept.getByTestId("members-table")).toContainText(email);

  // Signed in now: the dashboard shows that one committee, and none of TC1's projects.
  await accept.goto("/dashboard");
  const cards = accept.getByTestId("committee-card");
  await expect(cards).toHaveCount(1);
  await expect(cards.first()).toContainText("WG1");
  await expect(accept.getByText("GBA-2026-001")).toHaveCount(0);

  // Nothing else is visible, not even by address.
  const tc1Path = await committeePath(await signIn("secretary@example.org"), "TC1");
  const response = await accept.goto(tc1Path);
  expect(response?.status()).toBe(404);
  checkInviteeErrors();

  // The link cannot be used twice.
  const stranger = await browser.newContext({ baseURL, locale: "en" });
  const again = await stranger.newPage();
  await again.goto(invitationPath);
  await expect(again.getByTestId("invitation-problem")).toContainText("already been used");

  // And the new member signs in later with the password they chose.
  await again.goto("/login");
  await again.getByLabel("E-mail").fill(email);
  await again.getByLabel("Password").fill("a-long-enough-password");
  await again.getByRole("button", { name: "Sign in" }).click();
  await again.waitForURL("**/dashboard");
  await expect(again.getByRole("heading", { level: 1 })).toContainText("Zhou Min");
  // A new account starts in Chinese, the product's default for our first users.
  await expect(again.getByRole("heading", { name: "我的委员会" })).toBeVisible();
  await Promise.all([invitee.close(), stranger.close()]);
});

test("an observer sees no invite form, and the server refuses an invite from them", async ({ signIn }) => {
  const observer = await signIn("observer@example.org");
  const path = await committeePath(observer, "TC1");
  const page = await observer.newPage();
  await page.goto(path);
  await expect(page.getByTestId("members-table")).toBeVisible();
  await expect(page.getByRole("form", { name: "Invite someone" })).toHaveCount(0);

  const response = await observer.request.post(path, {
    form: { intent: "invite", email: "sneaky@example.org", role: "MEMBER" },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(403);

  const secretary = await signIn("secretary@example.org");
  const secretaryPage = await secretary.newPage();
  await secretaryPage.goto(path);
  await expect(secretaryPage.getByTestId("members-table")).toBeVisible();
  await expect(secretaryPage.getByText("sneaky@example.org")).toHaveCount(0);
});

test("a wrong password gets a clear message and no session", async ({ page, context }) => {
  await page.goto("/login");
  await page.getByLabel("E-mail").fill("member1@example.org");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("form-error")).toContainText("Wrong e-mail or password");
  expect(new URL(page.url()).pathname).toBe("/login");
  expect((await context.cookies()).some((c) => c.name === "__session")).toBe(false);
});
