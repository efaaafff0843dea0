// What the stage page shows: the model's stages with where the project stands, what may be done from
// here, the pending proposal, the history of moves and the ballots, with people's names.
import { listBallots } from "~/models/ballot.server";
import { projectStageContext } from "~/models/stage-model.server";
import { exitBallotState } from "~/models/transition.server";
import { findStage, proposableTargets, releaseTarget, sendBackTargets } from "~/stages/workflow";
import { prisma } from "~/utils/db.server";

export async function stagePage(projectId: string) {
  const ctx = await projectStageContext(projectId);
  const { definition } = ctx.model;
  const current = findStage(definition, ctx.project.stage) ?? null;
  const [transitions, ballots, exitBallot, versions] = await Promise.all([
    prisma.stageTransition.findMany({
      where: { projectId },
      orderBy: { proposedAt: "desc" },
      select: {
        id: true,
        fromStage: true,
        toStage: true,
        status: true,
        note: true,
        proposedById: true,
        proposedAt: true,
        decision: true,
        resultStage: true,
        decisionReason: true,
        decidedById: true,
        decidedAt: true,
        versionId: true,
      },
    }),
    listBallots(projectId),
    exitBallotState(prisma, ctx),
    prisma.version.findMany({ where: { projectId }, select: { id: true, label: true } }),
  ]);
  const userIds = new Set(transitions.flatMap((t) => [t.proposedById, t.decidedById ?? ""]));
  const users = await prisma.user.findMany({ where: { id: { in: [...userIds] } }, select: { id: true, name: true } });
  const names = Object.fromEntries(users.map((u) => [u.id, u.name]));
  return {
    project: ctx.project,
    model: { id: ctx.model.id, key: ctx.model.key, nameZh: ctx.model.nameZh, nameEn: ctx.model.nameEn },
    stages: definition.stages,
    current,
    targets: current ? proposableTargets(definition, current.key) : [],
    sendBack: current ? sendBackTargets(definition, current.key) : [],
    release: current ? releaseTarget(definition, current.key) ?? null : null,
    abandonTo: findStage(definition, definition.abandoned) ?? null,
    pending: transitions.find((t) => t.status === "PROPOSED") ?? null,
    transitions,
    ballots: ballots.map((b) => ({ ...b, passed: typeof b.result === "object" && b.result !== null && "passed" in b.result ? b.result.passed === true : null, result: undefined })),
    exitBallot: { openId: exitBallot.open?.id ?? null, closedId: exitBallot.closed?.id ?? null, passed: exitBallot.passed },
    versionLabels: Object.fromEntries(versions.map((v) => [v.id, v.label])),
    names,
  };
}
