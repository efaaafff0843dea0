// Shared e2e fixtures: `baseURL` points at the server the global setup started, and
// `signedInContext(email)` gives a browser context signed in through the real /login form POST
// (as scripts do), so each test starts where it needs to be.
import { test as base, expect, type Browser, type BrowserContext, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "demo-password";

export function serverURL(): string {
  const url = process.env.E2E_BASE_URL;
  if (!url) throw new Error("E2E_BASE_URL is not set: run e2e tests through playwright.config.ts");
  return url;
}

export async function signedInContext(
  browser: Browser,
  email: string,
  options: { password?: string; locale?: "en" | "zh-CN" } = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: serverURL(), locale: options.locale ?? "en" });
  const response = await context.request.post("/login", {
    form: { email, password: options.password ?? DEMO_PASSWORD },
    maxRedirects: 0,
  });
  if (response.status() !== 302) throw new Error(`sign-in as ${email} failed: HTTP ${response.status()}`);
  // Demo accounts have their own saved language; tests choose theirs, as a person would.
  await useLanguage(context, options.locale ?? "en");
  return context;
}

/** Saves the interface language for the signed-in user (the switcher's form POST). */
export async function useLanguage(context: BrowserContext, locale: "en" | "zh-CN"): Promise<void> {
  const response = await context.request.post("/set-locale", { form: { locale, redirectTo: "/" }, maxRedirects: 0 });
  if (response.status() !== 302) throw new Error(`setting the language failed: HTTP ${response.status()}`);
}

/** Collects uncaught page errors, which a person would see as a broken page. */
export function watchForPageErrors(page: Page): () => void {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  return () => expect(errors, "uncaught errors in the page").toEqual([]);
}

type Fixtures = { signIn: (email: string, options?: { locale?: "en" | "zh-CN" }) => Promise<BrowserContext> };

export const test = base.extend<Fixtures>({
  baseURL: async ({}, use) => {
    await use(serverURL());
  },
  signIn: async ({ browser }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async (email, options) => {
      const context = await signedInContext(browser, email, options);
      contexts.push(context);
      return context;
    });
    await Promise.all(contexts.map((c) => c.close()));
  },
});

export { expect };
