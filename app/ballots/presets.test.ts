import { describe, expect, test } from "vitest";
import { ballotRulePresets, findPreset } from "~/ballots/presets";
import { parseBallotRule } from "~/ballots/rule";

describe("presets", () => {
  test.each(ballotRulePresets.map((preset) => [preset.id, preset]))("%s is a rule the editor accepts", (_, preset) => {
    expect(parseBallotRule(preset.rule)).toEqual({ ok: true, rule: preset.rule });
  });

  test("each has a unique id and a name and description in both languages", () => {
    expect(new Set(ballotRulePresets.map((preset) => preset.id)).size).toBe(ballotRulePresets.length);
    for (const preset of ballotRulePresets) {
      for (const text of [preset.name, preset.description]) {
        expect(text["zh-CN"].trim()).not.toBe("");
        expect(text.en.trim()).not.toBe("");
      }
    }
  });

  test("cover the bodies the primer lists", () => {
    expect(ballotRulePresets.map((preset) => preset.id)).toEqual([
      "iso_enquiry",
      "iso_approval",
      "iso_committee",
      "cn_three_quarters_of_attendees",
      "cn_four_fifths_of_panel",
      "ieee_sa",
      "oasis_full_majority",
      "simple_majority",
      "consensus_without_vote",
    ]);
    expect(findPreset("ieee_sa")?.name.en).toBe("IEEE SA ballot");
    expect(findPreset("nope")).toBeUndefined();
  });
});
