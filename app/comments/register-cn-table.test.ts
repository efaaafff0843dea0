import { describe, expect, test } from "vitest";
import { chineseHeaderFields, chineseTableColumns, chineseTableTitle, toChineseTableRow } from "./register-cn-table";
import { sampleHeader, sampleRows } from "./register-fixtures";
import type { RegisterRow } from "./register-types";

const base: RegisterRow = sampleRows(1)[0];

describe("征求意见汇总处理表 mapping", () => {
  test("has the form's seven columns in order", () => {
    expect(chineseTableColumns.map((column) => column.title)).toEqual(["序号", "章条编号", "意见内容", "理由", "提出单位", "处理意见", "备注"]);
    expect(chineseTableColumns.reduce((sum, column) => sum + column.share, 0)).toBe(100);
  });

  test("title and header fields", () => {
    expect(chineseTableTitle(sampleHeader)).toBe("智能网联汽车 数据记录系统征求意见汇总处理表");
    expect(chineseHeaderFields(sampleHeader, { handler: "张敏", timeZone: "Asia/Shanghai" })).toEqual({
      name: { label: "标准名称", value: "智能网联汽车 数据记录系统" },
      document: { label: "文件", value: "T/GBA 001—2026 征求意见稿" },
      project: { label: "项目编号", value: "GBA-2026-001" },
      handler: { label: "承办人", value: "张敏" },
      date: { label: "日期", value: "2026-03-01" },
    });
    expect(chineseHeaderFields(sampleHeader).handler.value).toBe("");
  });

  test("a proposed change is the 意见内容 and the comment its 理由", () => {
    const row = toChineseTableRow({ ...base, comment: "此处为推荐性条款。", proposedChange: "将“应”改为“宜”。" });
    expect(row).toMatchObject({ content: "将“应”改为“宜”。", reason: "此处为推荐性条款。" });
  });

  test("without a proposed change the comment is the 意见内容 and 理由 stays empty", () => {
    const row = toChineseTableRow({ ...base, comment: "术语定义不清。", proposedChange: "  " });
    expect(row).toMatchObject({ content: "术语定义不清。", reason: "" });
  });

  test("章条编号 joins clause and element; General reads 全文", () => {
    expect(toChineseTableRow({ ...base, clause: "5.2", element: "表 2" }).clause).toBe("5.2 表 2");
    expect(toChineseTableRow({ ...base, clause: "A.1", element: "" }).clause).toBe("A.1");
    expect(toChineseTableRow({ ...base, clause: "General", element: "" }).clause).toBe("全文");
  });

  test("处理意见 is the Chinese decision and its reason, empty while undecided; 备注 the type", () => {
    const decided = { decidedBy: "李伟", decidedAt: new Date("2026-03-20T00:00:00Z") };
    const cases = [
      [{ decision: "accepted", reason: "", ...decided }, "采纳"],
      [{ decision: "accepted_in_principle", reason: "改写为注", ...decided }, "部分采纳：改写为注"],
      [{ decision: "not_accepted", reason: "与上位标准一致", ...decided }, "不采纳：与上位标准一致"],
      [{ decision: "noted", reason: "下次修订考虑", ...decided }, "备注：下次修订考虑"],
      [null, ""],
    ] as const;
    for (const [disposition, expected] of cases) {
      expect(toChineseTableRow({ ...base, disposition }).disposition).toBe(expected);
    }
    expect(toChineseTableRow({ ...base, type: "editorial" }).remarks).toBe("编辑");
    expect(toChineseTableRow({ ...base, sequence: 12, organization: "中国标准化研究院" })).toMatchObject({ sequence: "12", organization: "中国标准化研究院" });
  });
});
