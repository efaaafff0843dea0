// Grouping edit sessions into a timeline and saying each group in one sentence, in both languages.
import { describe, expect, test } from "vitest";
import { createI18n } from "~/utils/i18n";
import { editSentence, joinList, type SentencePart } from "./edit-sentence";
import { buildTimeline } from "./timeline";

const NOW = Date.parse("2026-11-25T09:00:00Z"); // 17:00 in Shanghai
const SHANGHAI = "Asia/Shanghai";

const session = (userId: string, userName: string, endedAt: string, partIds: string[], startedAt = endedAt) => ({ userId, userName, startedAt, endedAt, updates: 3, partIds });

const parts: SentencePart[] = [
  { id: "c5", kind: "clause", number: "5" },
  { id: "c52", kind: "clause", number: "5.2" },
  { id: "annexA", kind: "annex", number: "A" },
  { id: "gone", kind: "deleted", number: "" },
];
const positions = [
  { id: "c5", pos: 100 },
  { id: "c52", pos: 150 },
  { id: "annexA", pos: 900 },
  { id: "gone", pos: Number.MAX_SAFE_INTEGER },
];
const partsById = new Map(parts.map((p) => [p.id, p]));

describe("buildTimeline", () => {
  test("groups sessions by day and part of day in the reader's zone, split by versions, newest first", () => {
    const versions = [{ id: "v1", label: "WD 1", createdAt: "2026-11-25T05:00:00Z" }]; // 13:00 Shanghai
    const timeline = buildTimeline({
      versions,
      sessions: [
        session("wang", "王磊", "2026-11-25T07:30:00Z", ["annexA"], "2026-11-25T07:00:00Z"), // 15:30 Shanghai
        session("li", "李娜", "2026-11-25T06:10:00Z", ["c52"], "2026-11-25T05:30:00Z"), // 14:10
        session("li", "李娜", "2026-11-25T04:30:00Z", ["c5"]), // 12:30, before the version
        session("wang", "王磊", "2026-11-24T02:00:00Z", ["c5"]), // yesterday 10:00
        session("wang", "王磊", "2026-11-20T12:00:00Z", ["gone"]), // 20:00 on the 20th
      ],
      parts: positions,
      timeZone: SHANGHAI,
      now: NOW,
    });
    expect(timeline.map((e) => (e.kind === "version" ? `version ${e.version.label}` : `${e.day} ${e.part} ${e.relativeDay} ${e.people.join("+")} ${e.partIds.join(",")}`))).toEqual([
      "2026-11-25 afternoon today 李娜+王磊 c52,annexA",
      "version WD 1",
      "2026-11-25 afternoon today 李娜 c5",
      "2026-11-24 morning yesterday 王磊 c5",
      "2026-11-20 evening null 王磊 gone",
    ]);
  });

  test("the same moments fall on other days in another zone", () => {
    const timeline = buildTimeline({ versions: [], sessions: [session("li", "Li", "2026-11-24T20:00:00Z", ["c5"])], parts: positions, timeZone: "UTC", now: NOW });
    expect(timeline[0]).toMatchObject({ day: "2026-11-24", part: "evening", relativeDay: "yesterday" });
    const shanghai = buildTimeline({ versions: [], sessions: [session("li", "Li", "2026-11-24T20:00:00Z", ["c5"])], parts: positions, timeZone: SHANGHAI, now: NOW });
    expect(shanghai[0]).toMatchObject({ day: "2026-11-25", part: "morning", relativeDay: "today" });
  });
});

describe("editSentence", () => {
  const group = { people: ["Li", "Wang"], partIds: ["c52", "annexA"], relativeDay: "today" as const, part: "afternoon" as const };

  test("English", () => {
    const { t } = createI18n("en");
    expect(editSentence({ group, parts: partsById, date: "", language: "en", t })).toBe("Li and Wang edited 5.2 and Annex A this afternoon");
    expect(editSentence({ group: { ...group, people: ["Li"], partIds: ["c5", "gone"], relativeDay: null, part: "morning" }, parts: partsById, date: "20 November 2026", language: "en", t })).toBe(
      "Li edited 5 and a deleted clause on 20 November 2026, in the morning",
    );
    expect(editSentence({ group: { ...group, partIds: [] }, parts: partsById, date: "", language: "en", t })).toBe("Li and Wang edited the text this afternoon");
  });

  test("Chinese", () => {
    const { t } = createI18n("zh-CN");
    expect(editSentence({ group: { ...group, people: ["李", "王"] }, parts: partsById, date: "", language: "zh-CN", t })).toBe("李和王今天下午编辑了 5.2 和附录 A");
    expect(editSentence({ group: { ...group, people: ["Grace Ho"], partIds: ["gone"], relativeDay: "yesterday", part: "evening" }, parts: partsById, date: "", language: "zh-CN", t })).toBe(
      "Grace Ho 昨天晚上编辑了 1 个已删除的章条",
    );
  });

  test("lists", () => {
    expect(joinList(["A", "B", "C"], "en", "and")).toBe("A, B and C");
    expect(joinList(["张伟", "王磊", "刘洋"], "zh-CN", "和")).toBe("张伟、王磊和刘洋");
    expect(joinList(["5.2", "6"], "zh-CN", "和")).toBe("5.2 和 6");
  });
});
