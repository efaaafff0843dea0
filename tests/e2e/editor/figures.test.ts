// Figures from the toolbar: an editor picks a PNG, it is uploaded, and a captioned figure showing it
// appears at the cursor, stays after a reload and shows in the page rendered without script. A file
// that is too large or not an image is refused with a message, and nothing is inserted.
import type { Page } from "@playwright/test";
import { pngImage, SVG_WITH_SCRIPT } from "../../integration/figures/images";
import { expect, serverURL, test, watchForPageErrors } from "../fixtures";
import { createFreshDraft, type FreshDraft } from "../history/fresh-draft";
import { clickAtEnd, waitForEditor } from "./editor-page";

test.describe.configure({ mode: "serial" });

// A draft of its own, so no other test's edits or locks get in the way.
let draft: FreshDraft;
test.beforeAll(async () => {
  draft = await createFreshDraft("figures");
});

async function openFreshDraft(page: Page): Promise<string> {
  const path = `/documents/${draft.documentId}`;
  await page.goto(path);
  await waitForEditor(page);
  return path;
}

const FIGURES = '.ProseMirror section[data-kind="scope"] figure[data-type="figure"]';

test("a PNG picked from the toolbar becomes a captioned figure, kept after a reload", async ({ signIn, browser }) => {
  // The last step waits for the live document to be unloaded (30 s idle) and folded into the text.
  test.setTimeout(150_000);
  const context = await signIn("editor1@example.org", { locale: "en" });
  const page = await context.newPage();
  const checkErrors = watchForPageErrors(page);
  const path = await openFreshDraft(page);
  await expect(page.locator(FIGURES)).toHaveCount(0);

  await clickAtEnd(page.locator('.ProseMirror section[data-kind="scope"] > p').first());
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: "Figure", exact: true }).click();
  await (await chooser).setFiles({ name: "coupler.png", mimeType: "image/png", buffer: Buffer.from(pngImage(120, 60)) });

  const figure = page.locator(FIGURES);
  await expect(figure).toHaveCount(1);
  const image = figure.locator("img");
  await expect(image).toHaveAttribute("src", /^\/files\/[a-z0-9]+$/);
  // The browser really loaded it from /files (naturalWidth is 0 for a broken image).
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(120);
  // The cursor is in the empty caption; the figure is numbered.
  await page.keyboard.type("Outline of the coupler");
  await expect(figure.locator("figcaption")).toHaveText("Outline of the coupler");
  await expect(figure.locator("figcaption")).toHaveAttribute("data-label", /^图 ?\d+$/);
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-status", "saved");

  await page.reload();
  await waitForEditor(page);
  const reloaded = page.locator(FIGURES);
  await expect(reloaded).toHaveCount(1);
  await expect(reloaded.locator("figcaption")).toHaveText("Outline of the coupler");
  await expect.poll(() => reloaded.locator("img").evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(120);
  checkErrors();

  // The page as the server renders it (the read-only view, no script) shows the image too, once the
  // text is stored (the live document writes Document.content when it compacts or closes).
  await page.close();
  const noScript = await browser.newContext({ baseURL: serverURL(), javaScriptEnabled: false, storageState: await context.storageState() });
  try {
    const plain = await noScript.newPage();
    await expect
      .poll(
        async () => {
          await plain.goto(path);
          return plain.locator('figure.std-figure img[src^="/files/"]').count();
        },
        { timeout: 90_000, intervals: [2_000] },
      )
      .toBe(1);
    await expect.poll(() => plain.locator("figure.std-figure img").evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(120);
  } finally {
    await noScript.close();
  }
});

test("a file that is too large or not an image is refused with a message and inserts nothing", async ({ signIn }) => {
  const page = await (await signIn("editor1@example.org", { locale: "en" })).newPage();
  await openFreshDraft(page);
  const before = await page.locator('.ProseMirror figure[data-type="figure"]').count();

  await clickAtEnd(page.locator('.ProseMirror section[data-kind="scope"] > p').first());
  let chooser = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: "Figure", exact: true }).click();
  await (await chooser).setFiles({ name: "drawing.png", mimeType: "image/png", buffer: Buffer.from(SVG_WITH_SCRIPT) });
  const error = page.getByTestId("figure-error");
  await expect(error).toBeVisible();
  await expect(error).toContainText("not a PNG, JPEG, GIF or WebP image");
  await page.getByRole("button", { name: "Close", exact: true }).click();
  await expect(error).toBeHidden();

  chooser = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: "Figure", exact: true }).click();
  const huge = Buffer.alloc(5 * 1024 * 1024 + 10);
  Buffer.from(pngImage(4, 4)).copy(huge);
  await (await chooser).setFiles({ name: "huge.png", mimeType: "image/png", buffer: huge });
  await expect(error).toBeVisible();
  await expect(error).toContainText("larger than 5 MB");
  await expect(page.locator('.ProseMirror figure[data-type="figure"]')).toHaveCount(before);
});

test("a copied figure keeps its image when pasted", async ({ signIn }) => {
  const context = await signIn("editor1@example.org", { locale: "en" });
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const page = await context.newPage();
  await openFreshDraft(page);
  const figures = page.locator('.ProseMirror figure[data-type="figure"]');
  await expect(figures).toHaveCount(1);

  // Ctrl+click on the image selects the whole figure (ProseMirror's node selection); copy it and
  // paste it at the end of the first paragraph of 3.
  await figures.first().locator("img").click({ modifiers: ["Control"] });
  // Copy only once the figure is what is selected (ProseMirror marks a selected node).
  await expect(figures.first()).toHaveClass(/ProseMirror-selectednode/);
  await page.keyboard.press("Control+c");
  // Paste only once the clipboard holds the figure.
  await expect
    .poll(() => page.evaluate(async () => (await (await navigator.clipboard.read())[0]?.getType("text/html"))?.text()))
    .toContain('data-type="figure"');
  await clickAtEnd(page.locator('.ProseMirror section[data-kind="terms"] > p').first());
  await page.keyboard.press("Control+v");
  await expect(figures).toHaveCount(2);
  const sources = await figures.locator("img").evaluateAll((images) => images.map((img) => img.getAttribute("src")));
  expect(sources[0]).toMatch(/^\/files\//);
  expect(sources[1]).toBe(sources[0]);
});
