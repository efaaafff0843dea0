// The two stage models every organization starts with (standards primer §1), editable by its admins.
// Data only; a test parses both, so a built-in model is always one the editor would accept.
import { chineseThreeQuartersOfAttendees, isoApproval, isoCommittee, isoEnquiry, type BallotRulePreset } from "~/ballots/presets";
import type { Stage, StageBallot, StageModelDefinition } from "~/stages/definition";

const ballot = (preset: BallotRulePreset, days: number): StageBallot => ({ presetKey: preset.id, rule: preset.rule, days });
const decidedByChair = { needsDecision: true, committee: "project", ballot: null } as const;
const secretaryMoves = { needsDecision: false, committee: "project", ballot: null } as const;

type StageInput = Omit<Stage, "code" | "versionLabel" | "commentDays"> & Partial<Pick<Stage, "code" | "versionLabel" | "commentDays">>;
const stage = (input: StageInput): Stage => ({ code: "", versionLabel: "", commentDays: 0, ...input });

export const chineseGroupStandardKey = "cn_group_standard";
export const isoIecKey = "iso_iec";

export const chineseGroupStandard: StageModelDefinition = {
  stages: [
    stage({ key: "proposal", nameZh: "提案", nameEn: "Proposal", kind: "working", editing: "DRAFTERS", exit: decidedByChair }),
    stage({ key: "approved_item", nameZh: "立项", nameEn: "Approved work item", kind: "working", editing: "DRAFTERS", exit: secretaryMoves }),
    stage({
      key: "drafting",
      nameZh: "起草",
      nameEn: "Drafting",
      kind: "working",
      editing: "DRAFTERS",
      versionLabel: "工作组讨论稿",
      exit: secretaryMoves,
    }),
    stage({
      key: "consultation",
      nameZh: "征求意见",
      nameEn: "Public consultation",
      kind: "working",
      editing: "NOBODY",
      commentDays: 30,
      versionLabel: "征求意见稿",
      exit: secretaryMoves,
    }),
    stage({
      key: "technical_review",
      nameZh: "技术审查",
      nameEn: "Technical review",
      kind: "working",
      editing: "NOBODY",
      versionLabel: "送审稿",
      exit: { needsDecision: true, committee: "project", ballot: ballot(chineseThreeQuartersOfAttendees, 14) },
    }),
    stage({
      key: "approval",
      nameZh: "批准",
      nameEn: "Approval",
      kind: "working",
      editing: "SECRETARIAT",
      versionLabel: "报批稿",
      exit: decidedByChair,
    }),
    stage({
      key: "published",
      nameZh: "发布",
      nameEn: "Published",
      kind: "release",
      editing: "NOBODY",
      versionLabel: "发布稿",
      exit: secretaryMoves,
    }),
    stage({ key: "periodic_review", nameZh: "复审", nameEn: "Periodic review", kind: "after_release", editing: "NOBODY", exit: decidedByChair }),
    stage({ key: "withdrawn", nameZh: "废止/终止", nameEn: "Withdrawn / cancelled", kind: "ended", editing: "NOBODY", exit: decidedByChair }),
  ],
  transitions: [
    { from: "proposal", to: "approved_item" },
    { from: "approved_item", to: "drafting" },
    { from: "drafting", to: "consultation" },
    { from: "consultation", to: "technical_review" },
    { from: "technical_review", to: "approval" },
    { from: "approval", to: "published" },
    { from: "published", to: "periodic_review" },
    { from: "periodic_review", to: "published" },
  ],
  initial: "drafting",
  abandoned: "withdrawn",
};

export const isoIec: StageModelDefinition = {
  stages: [
    stage({ key: "preliminary", code: "00", nameZh: "预备阶段", nameEn: "Preliminary", kind: "working", editing: "DRAFTERS", exit: secretaryMoves }),
    stage({ key: "proposal", code: "10", nameZh: "提案阶段", nameEn: "Proposal", kind: "working", editing: "DRAFTERS", exit: decidedByChair }),
    stage({
      key: "preparatory",
      code: "20",
      nameZh: "准备阶段",
      nameEn: "Preparatory",
      kind: "working",
      editing: "DRAFTERS",
      versionLabel: "WD",
      exit: secretaryMoves,
    }),
    stage({
      key: "committee",
      code: "30",
      nameZh: "委员会阶段",
      nameEn: "Committee",
      kind: "working",
      editing: "NOBODY",
      commentDays: 56,
      versionLabel: "CD",
      exit: { needsDecision: true, committee: "project", ballot: ballot(isoCommittee, 56) },
    }),
    stage({
      key: "enquiry",
      code: "40",
      nameZh: "征询阶段",
      nameEn: "Enquiry",
      kind: "working",
      editing: "NOBODY",
      commentDays: 84,
      versionLabel: "DIS",
      exit: { needsDecision: true, committee: "project", ballot: ballot(isoEnquiry, 84) },
    }),
    stage({
      key: "approval",
      code: "50",
      nameZh: "批准阶段",
      nameEn: "Approval",
      kind: "working",
      editing: "NOBODY",
      versionLabel: "FDIS",
      exit: { needsDecision: true, committee: "project", ballot: ballot(isoApproval, 56) },
    }),
    stage({ key: "published", code: "60", nameZh: "出版阶段", nameEn: "Published", kind: "release", editing: "NOBODY", versionLabel: "IS", exit: secretaryMoves }),
    stage({ key: "review", code: "90", nameZh: "复审阶段", nameEn: "Review", kind: "after_release", editing: "NOBODY", exit: decidedByChair }),
    stage({ key: "withdrawn", code: "95", nameZh: "撤销", nameEn: "Withdrawal", kind: "ended", editing: "NOBODY", exit: decidedByChair }),
  ],
  transitions: [
    { from: "preliminary", to: "proposal" },
    { from: "proposal", to: "preparatory" },
    { from: "preparatory", to: "committee" },
    { from: "committee", to: "enquiry" },
    { from: "enquiry", to: "approval" },
    // ISO may skip the FDIS when the DIS passes without technical changes (40.99 → 60.00).
    { from: "enquiry", to: "published" },
    { from: "approval", to: "published" },
    { from: "published", to: "review" },
    { from: "review", to: "published" },
  ],
  initial: "preparatory",
  abandoned: "withdrawn",
};

export const builtInStageModels = [
  { key: chineseGroupStandardKey, nameZh: "中国团体标准", nameEn: "Chinese group standard", definition: chineseGroupStandard },
  { key: isoIecKey, nameZh: "ISO/IEC 阶段", nameEn: "ISO/IEC stages", definition: isoIec },
] as const;
