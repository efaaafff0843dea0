// The secretary imports a member's offline comments (the ISO/IEC template, filled in Excel) on the
// register page of the ISO demo draft: a file with a mistake is refused with the row and column at
// fault and nothing lands; the corrected file lands all 20 comments on their clauses.
import ExcelJS from "exceljs";
import { expect, test, watchForPageErrors } from "../fixtures";

const clauses = ["1", "2", "3", "4", "General"];

async function templateFile(mistakeAtIndex: number | null): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Comments");
  sheet.addRow(["Template for comments and secretariat observations"]);
  sheet.addRow(["Date:", "2026-11-25", "", "Document:", "ISO/CD 12345", "", "Project:", "GBA-2026-002"]);
  sheet.addRow(["MB/NC¹", "Line number", "Clause/ Subclause", "Paragraph/ Figure/ Table/", "Type of comment²", "Comments", "Proposed change", "Observations of the secretariat"]);
  for (let i = 0; i < 20; i++) {
    const type = i === mistakeAtIndex ? "urgent" : ["ge", "te", "ed"][i % 3];
    sheet.addRow(["SG", "", clauses[i % clauses.length], "", type, `Offline comment ${i + 1}`, i % 2 ? "Reword." : "", ""]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

test("a malformed template is refused with the row at fault; the corrected one lands 20 comments", async ({ signIn }) => {
  const page = await (await signIn("secretary@example.org", { locale: "en" })).newPage();
  const check = watchForPageErrors(page);
  await page.goto("/dashboard");
  await page.getByRole("link", { name: "GBA-2026-002" }).first().click();
  await page.getByTestId("project-register-link").click();
  await page.waitForURL(/\/register/);
  await expect(page.getByRole("heading", { name: "Comment register" })).toBeVisible();
  const rows = page.getByTestId("register-row");
  const before = await rows.count();

  const chooser = page.waitForEvent("filechooser");
  await page.getByTestId("import-file").click();
  await (await chooser).setFiles({ name: "offline.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: await templateFile(6) });
  await page.getByTestId("import-submit").click();
  const errors = page.getByTestId("import-errors");
  await expect(errors).toContainText("Row 10, column E");
  await expect(errors).toContainText("ge (general), te (technical) or ed (editorial)");
  await expect(rows).toHaveCount(before);

  const again = page.waitForEvent("filechooser");
  await page.getByTestId("import-file").click();
  await (await again).setFiles({ name: "offline.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: await templateFile(null) });
  await page.getByTestId("import-submit").click();
  await expect(page.getByTestId("import-done")).toHaveText("20 comments imported.");
  await expect(rows).toHaveCount(before + 20);
  const imported = rows.filter({ hasText: "Offline comment 7" });
  await expect(imported.getByTestId("register-clause")).toHaveText("2");
  await expect(rows.filter({ hasText: "Offline comment 5" }).getByTestId("register-clause")).toHaveText("General");
  check();
});
