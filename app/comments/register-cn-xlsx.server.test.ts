import ExcelJS, { type Worksheet } from "exceljs";
import { describe, expect, test } from "vitest";
import { exportChineseRegisterXlsx, chineseXlsxLayout } from "./register-cn-xlsx.server";
import { sampleHeader, sampleRows } from "./register-fixtures";

async function readBack(buffer: Buffer): Promise<Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(buffer).buffer);
  const [sheet] = workbook.worksheets;
  if (!sheet) throw new Error("The workbook has no sheet");
  return sheet;
}

const columns = [1, 2, 3, 4, 5, 6, 7];

describe("exportChineseRegisterXlsx", () => {
  test("has the title, the header lines and the seven column titles", async () => {
    const sheet = await readBack(await exportChineseRegisterXlsx(sampleHeader, sampleRows(3), { handler: "张敏" }));
    const { firstInfoRow, columnTitleRow, titleRow } = chineseXlsxLayout;

    expect(sheet.name).toBe("征求意见汇总处理表");
    expect(sheet.getCell(titleRow, 1).text).toBe("智能网联汽车 数据记录系统征求意见汇总处理表");
    expect([1, 5].map((c) => sheet.getCell(firstInfoRow, c).text)).toEqual([
      "标准名称：智能网联汽车 数据记录系统",
      "文件：T/GBA 001—2026 征求意见稿",
    ]);
    expect([1, 4, 6].map((c) => sheet.getCell(firstInfoRow + 1, c).text)).toEqual(["项目编号：GBA-2026-001", "承办人：张敏", "日期：2026-03-01"]);
    expect(columns.map((c) => sheet.getCell(columnTitleRow, c).text)).toEqual(["序号", "章条编号", "意见内容", "理由", "提出单位", "处理意见", "备注"]);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: columnTitleRow });
  });

  test("writes one row per comment with the mapped contents", async () => {
    const rows = sampleRows(4);
    const sheet = await readBack(await exportChineseRegisterXlsx(sampleHeader, rows));
    const row = (i: number) => columns.map((c) => sheet.getCell(chineseXlsxLayout.firstDataRow + i, c).text);

    expect(row(0)).toEqual(["1", "5.2 表 2", "将“应”改为“宜”。", rows[0].comment, "CN", "采纳", "一般"]);
    expect(row(1)).toEqual(["2", "A.1 Table 2", rows[1].comment, "", "DE", "部分采纳：理由 2", "技术"]);
    expect(row(2)).toEqual(["3", "全文", "Move the sentence to 5.2.", rows[2].comment, "中国标准化研究院", "不采纳：理由 3", "编辑"]);
    expect(row(3)).toEqual(["4", "3.1.2 Para 3", rows[3].comment, "", "Acme Automotive GmbH", "", "一般"]);
    expect(sheet.getCell(chineseXlsxLayout.firstDataRow + 1, 3).text).toContain("The requirement in the note");
    expect(sheet.getCell(chineseXlsxLayout.firstDataRow + 4, 1).text).toBe("");
  });

  test("cells wrap and the header line leaves 承办人 blank when none is given", async () => {
    const sheet = await readBack(await exportChineseRegisterXlsx(sampleHeader, sampleRows(1)));
    expect(sheet.getCell(chineseXlsxLayout.firstInfoRow + 1, 4).text).toBe("承办人：");
    expect(sheet.getCell(chineseXlsxLayout.firstDataRow, 3).alignment).toMatchObject({ wrapText: true });
    expect(sheet.getColumn(3).width).toBeGreaterThanOrEqual(40);
  });
});
