// A body's stage model as data: the stages in order, what each allows, and the moves between them.
// Stored in StageModel.definition and parsed here at every read and write, so a model an admin edits
// can never be one the workflow cannot run. Problems come back with a field path and a message key.
//
//   kind        working: the draft is being developed; release: entering it is the chair's release
//               (number, dates, text frozen forever); after_release: a review of a published
//               standard (复审, ISO 90); ended: where an abandoned project rests (废止/终止, ISO .98).
//   editing     who may change the text while the project is in the stage (Project.editingPolicy).
//   commentDays a comment period of that many days opens on entry (0: none).
//   versionLabel the name of the version frozen on entry (征求意见稿); empty: none is frozen.
//   exit        whether leaving needs the chair's decision, which committee ballots on it (the
//               project's own or its parent) and under which rule; no ballot: the chair decides alone.
import { z } from "zod";
import { ballotRuleSchema } from "~/ballots/rule";

export const editingPolicies = ["DRAFTERS", "SECRETARIAT", "NOBODY"] as const;
export const stageKinds = ["working", "release", "after_release", "ended"] as const;

const text = (max: number) => z.string().trim().max(max, "approval.model.tooLong");
const name = z.string().trim().min(1, "approval.model.nameRequired").max(60, "approval.model.tooLong");

export const stageBallotSchema = z
  .object({
    /** The preset the rule came from ("" when edited by hand), shown beside the rule. */
    presetKey: z.string().max(60),
    rule: ballotRuleSchema,
    /** How long the ballot runs by default. */
    days: z.number().int("approval.model.wholeDays").min(1, "approval.model.ballotDays").max(365, "approval.model.ballotDays"),
  })
  .strict();

export const stageSchema = z
  .object({
    key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, "approval.model.keyInvalid"),
    /** A code shown before the name (ISO "40"); may be empty. */
    code: text(10),
    nameZh: name,
    nameEn: name,
    kind: z.enum(stageKinds),
    editing: z.enum(editingPolicies),
    commentDays: z.number().int("approval.model.wholeDays").min(0, "approval.model.commentDays").max(365, "approval.model.commentDays"),
    versionLabel: text(60),
    exit: z
      .object({
        needsDecision: z.boolean(),
        committee: z.enum(["project", "parent"]),
        ballot: stageBallotSchema.nullable(),
      })
      .strict(),
  })
  .strict();

export const stageModelDefinitionSchema = z
  .object({
    stages: z.array(stageSchema).min(2, "approval.model.tooFewStages").max(30, "approval.model.tooManyStages"),
    /** Moves forward (or sideways) the secretary may propose; sending back goes to any earlier working stage. */
    transitions: z.array(z.object({ from: z.string(), to: z.string() }).strict()),
    /** Where a new project starts, and where one without a model is mapped. */
    initial: z.string(),
    /** Where an abandoned project rests; empty: it stays where it was, marked abandoned. */
    abandoned: z.string(),
  })
  .strict()
  .superRefine((model, ctx) => {
    const keys = new Map<string, number>();
    model.stages.forEach((stage, i) => {
      if (keys.has(stage.key)) ctx.addIssue({ code: "custom", path: ["stages", i, "key"], message: "approval.model.keyTaken" });
      keys.set(stage.key, i);
      if (stage.exit.ballot && !stage.exit.needsDecision)
        ctx.addIssue({ code: "custom", path: ["stages", i, "exit", "needsDecision"], message: "approval.model.ballotNeedsDecision" });
    });
    const initial = keys.get(model.initial);
    if (initial === undefined || model.stages[initial]?.kind !== "working")
      ctx.addIssue({ code: "custom", path: ["initial"], message: "approval.model.initialNotWorking" });
    if (model.abandoned !== "" && model.stages[keys.get(model.abandoned) ?? -1]?.kind !== "ended")
      ctx.addIssue({ code: "custom", path: ["abandoned"], message: "approval.model.abandonedNotEnded" });
    const releases = model.stages.filter((s) => s.kind === "release");
    if (releases.length !== 1) ctx.addIssue({ code: "custom", path: ["stages"], message: "approval.model.oneRelease" });
    const seen = new Set<string>();
    model.transitions.forEach((move, i) => {
      const from = keys.get(move.from);
      const to = keys.get(move.to);
      if (from === undefined) ctx.addIssue({ code: "custom", path: ["transitions", i, "from"], message: "approval.model.unknownStage" });
      if (to === undefined) ctx.addIssue({ code: "custom", path: ["transitions", i, "to"], message: "approval.model.unknownStage" });
      if (move.from === move.to) ctx.addIssue({ code: "custom", path: ["transitions", i, "to"], message: "approval.model.selfTransition" });
      if (to !== undefined && model.stages[to]?.kind === "ended")
        ctx.addIssue({ code: "custom", path: ["transitions", i, "to"], message: "approval.model.endedByDecision" });
      const id = `${move.from}→${move.to}`;
      if (seen.has(id)) ctx.addIssue({ code: "custom", path: ["transitions", i], message: "approval.model.duplicateTransition" });
      seen.add(id);
    });
  });

export type StageModelDefinition = z.infer<typeof stageModelDefinitionSchema>;
export type Stage = StageModelDefinition["stages"][number];
export type StageKind = Stage["kind"];
export type StageBallot = z.infer<typeof stageBallotSchema>;

export type DefinitionIssue = { path: string; key: string };
export type ParsedDefinition = { ok: true; definition: StageModelDefinition } | { ok: false; issues: DefinitionIssue[] };

/** Parses a stored or edited model; a refused one comes back with every problem and where it is. */
export function parseStageModelDefinition(input: unknown): ParsedDefinition {
  const result = stageModelDefinitionSchema.safeParse(input);
  if (result.success) return { ok: true, definition: result.data };
  return {
    ok: false,
    issues: result.error.issues.map((issue) => ({
      path: issue.path.join("."),
      key: issue.message.startsWith("approval.") || issue.message.startsWith("ballots.") ? issue.message : "approval.model.invalid",
    })),
  };
}
