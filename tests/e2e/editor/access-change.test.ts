// Rights change while the editor is open: the server tells the open connection (message 101) and the
// editor follows at once, without a reload. The chair makes a member of WG2 an editor and back.
import type { Page } from "@playwright/test";
import { expect, test } from "../fixtures";
import { openDraft, typeAtEndOfClause } from "./editor-page";

async function setRole(chair: Page, name: string, role: "EDITOR" | "MEMBER"): Promise<void> {
  const row = chair.getByRole("row").filter({ hasText: name });
  await row.getByRole("button", { name: "Change role" }).click();
  const popover = chair.getByRole("dialog");
  await popover.getByLabel("Role").selectOption(role);
  await popover.getByRole("button", { name: "Save" }).click();
  // The third column is the role.
  await expect(row.getByRole("cell").nth(2)).toHaveText(role === "EDITOR" ? /^Editor$/i : /^Member$/i);
  // The role popover stays open after saving; close it so the next change opens it afresh.
  await chair.keyboard.press("Escape");
  await expect(popover).toBeHidden();
}

test("an open editor turns editable and back to read-only as the member's role changes", async ({ signIn }) => {
  const member = await (await signIn("member3@example.org", { locale: "en" })).newPage();
  await openDraft(member, "GBA-2026-002");
  await expect(member.getByTestId("save-status")).toHaveAttribute("data-status", "readOnly");
  await expect(member.getByRole("toolbar")).toHaveCount(0);

  const chair = await (await signIn("chair@example.org", { locale: "en" })).newPage();
  await chair.goto("/dashboard");
  await chair.getByRole("link", { name: "GBA-2026-002" }).first().click();
  await chair.getByRole("link", { name: "WG2", exact: true }).first().click();
  await chair.waitForURL("**/committees/**");

  try {
    await setRole(chair, "黄静", "EDITOR");
    await expect(member.getByRole("toolbar", { name: "Editing tools" })).toBeVisible();
    await expect(member.locator(".ProseMirror")).toHaveAttribute("contenteditable", "true");
    await expect(member.getByTestId("read-only-notice")).toHaveCount(0);
    const typed = `member3 now edits ${Date.now() % 100000}`;
    await typeAtEndOfClause(member, "scope", typed);
    await expect(member.getByTestId("save-status")).toHaveAttribute("data-status", "saved");

    await setRole(chair, "黄静", "MEMBER");
    await expect(member.getByTestId("read-only-notice")).toBeVisible();
    await expect(member.locator(".ProseMirror")).toHaveAttribute("contenteditable", "false");
    await expect(member.getByTestId("save-status")).toHaveAttribute("data-status", "readOnly");
    // What was typed while allowed stays.
    await expect(member.locator(".ProseMirror")).toContainText(typed);
  } finally {
    // Leave the demo data as it was for other tests.
    const roleCell = chair.getByRole("row").filter({ hasText: "黄静" }).getByRole("cell").nth(2);
    if (/^Editor$/i.test((await roleCell.textContent()) ?? "")) await setRole(chair, "黄静", "MEMBER");
  }
});
