// The history names who edited which clauses: an editor edits 4.2 and 5.2 in the live editor, and the
// project's history page says so in one sentence, in English and in Chinese.
import { expect, test, watchForPageErrors } from "../fixtures";
import { clickAtEnd, openDraft } from "../editor/editor-page";

test("after an editor edits two clauses, the history names the editor and those clause numbers", async ({ signIn }) => {
  const page = await (await signIn("editor1@example.org", { locale: "en" })).newPage();
  const checkErrors = watchForPageErrors(page);
  await openDraft(page, "GBA-2026-001");

  await clickAtEnd(page.locator(".ProseMirror section#c-4-2 > p").first());
  await page.keyboard.type("（历史测试一）");
  await clickAtEnd(page.locator(".ProseMirror section#c-5-2 > p").first());
  await page.keyboard.type("（历史测试二）");
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-status", "saved");

  // From the project page, as a chair would go.
  await page.goto("/dashboard");
  await page.getByRole("link", { name: "GBA-2026-001" }).first().click();
  await page.getByRole("link", { name: "History", exact: true }).click();
  await page.waitForURL(/\/history$/);
  const sentence = page.getByTestId("history-sentence").first();
  await expect(sentence).toHaveText(/^王磊 edited .*\b4\.2\b.*\b5\.2\b this (morning|afternoon|evening)$/);
  checkErrors();

  // The same in Chinese, for a chair reading in Chinese.
  const chair = await (await signIn("chair@example.org", { locale: "zh-CN" })).newPage();
  await chair.goto(new URL(page.url()).pathname);
  await expect(chair.getByTestId("history-sentence").first()).toHaveText(/^王磊今天(上午|下午|晚上)编辑了 .*4\.2.*和 ?5\.2$/);
});
