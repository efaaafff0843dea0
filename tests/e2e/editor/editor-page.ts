// Helpers for the editor tests: opening a project's draft from the project page (as a person does)
// and finding things in the editor by what a person sees.
import { expect, type Locator, type Page } from "@playwright/test";

/** Opens the main draft of the project through the dashboard and the project page's editor link. */
export async function openDraft(page: Page, reference: string): Promise<string> {
  await page.goto("/dashboard");
  await page.getByRole("link", { name: reference }).first().click();
  await page.getByRole("link", { name: /Open editor|打开编辑器/ }).click();
  await page.waitForURL(/\/documents\//);
  await waitForEditor(page);
  return new URL(page.url()).pathname;
}

/** Waits until the live editor has replaced the preview. */
export async function waitForEditor(page: Page): Promise<Locator> {
  await expect(page.getByTestId("editor-workspace")).toHaveAttribute("data-ready", "true");
  const editor = page.locator(".ProseMirror");
  await expect(editor).toBeVisible();
  return editor;
}

/** The title of the clause whose title contains `text` (its number is in data-label). */
export function clauseTitle(page: Page, text: string): Locator {
  return page.locator('.ProseMirror h2[data-type="clause_title"]', { hasText: text }).first();
}

export async function labelOf(title: Locator): Promise<string> {
  return (await title.getAttribute("data-label")) ?? "";
}

/** Puts the cursor at the end of the first paragraph of the clause with this kind (scope, …). */
export async function typeAtEndOfClause(page: Page, kind: string, text: string): Promise<void> {
  const paragraph = page.locator(`.ProseMirror section[data-kind="${kind}"] > p`).first();
  await clickAtEnd(paragraph);
  await page.keyboard.type(text);
}

/**
 * Clicks right of the last line of a block, which puts the cursor at its end, and clicks again until
 * the cursor is in the block: a layout shift between Playwright's scroll and its click (an image
 * loading, the outline growing) can land the click elsewhere.
 */
export async function clickAtEnd(block: Locator): Promise<void> {
  await expect(async () => {
    const box = await block.boundingBox();
    if (!box) throw new Error("the block is not visible");
    await block.click({ position: { x: box.width - 2, y: box.height - 6 } });
    expect(await block.evaluate((element) => element.contains(document.getSelection()?.anchorNode ?? null))).toBe(true);
  }).toPass({ timeout: 10_000 });
}

/** Pastes HTML (and its plain-text form) where the focus is, as the clipboard would deliver it. */
export async function pasteHtml(page: Page, html: string, text = ""): Promise<void> {
  await page.evaluate(
    ({ html, text }) => {
      const data = new DataTransfer();
      data.setData("text/html", html);
      if (text) data.setData("text/plain", text);
      const target = document.activeElement ?? document.querySelector(".ProseMirror");
      target?.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    },
    { html, text },
  );
}
