// What the stage model allows from where a project stands: pure, used by the server to refuse moves
// and by the pages to offer only the moves that exist. ISO's decision substages map onto the chair's
// decisions: .99 proceed (approve), .92 back to an earlier stage, .93 repeat, .98 abandon.
import type { Stage, StageModelDefinition } from "~/stages/definition";

export type ChairDecisionKind = "APPROVE" | "SEND_BACK" | "REPEAT" | "ABANDON";

export function findStage(model: StageModelDefinition, key: string): Stage | undefined {
  return model.stages.find((stage) => stage.key === key);
}

export function stageIndex(model: StageModelDefinition, key: string): number {
  return model.stages.findIndex((stage) => stage.key === key);
}

/** Stages the secretary may propose to move to from `from` (release stages are entered by the chair's release). */
export function proposableTargets(model: StageModelDefinition, from: string): Stage[] {
  return model.transitions
    .filter((move) => move.from === from)
    .map((move) => findStage(model, move.to))
    .filter((stage): stage is Stage => stage !== undefined && stage.kind !== "release");
}

/** The release stage reachable from `from`, if the chair may release from here. */
export function releaseTarget(model: StageModelDefinition, from: string): Stage | undefined {
  return model.transitions
    .filter((move) => move.from === from)
    .map((move) => findStage(model, move.to))
    .find((stage): stage is Stage => stage?.kind === "release");
}

/** Earlier working stages a draft may be sent back to (ISO .92). */
export function sendBackTargets(model: StageModelDefinition, from: string): Stage[] {
  const index = stageIndex(model, from);
  return model.stages.filter((stage, i) => i < index && stage.kind === "working");
}

/** A project's stage key mapped onto a model: kept when the model has it, else the model's initial stage. */
export function mapStage(model: StageModelDefinition, key: string): string {
  return findStage(model, key) ? key : model.initial;
}

/** Name of a stage with its code, in the reader's language. */
export function stageLabel(stage: Pick<Stage, "code" | "nameZh" | "nameEn">, language: string): string {
  const name = language === "en" ? stage.nameEn : stage.nameZh;
  return stage.code ? `${stage.code} ${name}` : name;
}
