// "What needs me now" for the dashboard: ballots I may vote on and have not, moves waiting for my
// decision as chair, and comment periods open in my committees — each with its deadline.
import { assessVoters } from "~/ballots/eligibility";
import { storedEligible, storedRule } from "~/models/ballot.server";
import { projectStageContext } from "~/models/stage-model.server";
import { exitBallotState } from "~/models/transition.server";
import { openCommentPeriodWhere } from "~/models/editing-lock.server";
import { findStage, releaseTarget } from "~/stages/workflow";
import { prisma } from "~/utils/db.server";

type StageName = { code: string; nameZh: string; nameEn: string };
export type NeedsMeItem =
  | { kind: "vote"; href: string; reference: string; question: string; due: Date }
  | { kind: "decide"; href: string; reference: string; from: StageName | null; to: StageName | null; due: null; ballotClosed: boolean }
  | { kind: "comment"; href: string; reference: string; title: string; due: Date }
  | { kind: "release"; href: string; reference: string; due: null };

const name = (s: StageName | undefined) => (s ? { code: s.code, nameZh: s.nameZh, nameEn: s.nameEn } : null);

export async function whatNeedsMe(userId: string): Promise<NeedsMeItem[]> {
  const memberships = await prisma.membership.findMany({ where: { userId }, select: { committeeId: true, role: true } });
  const committeeIds = memberships.map((m) => m.committeeId);
  const chaired = memberships.filter((m) => m.role === "CHAIR").map((m) => m.committeeId);
  const chairedTree = chaired.length
    ? [...chaired, ...(await prisma.committee.findMany({ where: { parentId: { in: chaired } }, select: { id: true } })).map((c) => c.id)]
    : [];
  const commenting = memberships.filter((m) => m.role !== "OBSERVER").map((m) => m.committeeId);

  const [ballots, proposals, periods] = await Promise.all([
    prisma.ballot.findMany({
      where: { status: "OPEN", committeeId: { in: committeeIds }, votes: { none: { voterId: userId } } },
      select: { id: true, projectId: true, question: true, closesAt: true, rule: true, eligible: true, project: { select: { reference: true } } },
      orderBy: { closesAt: "asc" },
    }),
    chairedTree.length
      ? prisma.stageTransition.findMany({
          where: { status: "PROPOSED", project: { committeeId: { in: chairedTree } } },
          select: { projectId: true, fromStage: true, toStage: true, proposedAt: true, project: { select: { reference: true } } },
          orderBy: { proposedAt: "asc" },
        })
      : [],
    prisma.commentPeriod.findMany({
      where: { ...openCommentPeriodWhere(), projectId: { in: (await prisma.project.findMany({ where: { committeeId: { in: commenting } }, select: { id: true } })).map((p) => p.id) } },
      select: { projectId: true, title: true, closesAt: true },
      orderBy: { closesAt: "asc" },
    }),
  ]);

  const items: NeedsMeItem[] = [];
  for (const b of ballots) {
    const rule = storedRule(b.rule);
    const line = assessVoters(storedEligible(b.eligible), rule.kind === "vote" && rule.draftersExcluded).find((l) => l.userId === userId);
    if (line?.canVote) items.push({ kind: "vote", href: `/projects/${b.projectId}/ballots/${b.id}`, reference: b.project.reference, question: b.question, due: b.closesAt });
  }
  for (const p of proposals) {
    const { model } = await projectStageContext(p.projectId);
    const open = await prisma.ballot.findFirst({ where: { projectId: p.projectId, status: "OPEN" }, select: { id: true } });
    const closed = await prisma.ballot.findFirst({ where: { projectId: p.projectId, status: "CLOSED", closedAt: { gte: p.proposedAt } }, select: { id: true } });
    const from = findStage(model.definition, p.fromStage);
    // While the exit ballot runs the chair has nothing to decide yet.
    if (open || (from?.exit.ballot && !closed)) continue;
    items.push({
      kind: "decide",
      href: `/projects/${p.projectId}/stage`,
      reference: p.project.reference,
      from: name(from),
      to: name(findStage(model.definition, p.toStage)),
      due: null,
      ballotClosed: closed !== null,
    });
  }
  // Projects the chair may release now: at a stage whose next step is the release, nothing pending.
  if (chairedTree.length) {
    const active = await prisma.project.findMany({
      where: { committeeId: { in: chairedTree }, status: "ACTIVE", transitions: { none: { status: "PROPOSED" } } },
      select: { id: true },
    });
    for (const { id } of active) {
      const ctx = await projectStageContext(id);
      const stage = findStage(ctx.model.definition, ctx.project.stage);
      if (!stage || !releaseTarget(ctx.model.definition, stage.key)) continue;
      const ballots = await exitBallotState(prisma, ctx);
      if (ballots.open || (stage.exit.ballot && !ballots.passed)) continue;
      items.push({ kind: "release", href: `/projects/${id}/stage`, reference: ctx.project.reference, due: null });
    }
  }
  const references = new Map(
    (await prisma.project.findMany({ where: { id: { in: periods.map((p) => p.projectId) } }, select: { id: true, reference: true } })).map((p) => [p.id, p.reference]),
  );
  for (const period of periods)
    items.push({ kind: "comment", href: `/projects/${period.projectId}`, reference: references.get(period.projectId) ?? "", title: period.title, due: period.closesAt });
  return items;
}
