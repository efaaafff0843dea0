// Two editors in two browsers on the same draft: each sees the other's text and cursor as they type,
// clause numbers renumber for both when one inserts a clause, and the save state turns to "saved"
// only once the server has stored it (and a reload shows it).
import { expect, test } from "../fixtures";
import { clauseTitle, labelOf, openDraft, typeAtEndOfClause, waitForEditor } from "./editor-page";

test("two editors see each other's text, cursors and renumbering; the save state turns to saved", async ({ signIn }) => {
  const wang = await (await signIn("editor1@example.org", { locale: "zh-CN" })).newPage();
  const grace = await (await signIn("editor2@example.org", { locale: "en" })).newPage();
  const path = await openDraft(wang, "GBA-2026-001");
  await grace.goto(path);
  await waitForEditor(grace);

  // Each is listed as present for the other.
  await expect(wang.locator('[data-testid="presence-user"][data-name="Grace Ho"]')).toBeVisible();
  await expect(grace.locator('[data-testid="presence-user"][data-name="王磊"]')).toBeVisible();

  // Wang types in the scope clause; Grace sees the text and Wang's named cursor.
  const fromWang = `王磊输入${Date.now() % 100000}`;
  await typeAtEndOfClause(wang, "scope", fromWang);
  await expect(grace.locator(".ProseMirror")).toContainText(fromWang);
  await expect(grace.locator('.pm-remote-cursor[data-user="王磊"]')).toBeVisible();

  // Grace types in the terms clause; Wang sees her text and cursor.
  const fromGrace = `Grace typed ${Date.now() % 100000}`;
  await typeAtEndOfClause(grace, "terms", fromGrace);
  await expect(wang.locator(".ProseMirror")).toContainText(fromGrace);
  await expect(wang.locator('.pm-remote-cursor[data-user="Grace Ho"]')).toBeVisible();

  // Wang inserts a clause after the scope: the clauses after it renumber in Grace's editor and outline.
  const scope = Number(await labelOf(grace.locator('.ProseMirror section[data-kind="scope"] > h2')));
  const references = clauseTitle(grace, "规范性引用文件");
  const before = Number(await labelOf(references));
  await typeAtEndOfClause(wang, "scope", "");
  await wang.keyboard.press("Control+Enter");
  await wang.keyboard.type("协同新增章");
  await expect(clauseTitle(grace, "协同新增章")).toHaveAttribute("data-label", String(scope + 1));
  await expect(references).toHaveAttribute("data-label", String(before + 1));
  await expect(grace.getByTestId("outline-item").filter({ hasText: "协同新增章" }).getByTestId("outline-number")).toHaveText(String(scope + 1));

  // Saved means stored: both say so, and a reload brings everything back.
  await expect(wang.getByTestId("save-status")).toHaveAttribute("data-status", "saved");
  await expect(wang.getByTestId("save-status")).toHaveText("已保存");
  await expect(grace.getByTestId("save-status")).toHaveText("Saved");
  await wang.reload();
  const editor = await waitForEditor(wang);
  await expect(editor).toContainText(fromWang);
  await expect(editor).toContainText(fromGrace);
  await expect(clauseTitle(wang, "协同新增章")).toHaveAttribute("data-label", String(scope + 1));
});
