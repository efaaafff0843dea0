// A comment's life in Chromium on the ISO demo draft (GBA-2026-002): a member comments on a few words
// while an editor types before them in another browser; the highlight stays on the same words in
// both; the editor replies and the member sees it without reloading; the secretary records a
// decision; the register shows it and the ISO/IEC template export contains it (read back here).
import { readFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import type { Page } from "@playwright/test";
import { expect, test, watchForPageErrors } from "../fixtures";
import { openDraft, waitForEditor } from "../editor/editor-page";

const WORDS = "swappable traction battery";

/** Selects the first occurrence of `text` in the editor, as a person dragging over it would. */
async function selectWords(page: Page, text: string): Promise<void> {
  await page.evaluate((wanted) => {
    const root = document.querySelector(".ProseMirror");
    if (!root) throw new Error("no editor");
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const index = node.textContent?.indexOf(wanted) ?? -1;
      if (index < 0) continue;
      const range = document.createRange();
      range.setStart(node, index);
      range.setEnd(node, index + wanted.length);
      const selection = window.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
      return;
    }
    throw new Error(`"${wanted}" is not in the editor`);
  }, text);
}

test("comment on a sentence while it is edited, reply, decide, and find it in the register and its export", async ({ signIn }) => {
  const member = await (await signIn("member4@example.org", { locale: "en" })).newPage();
  const editor = await (await signIn("editor2@example.org", { locale: "en" })).newPage();
  const checkMember = watchForPageErrors(member);
  const checkEditor = watchForPageErrors(editor);
  const path = await openDraft(member, "GBA-2026-002");
  await editor.goto(path);
  await waitForEditor(editor);
  await expect(member.getByTestId("comment-margin")).toBeVisible();

  // The member selects the words and comments on them.
  const note = `Define this term (${Date.now() % 100000}). <b>not bold</b>`;
  await selectWords(member, WORDS);
  await expect(member.getByTestId("comment-start")).toHaveText("Comment on selection");
  await member.getByTestId("comment-start").click();
  await expect(member.getByTestId("comment-form")).toContainText(WORDS);
  await member.getByTestId("comment-form").getByText("Technical", { exact: true }).click();
  await member.getByTestId("comment-body-input").fill(note);
  await member.getByTestId("comment-proposal-input").fill("swappable battery pack");
  await member.getByTestId("comment-submit").click();
  const thread = (page: Page) => page.getByTestId("comment-thread").filter({ hasText: note });
  await expect(thread(member)).toBeVisible();
  await expect(thread(member).getByTestId("comment-body")).toHaveText(note);
  await expect(thread(member).getByTestId("comment-clause")).toHaveText("1");
  const commentId = await thread(member).getAttribute("data-comment-id");
  expect(commentId).toBeTruthy();
  const highlight = (page: Page) => page.locator(`.studio-comment-highlight[data-comment-id="${commentId}"]`);
  await expect(highlight(member)).toHaveText(WORDS);

  // The editor sees it without reloading, then types before the words.
  await expect(highlight(editor)).toHaveText(WORDS);
  const paragraph = editor.locator('.ProseMirror section[data-kind="scope"] > p').first();
  await paragraph.click({ position: { x: 3, y: 6 } });
  await editor.keyboard.press("Home");
  const inserted = `Inserted by Grace ${Date.now() % 100000}. `;
  await editor.keyboard.type(inserted);
  await expect(member.locator(".ProseMirror")).toContainText(inserted.trim());
  await expect(highlight(member)).toHaveText(WORDS);
  await expect(highlight(editor)).toHaveText(WORDS);

  // A second comment, in clause 2; then focus follows the editor's cursor and Alt+↓ moves on.
  await selectWords(member, "The following documents");
  await member.getByTestId("comment-start").click();
  await member.getByTestId("comment-body-input").fill("Second comment, on clause 2.");
  await member.getByTestId("comment-submit").click();
  const second = (page: Page) => page.getByTestId("comment-thread").filter({ hasText: "Second comment, on clause 2." });
  await expect(second(editor).getByTestId("comment-clause")).toHaveText("2");
  await highlight(editor).click();
  await expect(thread(editor)).toHaveAttribute("data-active", "true");
  await editor.keyboard.press("Alt+ArrowDown");
  await expect(second(editor)).toHaveAttribute("data-active", "true");
  await expect(thread(editor)).toHaveAttribute("data-active", "false");
  await editor.keyboard.press("Alt+ArrowUp");
  await expect(thread(editor)).toHaveAttribute("data-active", "true");

  // The editor replies; the member sees the reply live.
  await thread(editor).click();
  await thread(editor).getByTestId("comment-reply-input").fill("Agreed, we will define it in Clause 3.");
  await thread(editor).getByTestId("comment-reply-send").click();
  await expect(thread(member).getByTestId("comment-reply")).toContainText("Agreed, we will define it in Clause 3.");
  await expect(editor.getByTestId("save-status")).toHaveAttribute("data-status", "saved");

  // The secretary records a decision in the margin.
  const secretary = await (await signIn("secretary@example.org", { locale: "en" })).newPage();
  const checkSecretary = watchForPageErrors(secretary);
  await secretary.goto(path);
  await waitForEditor(secretary);
  await thread(secretary).click();
  await thread(secretary).getByTestId("comment-decision").click();
  await secretary.getByRole("option", { name: "Accepted in principle" }).click();
  await thread(secretary).getByTestId("comment-reason").fill("Term added as 3.7.");
  await thread(secretary).getByTestId("comment-dispose").click();
  await expect(thread(secretary).getByTestId("comment-disposition")).toHaveAttribute("data-decision", "ACCEPTED_IN_PRINCIPLE");
  await expect(thread(member).getByTestId("comment-disposition")).toContainText("Accepted in principle");

  // The register lists it with the decision; the ISO/IEC template export contains it.
  await secretary.getByTestId("editor-register-link").click();
  await secretary.waitForURL(/\/register/);
  const row = secretary.locator(`[data-testid="register-row"][data-comment-id="${commentId}"]`);
  await expect(row.getByTestId("register-comment")).toHaveText(note);
  await expect(row.getByTestId("register-disposition")).toContainText("Accepted in principle");
  await expect(row.getByTestId("register-disposition")).toContainText("Term added as 3.7.");
  await expect(row.getByTestId("register-clause")).toHaveText("1");
  const [download] = await Promise.all([secretary.waitForEvent("download"), secretary.getByTestId("export-iso").click()]);
  const workbook = new ExcelJS.Workbook();
  const bytes = await readFile(await download.path());
  await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  const sheet = workbook.worksheets[0];
  const rows: string[][] = [];
  sheet?.eachRow((r) => rows.push([1, 2, 3, 4, 5, 6, 7, 8].map((c) => r.getCell(c).text)));
  const exported = rows.find((cells) => cells[5] === note);
  expect(exported).toBeDefined();
  expect(exported?.[2]).toBe("1");
  expect(exported?.[4]).toBe("te");
  expect(exported?.[6]).toBe("swappable battery pack");
  expect(exported?.[7]).toContain("Accepted in principle");
  expect(exported?.[7]).toContain("Term added as 3.7.");

  checkMember();
  checkEditor();
  checkSecretary();
});
