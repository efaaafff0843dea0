// The history names who edited which clauses: an editor edits clauses 1 and 3 of a fresh draft in the
// live editor, and the project's history page says so in one sentence, in English and in Chinese.
import { expect, test, watchForPageErrors } from "../fixtures";
import { clickAtEnd, waitForEditor } from "../editor/editor-page";
import { createFreshDraft } from "./fresh-draft";

test("after an editor edits two clauses, the history names the editor and those clause numbers", async ({ signIn }) => {
  const draft = await createFreshDraft("history");
  const page = await (await signIn("editor1@example.org", { locale: "en" })).newPage();
  const checkErrors = watchForPageErrors(page);
  await page.goto(`/documents/${draft.documentId}`);
  await waitForEditor(page);

  await clickAtEnd(page.locator('.ProseMirror section[data-kind="scope"] > p').first());
  await page.keyboard.type("（历史测试一）");
  await clickAtEnd(page.locator('.ProseMirror section[data-kind="terms"] > p').first());
  await page.keyboard.type("（历史测试二）");
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-status", "saved");

  // From the project page, as a chair would go.
  await page.goto(`/projects/${draft.projectId}`);
  await page.getByRole("link", { name: "History", exact: true }).click();
  await page.waitForURL(/\/history$/);
  await expect(page.getByTestId("history-sentence")).toHaveText([/^王磊 edited 1 and 3 this (morning|afternoon|evening)$/]);
  checkErrors();

  // The same in Chinese, for a chair reading in Chinese.
  const chair = await (await signIn("chair@example.org", { locale: "zh-CN" })).newPage();
  await chair.goto(`/projects/${draft.projectId}/history`);
  await expect(chair.getByTestId("history-sentence")).toHaveText([/^王磊今天(上午|下午|晚上)编辑了 1 和 3$/]);
});
