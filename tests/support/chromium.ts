// How browser tests and benchmarks launch Debian's Chromium (playwright-core, no download).

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** The end-to-end tests' arguments, beside the ones Playwright adds itself. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/**
 * For benchmarks: Chromium 156 in headless mode builds its WebUI omnibox popups (a page of its own,
 * in a renderer process of its own) for every new window, and a Playwright browser context is a new
 * window; on a 2-core machine that took about 800 ms of CPU while the page under test was opening.
 * A person's browser does that once, not per document opened (Puppeteer disables the same two
 * features by default, puppeteer/puppeteer#15278). Chromium reads only the last --disable-features,
 * so this replaces Playwright's own list: right for measuring a page as a person's browser runs it,
 * not for the end-to-end tests, which keep Playwright's.
 */
export const BENCH_CHROMIUM_ARGS = [...CHROMIUM_ARGS, "--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup"];
