// Built-in rules an organization starts from and may copy and edit. Data only: the figures come from
// the standards primer (docs: shared/domain/standards-primer.md §2) and each is parsed in a test, so
// a preset can never be a rule the editor would refuse.
import { fraction } from "~/ballots/fraction";
import type { BallotRule, ConsensusRule, VoteRule } from "~/ballots/rule";

export type LocalizedText = { "zh-CN": string; en: string };
export type BallotRulePreset<R extends BallotRule = BallotRule> = {
  id: string;
  name: LocalizedText;
  description: LocalizedText;
  rule: R;
};

/**
 * ISO enquiry and approval share one rule. ISO Directives Part 1 excludes abstentions from both counts,
 * so the 1/4 is taken over votes cast excluding abstentions. ISO's 2/3 is over P-members and the 1/4
 * over all member bodies voting; our voters are one population, so here the 1/4 cap also implies ≥ 3/4.
 */
const isoDisFdis: VoteRule = {
  kind: "vote",
  passMarks: [{ comparison: "at_least", fraction: fraction(2, 3), base: "votes_cast_excluding_abstentions" }],
  abstentions: "excluded",
  negativeCap: { comparison: "at_most", fraction: fraction(1, 4), base: "votes_cast_excluding_abstentions" },
  disapprovalRequiresReasons: true,
  approveWithCommentsCountsAs: "approval",
  oneVotePerOrganization: false,
  draftersExcluded: false,
};

export const isoEnquiry: BallotRulePreset<VoteRule> = {
  id: "iso_enquiry",
  name: { "zh-CN": "ISO 询问阶段投票（DIS）", en: "ISO enquiry (DIS)" },
  description: {
    "zh-CN": "投票成员所投票数中赞成票不少于 2/3，且反对票不超过所投票数的 1/4；弃权不计，未附技术理由的反对票不计。",
    en: "At least 2/3 of the votes cast approve and at most 1/4 are negative; abstentions and negative votes without technical reasons are not counted.",
  },
  rule: isoDisFdis,
};

export const isoApproval: BallotRulePreset<VoteRule> = {
  id: "iso_approval",
  name: { "zh-CN": "ISO 批准阶段投票（FDIS）", en: "ISO approval (FDIS)" },
  description: {
    "zh-CN": "与 DIS 相同：赞成票不少于所投票数的 2/3，反对票不超过 1/4；弃权不计，未附理由的反对票不计。",
    en: "Same thresholds as the DIS: at least 2/3 approve, at most 1/4 negative; abstentions and unreasoned negatives are not counted.",
  },
  rule: isoDisFdis,
};

export const isoCommittee: BallotRulePreset<VoteRule> = {
  id: "iso_committee",
  name: { "zh-CN": "ISO 委员会阶段（CD）", en: "ISO committee stage (CD)" },
  description: {
    "zh-CN": "投票成员所投票数中赞成票不少于 2/3 即视为协商一致；弃权不计。",
    en: "Consensus is taken as at least 2/3 of the voting members casting a vote approving; abstentions are not counted.",
  },
  rule: {
    kind: "vote",
    passMarks: [{ comparison: "at_least", fraction: fraction(2, 3), base: "votes_cast_excluding_abstentions" }],
    abstentions: "excluded",
    disapprovalRequiresReasons: false,
    approveWithCommentsCountsAs: "approval",
    oneVotePerOrganization: false,
    draftersExcluded: false,
  },
};

export const chineseThreeQuartersOfAttendees: BallotRulePreset<VoteRule> = {
  id: "cn_three_quarters_of_attendees",
  name: { "zh-CN": "出席专家四分之三同意（会议审查）", en: "3/4 of attending experts (review meeting)" },
  description: {
    "zh-CN": "同意票不少于出席专家的 3/4；起草人不参加表决；出席人数不足应到专家的 2/3 时重新审查。",
    en: "Approved when at least 3/4 of the experts present agree; drafters do not vote; below 2/3 attendance the review is repeated.",
  },
  rule: {
    kind: "vote",
    passMarks: [{ comparison: "at_least", fraction: fraction(3, 4), base: "attendees" }],
    abstentions: "counted_in_base",
    quorum: { measure: "attendance", fraction: fraction(2, 3) },
    disapprovalRequiresReasons: false,
    approveWithCommentsCountsAs: "approval",
    oneVotePerOrganization: false,
    draftersExcluded: true,
  },
};

export const chineseFourFifthsOfPanel: BallotRulePreset<VoteRule> = {
  id: "cn_four_fifths_of_panel",
  name: { "zh-CN": "审查组五分之四同意", en: "4/5 of the review panel" },
  description: {
    "zh-CN": "同意票不少于审查组全体有表决权成员的 4/5；起草人不参加表决；回函（投票）不足 2/3 时重新审查。",
    en: "Approved when at least 4/5 of the whole review panel agree; drafters do not vote; below 2/3 returns the review is repeated.",
  },
  rule: {
    kind: "vote",
    passMarks: [{ comparison: "at_least", fraction: fraction(4, 5), base: "eligible" }],
    abstentions: "counted_in_base",
    quorum: { measure: "returns", fraction: fraction(2, 3) },
    disapprovalRequiresReasons: false,
    approveWithCommentsCountsAs: "approval",
    oneVotePerOrganization: false,
    draftersExcluded: true,
  },
};

export const ieeeSa: BallotRulePreset<VoteRule> = {
  id: "ieee_sa",
  name: { "zh-CN": "IEEE SA 标准投票", en: "IEEE SA ballot" },
  description: {
    "zh-CN": "投票组回票率不少于 75%，赞成与反对票中赞成不少于 75%；弃权达到 30% 即不通过。",
    en: "At least 75 % of the ballot group return a ballot and at least 75 % of those voting approve or disapprove approve; fails if 30 % or more abstain.",
  },
  rule: {
    kind: "vote",
    passMarks: [{ comparison: "at_least", fraction: fraction(3, 4), base: "votes_cast_excluding_abstentions" }],
    abstentions: "excluded",
    quorum: { measure: "returns", fraction: fraction(3, 4) },
    abstentionLimit: { comparison: "less_than", fraction: fraction(3, 10) },
    disapprovalRequiresReasons: false,
    approveWithCommentsCountsAs: "approval",
    oneVotePerOrganization: false,
    draftersExcluded: false,
  },
};

export const oasisFullMajority: BallotRulePreset<VoteRule> = {
  id: "oasis_full_majority",
  name: { "zh-CN": "OASIS 全体多数", en: "OASIS full majority" },
  description: {
    "zh-CN": "赞成票超过全体有表决权成员的 50%（恰好一半不通过）；弃权不计为赞成。",
    en: "More than 50 % of all voting members approve (exactly half fails); abstentions do not count as approval.",
  },
  rule: {
    kind: "vote",
    passMarks: [{ comparison: "more_than", fraction: fraction(1, 2), base: "eligible" }],
    abstentions: "excluded",
    disapprovalRequiresReasons: false,
    approveWithCommentsCountsAs: "approval",
    oneVotePerOrganization: false,
    draftersExcluded: false,
  },
};

export const simpleMajority: BallotRulePreset<VoteRule> = {
  id: "simple_majority",
  name: { "zh-CN": "简单多数", en: "Simple majority" },
  description: {
    "zh-CN": "赞成票超过赞成与反对票总数的一半；弃权不计。",
    en: "More approvals than disapprovals: over half of the votes cast, abstentions not counted.",
  },
  rule: {
    kind: "vote",
    passMarks: [{ comparison: "more_than", fraction: fraction(1, 2), base: "votes_cast_excluding_abstentions" }],
    abstentions: "excluded",
    disapprovalRequiresReasons: false,
    approveWithCommentsCountsAs: "approval",
    oneVotePerOrganization: false,
    draftersExcluded: false,
  },
};

export const consensusWithoutVote: BallotRulePreset<ConsensusRule> = {
  id: "consensus_without_vote",
  name: { "zh-CN": "协商一致（不表决）", en: "Consensus without a vote" },
  description: {
    "zh-CN": "不计票，由主席记录是否达成协商一致的决定。",
    en: "No tally: the chair records whether consensus was reached.",
  },
  rule: { kind: "consensus" },
};

export const ballotRulePresets: readonly BallotRulePreset[] = [
  isoEnquiry,
  isoApproval,
  isoCommittee,
  chineseThreeQuartersOfAttendees,
  chineseFourFifthsOfPanel,
  ieeeSa,
  oasisFullMajority,
  simpleMajority,
  consensusWithoutVote,
];

export function findPreset(id: string): BallotRulePreset | undefined {
  return ballotRulePresets.find((preset) => preset.id === id);
}
