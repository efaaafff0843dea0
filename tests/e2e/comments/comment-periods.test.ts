// The secretary opens a comment period on the ISO demo draft: the text is frozen as a version, an open
// editor turns read-only at once and sees the period in the margin; closing it gives editing back.
import { expect, test, watchForPageErrors } from "../fixtures";
import { waitForEditor } from "../editor/editor-page";

test("opening a comment period freezes the text for open editors; closing it gives editing back", async ({ signIn }) => {
  const secretaryContext = await signIn("secretary@example.org", { locale: "en" });
  const secretary = await secretaryContext.newPage();
  const editor = await (await signIn("editor2@example.org", { locale: "en" })).newPage();
  const checkSecretary = watchForPageErrors(secretary);
  const checkEditor = watchForPageErrors(editor);

  await secretary.goto("/dashboard");
  await secretary.getByRole("link", { name: "GBA-2026-002" }).first().click();
  await secretary.waitForURL(/\/projects\//);
  const editorLink = secretary.getByRole("link", { name: "Open editor" });
  await editor.goto(new URL((await editorLink.getAttribute("href")) ?? "/", secretary.url()).pathname);
  await waitForEditor(editor);
  await expect(editor.getByTestId("read-only-notice")).toHaveCount(0);

  await secretary.getByRole("link", { name: "Comment periods" }).click();
  await secretary.waitForURL(/comment-periods/);
  const title = `CD consultation ${Date.now() % 100000}`;
  const tomorrow = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
  try {
    await secretary.getByTestId("period-title").fill(title);
    await secretary.getByTestId("period-closes").fill(tomorrow);
    await secretary.getByTestId("period-open").click();
    await expect(secretary.getByTestId("action-success")).toContainText(title);
    const row = secretary.getByTestId("period-row").filter({ hasText: title });
    await expect(row).toHaveAttribute("data-open", "true");
    await expect(row.getByRole("link", { name: title })).toBeVisible(); // the frozen version

    // The open editor is told at once: read-only, and the margin names the period.
    await expect(editor.getByTestId("read-only-notice")).toBeVisible();
    await editor.reload();
    await waitForEditor(editor);
    await expect(editor.getByTestId("editing-lock")).toBeVisible();
    await expect(editor.getByTestId("comment-period-banner")).toContainText(title);

    await row.getByTestId("period-close").click();
    await expect(secretary.getByTestId("action-success")).toBeVisible();
    await expect(secretary.getByTestId("period-row").filter({ hasText: title })).toHaveAttribute("data-open", "false");
    await expect(editor.getByTestId("read-only-notice")).toHaveCount(0);
  } finally {
    // Never leave the shared demo draft frozen for the tests that follow.
    const open = secretary.getByTestId("period-row").filter({ hasText: title }).locator('[data-testid="period-close"]');
    if ((await open.count()) > 0) await open.click();
  }
  checkSecretary();
  checkEditor();
});
