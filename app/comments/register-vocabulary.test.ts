import { describe, expect, test } from "vitest";
import { decisions, type RegisterDisposition } from "./register-types";
import { formatDisposition, formatRegisterDate, parseCommentType, parseDisposition } from "./register-vocabulary";

const decided = { decidedBy: "李伟", decidedAt: new Date("2026-03-20T00:00:00Z") };

describe("comment types", () => {
  test("read in either language and either form; nothing else", () => {
    expect(["ge", "GE", "general", "一般", "一般性"].map(parseCommentType)).toEqual(Array(5).fill("general"));
    expect(["te", "Technical", "技术", "技术性", "ｔｅ"].map(parseCommentType)).toEqual(Array(5).fill("technical"));
    expect(["ed", "EDITORIAL", "编辑", "编辑性"].map(parseCommentType)).toEqual(Array(4).fill("editorial"));
    expect(["", "te/ed", "major", "t", "tech"].map(parseCommentType)).toEqual(Array(5).fill(null));
  });
});

describe("dispositions", () => {
  test("are written as the decision in the project language, then the reason", () => {
    const notAccepted: RegisterDisposition = { decision: "not_accepted", reason: "与上位标准一致", ...decided };
    expect(formatDisposition(notAccepted, "zh-CN")).toBe("不采纳：与上位标准一致");
    expect(formatDisposition(notAccepted, "en")).toBe("Not accepted: 与上位标准一致");
    expect(formatDisposition({ ...notAccepted, decision: "accepted", reason: "  " }, "en")).toBe("Accepted");
    expect(formatDisposition(null, "en")).toBe("");
  });

  test("read back what they write, for every decision in both languages", () => {
    for (const language of ["en", "zh-CN"] as const) {
      for (const decision of decisions) {
        for (const reason of ["", "See the new text in 5.2."]) {
          expect(parseDisposition(formatDisposition({ decision, reason, ...decided }, language))).toEqual({ decision, reason });
        }
      }
    }
  });

  test("read the forms secretaries type by hand", () => {
    expect(parseDisposition("Accepted in principle. Changed otherwise")).toEqual({ decision: "accepted_in_principle", reason: "Changed otherwise" });
    expect(parseDisposition("accepted")).toEqual({ decision: "accepted", reason: "" });
    expect(parseDisposition("NOT ACCEPTED - out of scope")).toEqual({ decision: "not_accepted", reason: "out of scope" });
    expect(parseDisposition("不采纳。理由见编制说明")).toEqual({ decision: "not_accepted", reason: "理由见编制说明" });
    expect(parseDisposition("部分采纳，改为注")).toEqual({ decision: "accepted_in_principle", reason: "改为注" });
    expect(parseDisposition("采纳")).toEqual({ decision: "accepted", reason: "" });
    // The reason keeps its full-width punctuation and letters exactly.
    expect(parseDisposition("部分采纳：改为注，见５.２（修改稿）")).toEqual({ decision: "accepted_in_principle", reason: "改为注，见５.２（修改稿）" });
  });

  test("refuse text that names no decision rather than guess", () => {
    expect(["", "Maybe later", "Notedly wrong", "Acceptedly", "同意"].map(parseDisposition)).toEqual(Array(5).fill(null));
  });
});

describe("formatRegisterDate", () => {
  test("is the calendar day in the given zone", () => {
    const instant = new Date("2026-02-28T16:30:00Z");
    expect(formatRegisterDate(instant)).toBe("2026-02-28");
    expect(formatRegisterDate(instant, "Asia/Shanghai")).toBe("2026-03-01");
  });
});
