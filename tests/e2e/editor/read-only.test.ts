// A member (who may read but not edit drafts) opens the editor read-only: no tools, no typing, and
// the page says why.
import { expect, test } from "../fixtures";
import { openDraft } from "./editor-page";

test("a member opens the draft read-only and cannot type", async ({ signIn }) => {
  const page = await (await signIn("member1@example.org", { locale: "zh-CN" })).newPage();
  await openDraft(page, "GBA-2026-001");
  const editor = page.locator(".ProseMirror");

  await expect(page.getByTestId("read-only-notice")).toHaveText("您可以阅读此草案，但无权编辑。");
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-status", "readOnly");
  await expect(page.getByRole("toolbar")).toHaveCount(0);
  await expect(editor).toHaveAttribute("contenteditable", "false");
  // Numbers are shown to readers too.
  await expect(page.locator('.ProseMirror section[data-kind="scope"] > h2')).toHaveAttribute("data-label", "1");

  const before = await editor.innerText();
  await page.locator('.ProseMirror section[data-kind="scope"] > p').first().click();
  await page.keyboard.type("只读用户输入XYZ");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Control+Enter");
  await page.keyboard.press("Control+z");
  expect(await editor.innerText()).toBe(before);
  await expect(editor).not.toContainText("只读用户输入XYZ");
});
