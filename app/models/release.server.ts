// The chair's release: from the last working stage the project enters its release stage, gets its
// number from the organization's pattern, its publication and implementation dates, and the released
// text is frozen as a version. The project is then RELEASED: nobody edits its text again (the editing
// policy, the collaboration server and restores all refuse), and versions are immutable in the database.
import { exitBallotRefusal, exitBallotState, enterStageIn, lockProject } from "~/models/transition.server";
import { projectStageContext } from "~/models/stage-model.server";
import { nextStandardNumberIn } from "~/models/standard-number.server";
import { notify } from "~/models/notification.server";
import { findStage, releaseTarget } from "~/stages/workflow";
import { emitAccessChanged } from "~/utils/access-events.server";
import { recordAudit } from "~/utils/audit.server";
import { prisma } from "~/utils/db.server";
import { AppError } from "~/utils/errors";

export type ReleaseInput = { projectId: string; publishedOn: Date; implementedOn: Date; actorId: string };

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

export async function releaseStandard(input: ReleaseInput) {
  if (input.implementedOn.getTime() < input.publishedOn.getTime()) throw new AppError("BAD_REQUEST", "approval.release.implementedBeforePublished");
  const outcome = await prisma.$transaction(
    async (tx) => {
      await lockProject(tx, input.projectId);
      const ctx = await projectStageContext(input.projectId, tx);
      if (ctx.project.status !== "ACTIVE") throw new AppError("CONFLICT", "approval.transition.projectClosed");
      const from = findStage(ctx.model.definition, ctx.project.stage);
      const target = releaseTarget(ctx.model.definition, ctx.project.stage);
      if (!from || !target) throw new AppError("CONFLICT", "approval.release.notFromHere");
      const pending = await tx.stageTransition.findFirst({ where: { projectId: input.projectId, status: "PROPOSED" }, select: { id: true } });
      if (pending) throw new AppError("CONFLICT", "approval.release.transitionPending");
      const ballots = await exitBallotState(tx, ctx);
      if (ballots.open) throw new AppError("CONFLICT", "approval.decision.ballotOpen");
      if (from.exit.ballot && !ballots.passed) throw new AppError("CONFLICT", exitBallotRefusal(ballots));

      const standardNumber = await nextStandardNumberIn(tx, ctx.project.organizationId, input.publishedOn.getUTCFullYear());
      const entered = await enterStageIn(tx, ctx, target.versionLabel ? target : { ...target, versionLabel: "Released" }, {
        actorId: input.actorId,
        status: "RELEASED",
        releaseFields: { standardNumber, publishedOn: input.publishedOn, implementedOn: input.implementedOn },
      });
      const versionId = entered.versionId;
      if (!versionId) throw new Error("a release always freezes a version");
      await tx.project.update({ where: { id: input.projectId }, data: { releasedVersionId: versionId } });
      const transition = await tx.stageTransition.create({
        data: {
          projectId: input.projectId,
          fromStage: from.key,
          toStage: target.key,
          status: "DECIDED",
          decision: "APPROVE",
          resultStage: target.key,
          proposedById: input.actorId,
          decidedById: input.actorId,
          decidedAt: new Date(),
          decisionReason: standardNumber,
          versionId,
        },
        select: { id: true },
      });
      await recordAudit(tx, {
        type: "stage.transition_decided",
        actorId: input.actorId,
        projectId: input.projectId,
        committeeId: ctx.project.committeeId,
        payload: { transitionId: transition.id, decision: "APPROVE", resultStage: target.key, reason: "release" },
      });
      await recordAudit(tx, {
        type: "project.released",
        actorId: input.actorId,
        projectId: input.projectId,
        committeeId: ctx.project.committeeId,
        payload: { standardNumber, versionId, publishedOn: isoDate(input.publishedOn), implementedOn: isoDate(input.implementedOn) },
      });
      return { ctx, standardNumber, versionId };
    },
    { timeout: 20_000 },
  );
  emitAccessChanged({ committeeId: outcome.ctx.project.committeeId });
  const members = await prisma.membership.findMany({ where: { committeeId: outcome.ctx.project.committeeId }, select: { userId: true } });
  await notify({
    userIds: members.map((m) => m.userId),
    kind: "project.released",
    payload: {
      titleZh: `${outcome.standardNumber} 已发布`,
      titleEn: `${outcome.standardNumber} released`,
      href: `/projects/${outcome.ctx.project.id}/stage`,
      projectId: outcome.ctx.project.id,
    },
    mail: {
      subject: `${outcome.standardNumber} 发布 / released`,
      text: `${outcome.ctx.project.titleZh}\n${outcome.ctx.project.titleEn}\n${outcome.standardNumber}`,
    },
  });
  return { standardNumber: outcome.standardNumber, versionId: outcome.versionId };
}
