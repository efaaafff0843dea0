// Moving a project between stages. The secretary proposes a move the stage model allows; it takes
// effect at once when the stage's exit needs no decision, else the chair decides: approve (ISO .99),
// send back to an earlier stage (.92), repeat this one (.93) or abandon (.98). Entering a stage sets
// who may edit, freezes the named version the stage asks for and opens its comment period, all in the
// transaction of the decision; open editors are told after the commit.
import type { Prisma } from "~/generated/prisma/client";
import { closeCommentPeriodIn, openCommentPeriodIn } from "~/models/comment-period.server";
import { openCommentPeriodWhere } from "~/models/editing-lock.server";
import { projectStageContext, type ProjectStageContext } from "~/models/stage-model.server";
import { createVersion } from "~/models/version.server";
import { notify } from "~/models/notification.server";
import type { Stage } from "~/stages/definition";
import { findStage, proposableTargets, sendBackTargets, stageLabel, type ChairDecisionKind } from "~/stages/workflow";
import { emitAccessChanged } from "~/utils/access-events.server";
import { recordAudit } from "~/utils/audit.server";
import { prisma } from "~/utils/db.server";
import { AppError } from "~/utils/errors";

type Tx = Prisma.TransactionClient;

/** Serializes every stage change of one project (proposal, decision, release, ballot opening). */
export async function lockProject(tx: Tx, projectId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "Project" WHERE id = ${projectId} FOR UPDATE`;
}

/** A label not yet used in the project: "征求意见稿", then "征求意见稿 (2)", … */
async function freeLabel(tx: Tx, projectId: string, label: string): Promise<string> {
  const taken = new Set(
    (await tx.version.findMany({ where: { projectId, label: { startsWith: label } }, select: { label: true } })).map((v) => v.label),
  );
  if (!taken.has(label)) return label;
  for (let n = 2; ; n++) if (!taken.has(`${label} (${n})`)) return `${label} (${n})`;
}

export type EnteredStage = { versionId: string | null; commentPeriodId: string | null };

/**
 * Puts the project into `stage` inside the caller's transaction (the project row locked): closes the
 * open comment period and ballot of the stage it leaves, sets the editing policy, freezes the version
 * and opens the comment period the new stage asks for. The caller must emitAccessChanged after commit.
 */
export async function enterStageIn(
  tx: Tx,
  ctx: ProjectStageContext,
  stage: Stage,
  options: { actorId: string; status?: "ACTIVE" | "RELEASED" | "ABANDONED"; releaseFields?: { standardNumber: string; publishedOn: Date; implementedOn: Date } },
): Promise<EnteredStage> {
  const { project } = ctx;
  const open = await tx.commentPeriod.findMany({ where: { projectId: project.id, ...openCommentPeriodWhere() }, select: { id: true } });
  for (const period of open)
    await closeCommentPeriodIn(tx, { periodId: period.id, projectId: project.id, committeeId: project.committeeId, actorId: options.actorId });
  const openBallots = await tx.ballot.findMany({ where: { projectId: project.id, status: "OPEN" }, select: { id: true } });
  for (const ballot of openBallots) {
    await tx.ballot.update({ where: { id: ballot.id }, data: { status: "CANCELLED", closedAt: new Date() } });
    await recordAudit(tx, {
      type: "ballot.cancelled",
      actorId: options.actorId,
      projectId: project.id,
      committeeId: project.committeeId,
      payload: { ballotId: ballot.id, reason: "stage_left" },
    });
  }

  const released = options.status === "RELEASED" || options.status === "ABANDONED";
  await tx.project.update({
    where: { id: project.id },
    data: {
      stage: stage.key,
      stageModelId: ctx.model.id,
      stageEnteredAt: new Date(),
      editingPolicy: released ? "NOBODY" : stage.editing,
      ...(options.status ? { status: options.status } : {}),
      ...options.releaseFields,
    },
  });

  let versionId: string | null = null;
  if (stage.versionLabel) {
    const label = await freeLabel(tx, project.id, stage.versionLabel);
    const version = await createVersion({ projectId: project.id, label, note: stageLabel(stage, "zh-CN"), actorId: options.actorId }, tx);
    versionId = version.id;
  }

  let commentPeriodId: string | null = null;
  if (stage.commentDays > 0 && !released) {
    const document = await tx.document.findFirst({ where: { projectId: project.id, kind: "main" }, select: { id: true } });
    if (document) {
      const period = await openCommentPeriodIn(tx, {
        projectId: project.id,
        documentId: document.id,
        versionId,
        title: stage.versionLabel || stageLabel(stage, "zh-CN"),
        closesAt: new Date(Date.now() + stage.commentDays * 86_400_000),
        actorId: options.actorId,
        committeeId: project.committeeId,
      });
      commentPeriodId = period.id;
    }
  }

  await recordAudit(tx, {
    type: "stage.entered",
    actorId: options.actorId,
    projectId: project.id,
    committeeId: project.committeeId,
    payload: { from: project.stage, to: stage.key, versionId },
  });
  return { versionId, commentPeriodId };
}

/** The ballot this stage's exit needs, if any: whether it is still open and whether the latest closed one passed. */
export async function exitBallotState(tx: Tx | typeof prisma, ctx: ProjectStageContext) {
  const ballots = await tx.ballot.findMany({
    where: { projectId: ctx.project.id, createdAt: { gte: ctx.project.stageEnteredAt }, status: { in: ["OPEN", "CLOSED"] } },
    select: { id: true, status: true, result: true },
    orderBy: { createdAt: "desc" },
  });
  const open = ballots.find((b) => b.status === "OPEN") ?? null;
  const closed = ballots.find((b) => b.status === "CLOSED") ?? null;
  const result = closed && typeof closed.result === "object" && closed.result !== null ? (closed.result as { passed?: unknown; outcome?: unknown }) : null;
  const passed = result?.passed === true;
  return { open, closed, passed, awaitingConsensus: result?.outcome === "awaiting_chair_decision" };
}

/** Why the exit ballot does not allow the move yet. */
export function exitBallotRefusal(ballots: { closed: unknown; awaitingConsensus: boolean }): string {
  if (ballots.awaitingConsensus) return "approval.decision.consensusPending";
  return ballots.closed ? "approval.decision.ballotFailed" : "approval.decision.ballotMissing";
}

async function chairsOf(committeeId: string): Promise<string[]> {
  const committee = await prisma.committee.findUnique({ where: { id: committeeId }, select: { parentId: true } });
  const rows = await prisma.membership.findMany({
    where: { role: "CHAIR", committeeId: { in: [committeeId, ...(committee?.parentId ? [committee.parentId] : [])] } },
    select: { userId: true, committeeId: true },
  });
  const own = rows.filter((r) => r.committeeId === committeeId);
  return (own.length > 0 ? own : rows).map((r) => r.userId);
}

async function committeeMembers(committeeId: string): Promise<string[]> {
  return (await prisma.membership.findMany({ where: { committeeId }, select: { userId: true } })).map((m) => m.userId);
}

export type ProposeInput = { projectId: string; toStage: string; note: string; actorId: string };

/** The secretary proposes a move; without a decision needed it takes effect at once. */
export async function proposeTransition(input: ProposeInput) {
  const outcome = await prisma.$transaction(
    async (tx) => {
      await lockProject(tx, input.projectId);
      const ctx = await projectStageContext(input.projectId, tx);
      if (ctx.project.status !== "ACTIVE") throw new AppError("CONFLICT", "approval.transition.projectClosed");
      const pending = await tx.stageTransition.findFirst({ where: { projectId: input.projectId, status: "PROPOSED" }, select: { id: true } });
      if (pending) throw new AppError("CONFLICT", "approval.transition.alreadyPending");
      const from = findStage(ctx.model.definition, ctx.project.stage);
      const target = proposableTargets(ctx.model.definition, ctx.project.stage).find((s) => s.key === input.toStage);
      if (!from || !target) throw new AppError("BAD_REQUEST", "approval.transition.notAllowed");

      const immediate = !from.exit.needsDecision;
      const transition = await tx.stageTransition.create({
        data: {
          projectId: input.projectId,
          fromStage: from.key,
          toStage: target.key,
          note: input.note,
          proposedById: input.actorId,
          ...(immediate
            ? { status: "DECIDED", decision: "APPROVE", resultStage: target.key, decidedById: input.actorId, decidedAt: new Date() }
            : {}),
        },
        select: { id: true },
      });
      await recordAudit(tx, {
        type: "stage.transition_proposed",
        actorId: input.actorId,
        projectId: input.projectId,
        committeeId: ctx.project.committeeId,
        payload: { transitionId: transition.id, from: from.key, to: target.key },
      });
      if (!immediate) return { ctx, transitionId: transition.id, entered: null, target };
      const entered = await enterStageIn(tx, ctx, target, { actorId: input.actorId });
      await tx.stageTransition.update({ where: { id: transition.id }, data: { versionId: entered.versionId } });
      await recordAudit(tx, {
        type: "stage.transition_decided",
        actorId: input.actorId,
        projectId: input.projectId,
        committeeId: ctx.project.committeeId,
        payload: { transitionId: transition.id, decision: "APPROVE", resultStage: target.key, reason: "no_decision_needed" },
      });
      return { ctx, transitionId: transition.id, entered, target };
    },
    { timeout: 20_000 },
  );

  const { ctx, target } = outcome;
  const href = `/projects/${ctx.project.id}/stage`;
  if (outcome.entered) {
    emitAccessChanged({ committeeId: ctx.project.committeeId });
    await notify({
      userIds: await committeeMembers(ctx.project.committeeId),
      kind: "transition.decided",
      payload: {
        titleZh: `${ctx.project.reference} 进入${stageLabel(target, "zh-CN")}`,
        titleEn: `${ctx.project.reference} entered ${stageLabel(target, "en")}`,
        href,
        projectId: ctx.project.id,
      },
    });
    if (outcome.entered.commentPeriodId)
      await notify({
        userIds: await committeeMembers(ctx.project.committeeId),
        kind: "comment_period.opened",
        payload: {
          titleZh: `${ctx.project.reference} 开始征求意见：${target.versionLabel}`,
          titleEn: `${ctx.project.reference}: comment period open on ${target.versionLabel}`,
          href: `/projects/${ctx.project.id}`,
          projectId: ctx.project.id,
        },
        mail: {
          subject: `[${ctx.project.reference}] 征求意见 / Comment period open`,
          text: `${ctx.project.titleZh}\n${ctx.project.titleEn}\n${target.versionLabel}`,
        },
      });
  } else {
    await notify({
      userIds: await chairsOf(ctx.project.committeeId),
      kind: "transition.proposed",
      payload: {
        titleZh: `${ctx.project.reference} 提议进入${stageLabel(target, "zh-CN")}，待主席决定`,
        titleEn: `${ctx.project.reference}: move to ${stageLabel(target, "en")} proposed, for the chair's decision`,
        href,
        projectId: ctx.project.id,
      },
    });
  }
  return { transitionId: outcome.transitionId, immediate: outcome.entered !== null };
}

export async function withdrawTransition(input: { projectId: string; transitionId: string; actorId: string }) {
  await prisma.$transaction(async (tx) => {
    await lockProject(tx, input.projectId);
    const changed = await tx.stageTransition.updateMany({
      where: { id: input.transitionId, projectId: input.projectId, status: "PROPOSED" },
      data: { status: "WITHDRAWN" },
    });
    if (changed.count === 0) throw new AppError("CONFLICT", "approval.transition.notPending");
    const project = await tx.project.findUniqueOrThrow({ where: { id: input.projectId }, select: { committeeId: true } });
    await recordAudit(tx, {
      type: "stage.transition_withdrawn",
      actorId: input.actorId,
      projectId: input.projectId,
      committeeId: project.committeeId,
      payload: { transitionId: input.transitionId },
    });
  });
}

export type DecideInput = {
  projectId: string;
  transitionId: string;
  decision: ChairDecisionKind;
  /** For SEND_BACK: the earlier stage. */
  targetStage?: string;
  reason: string;
  actorId: string;
};

/** The chair's decision on a proposed move, after any ballot the stage's exit needs has closed. */
export async function decideTransition(input: DecideInput) {
  if (input.decision !== "APPROVE" && input.reason.trim() === "") throw new AppError("BAD_REQUEST", "approval.decision.reasonRequired");
  const outcome = await prisma.$transaction(
    async (tx) => {
      await lockProject(tx, input.projectId);
      const ctx = await projectStageContext(input.projectId, tx);
      const transition = await tx.stageTransition.findFirst({
        where: { id: input.transitionId, projectId: input.projectId },
        select: { id: true, status: true, fromStage: true, toStage: true },
      });
      if (!transition) throw new AppError("NOT_FOUND", "approval.transition.notFound");
      if (transition.status !== "PROPOSED") throw new AppError("CONFLICT", "approval.transition.notPending");
      if (ctx.project.status !== "ACTIVE") throw new AppError("CONFLICT", "approval.transition.projectClosed");
      if (transition.fromStage !== ctx.project.stage) throw new AppError("CONFLICT", "approval.transition.stale");
      const from = findStage(ctx.model.definition, ctx.project.stage);
      if (!from) throw new AppError("CONFLICT", "approval.transition.stale");
      const ballots = await exitBallotState(tx, ctx);
      if (ballots.open) throw new AppError("CONFLICT", "approval.decision.ballotOpen");

      let target: Stage | undefined;
      let status: "ACTIVE" | "ABANDONED" = "ACTIVE";
      switch (input.decision) {
        case "APPROVE":
          target = proposableTargets(ctx.model.definition, from.key).find((s) => s.key === transition.toStage);
          if (!target) throw new AppError("BAD_REQUEST", "approval.transition.notAllowed");
          if (from.exit.ballot && !ballots.passed) throw new AppError("CONFLICT", exitBallotRefusal(ballots));
          break;
        case "SEND_BACK":
          target = sendBackTargets(ctx.model.definition, from.key).find((s) => s.key === input.targetStage);
          if (!target) throw new AppError("BAD_REQUEST", "approval.decision.sendBackTarget");
          break;
        case "REPEAT":
          target = from;
          break;
        case "ABANDON":
          target = findStage(ctx.model.definition, ctx.model.definition.abandoned) ?? from;
          status = "ABANDONED";
          break;
      }
      const entered = await enterStageIn(tx, ctx, target, { actorId: input.actorId, status });
      await tx.stageTransition.update({
        where: { id: transition.id },
        data: {
          status: "DECIDED",
          decision: input.decision,
          resultStage: target.key,
          decisionReason: input.reason,
          decidedById: input.actorId,
          decidedAt: new Date(),
          versionId: entered.versionId,
        },
      });
      await recordAudit(tx, {
        type: "stage.transition_decided",
        actorId: input.actorId,
        projectId: input.projectId,
        committeeId: ctx.project.committeeId,
        payload: { transitionId: transition.id, decision: input.decision, resultStage: target.key, reason: input.reason },
      });
      return { ctx, target };
    },
    { timeout: 20_000 },
  );
  emitAccessChanged({ committeeId: outcome.ctx.project.committeeId });
  await notify({
    userIds: await committeeMembers(outcome.ctx.project.committeeId),
    kind: "transition.decided",
    payload: {
      titleZh: `${outcome.ctx.project.reference}：主席已决定，现处于${stageLabel(outcome.target, "zh-CN")}`,
      titleEn: `${outcome.ctx.project.reference}: the chair decided; now in ${stageLabel(outcome.target, "en")}`,
      href: `/projects/${outcome.ctx.project.id}/stage`,
      projectId: outcome.ctx.project.id,
    },
  });
  return { resultStage: outcome.target.key };
}
