export {
  editingPolicies,
  parseStageModelDefinition,
  stageBallotSchema,
  stageKinds,
  stageModelDefinitionSchema,
  stageSchema,
} from "~/stages/definition";
export type { DefinitionIssue, ParsedDefinition, Stage, StageBallot, StageKind, StageModelDefinition } from "~/stages/definition";
export { builtInStageModels, chineseGroupStandard, chineseGroupStandardKey, isoIec, isoIecKey } from "~/stages/built-in";
export { findStage, mapStage, proposableTargets, releaseTarget, sendBackTargets, stageIndex, stageLabel } from "~/stages/workflow";
export type { ChairDecisionKind } from "~/stages/workflow";
export { formatStandardNumber, parseNumberPattern } from "~/stages/standard-number";
