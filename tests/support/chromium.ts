// How every browser test and benchmark launches Debian's Chromium (playwright-core, no download).
//
// Chromium 156 in headless mode builds its WebUI omnibox popups (a page of its own, in a renderer
// process of its own) for every new window, and a Playwright browser context is a new window: on a
// 2-core machine that took about 800 ms of CPU while the page under test was opening. A person's
// browser does that once, not per document opened, so it is switched off here, as Puppeteer does by
// default (puppeteer/puppeteer#15278).

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup",
];
