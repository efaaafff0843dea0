import { describe, expect, test } from "vitest";
import { fraction } from "~/ballots/fraction";
import { chineseGroupStandard, isoIec } from "~/stages/built-in";
import { parseStageModelDefinition, type StageModelDefinition } from "~/stages/definition";
import { formatStandardNumber, parseNumberPattern } from "~/stages/standard-number";
import { mapStage, proposableTargets, releaseTarget, sendBackTargets } from "~/stages/workflow";

const clone = (model: StageModelDefinition): StageModelDefinition => structuredClone(model);
const issuesOf = (input: unknown) => {
  const parsed = parseStageModelDefinition(input);
  return parsed.ok ? [] : parsed.issues;
};

describe("built-in models", () => {
  test.each([
    ["Chinese group standard", chineseGroupStandard],
    ["ISO/IEC", isoIec],
  ])("%s parses", (_, model) => {
    expect(parseStageModelDefinition(model)).toEqual({ ok: true, definition: model });
  });

  test("the Chinese model runs 提案 → … → 发布 with 复审 after and 废止/终止 as the end", () => {
    expect(chineseGroupStandard.stages.map((s) => s.nameZh)).toEqual([
      "提案", "立项", "起草", "征求意见", "技术审查", "批准", "发布", "复审", "废止/终止",
    ]);
    const consultation = chineseGroupStandard.stages.find((s) => s.key === "consultation");
    expect(consultation).toMatchObject({ editing: "NOBODY", commentDays: 30, versionLabel: "征求意见稿" });
    expect(chineseGroupStandard.stages.find((s) => s.key === "technical_review")?.exit.ballot?.presetKey).toBe(
      "cn_three_quarters_of_attendees",
    );
  });

  test("ISO stage codes 00 … 60", () => {
    expect(isoIec.stages.map((s) => s.code).slice(0, 7)).toEqual(["00", "10", "20", "30", "40", "50", "60"]);
  });
});

describe("what the model allows", () => {
  test("proposals follow the transitions; release stages are not proposed", () => {
    expect(proposableTargets(chineseGroupStandard, "drafting").map((s) => s.key)).toEqual(["consultation"]);
    expect(proposableTargets(chineseGroupStandard, "approval")).toEqual([]);
    expect(releaseTarget(chineseGroupStandard, "approval")?.key).toBe("published");
    expect(releaseTarget(chineseGroupStandard, "technical_review")).toBeUndefined();
    expect(proposableTargets(isoIec, "enquiry").map((s) => s.key)).toEqual(["approval"]);
    expect(releaseTarget(isoIec, "enquiry")?.key).toBe("published");
  });

  test("send back goes to earlier working stages only", () => {
    expect(sendBackTargets(chineseGroupStandard, "technical_review").map((s) => s.key)).toEqual([
      "proposal", "approved_item", "drafting", "consultation",
    ]);
    expect(sendBackTargets(chineseGroupStandard, "proposal")).toEqual([]);
  });

  test("a stage the model lacks maps to its initial stage", () => {
    expect(mapStage(chineseGroupStandard, "preparatory")).toBe("drafting");
    expect(mapStage(isoIec, "preparatory")).toBe("preparatory");
  });
});

describe("refused models say where and why", () => {
  test("a transition to an unknown stage", () => {
    const model = clone(chineseGroupStandard);
    model.transitions.push({ from: "drafting", to: "nowhere" });
    expect(issuesOf(model)).toEqual([{ path: `transitions.${model.transitions.length - 1}.to`, key: "approval.model.unknownStage" }]);
  });

  test("two stages with one key, an empty name, negative comment days", () => {
    const model = clone(chineseGroupStandard);
    model.stages[1].key = "proposal";
    model.stages[2].nameEn = "  ";
    model.stages[3].commentDays = -1;
    expect(issuesOf(model)).toEqual(
      expect.arrayContaining([
        { path: "stages.1.key", key: "approval.model.keyTaken" },
        { path: "stages.2.nameEn", key: "approval.model.nameRequired" },
        { path: "stages.3.commentDays", key: "approval.model.commentDays" },
      ]),
    );
  });

  test("an impossible ballot rule inside a stage is refused with the rule's own key", () => {
    const model = clone(chineseGroupStandard);
    const ballot = model.stages[4].exit.ballot;
    if (!ballot || ballot.rule.kind !== "vote") throw new Error("fixture");
    ballot.rule.passMarks[0].fraction = fraction(5, 4);
    ballot.rule.quorum = { measure: "returns", fraction: fraction(0, 3) };
    expect(issuesOf(model)).toEqual(
      expect.arrayContaining([
        { path: "stages.4.exit.ballot.rule.passMarks.0.fraction", key: "ballots.rule.overHundredPercent" },
        { path: "stages.4.exit.ballot.rule.quorum.fraction", key: "ballots.rule.quorumZero" },
      ]),
    );
  });

  test("a ballot without the chair's decision, no release stage, an initial stage that is not working", () => {
    const model = clone(chineseGroupStandard);
    model.stages[4].exit.needsDecision = false;
    model.stages[6].kind = "working";
    model.initial = "withdrawn";
    expect(issuesOf(model)).toEqual(
      expect.arrayContaining([
        { path: "stages.4.exit.needsDecision", key: "approval.model.ballotNeedsDecision" },
        { path: "stages", key: "approval.model.oneRelease" },
        { path: "initial", key: "approval.model.initialNotWorking" },
      ]),
    );
  });
});

describe("standard numbers", () => {
  test("the default pattern gives T/GBA 001—2026", () => {
    expect(formatStandardNumber("{prefix} {seq:3}—{year}", { prefix: "T/GBA", seq: 1, year: 2026 })).toBe("T/GBA 001—2026");
    expect(formatStandardNumber("{prefix}-{seq}:{year}", { prefix: "ISO", seq: 12345, year: 2027 })).toBe("ISO-12345:2027");
  });

  test("a pattern without {seq} or with an unknown placeholder is refused", () => {
    expect(parseNumberPattern("{prefix} {seq:3}—{year}")).toEqual({ ok: true });
    expect(parseNumberPattern("{prefix}—{year}")).toEqual({ ok: false, issue: "approval.number.patternNeedsSeq" });
    expect(parseNumberPattern("{prefix} {sequence}")).toEqual({ ok: false, issue: "approval.number.patternUnknownPlaceholder" });
  });
});
