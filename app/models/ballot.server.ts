// Committee ballots on a frozen version. The rule is copied onto the ballot when it opens (a later
// edit of the stage model never changes a running ballot), and so is the list of eligible voters.
// Closing is one conditional update (OPEN → CLOSED) that takes the ballot's row lock; a vote holds a
// share lock on the same row while it checks the status, so a vote racing the close either lands
// before the tally or is refused — never lost, never counted twice (vote.server.ts).
import type { Prisma, VoteChoice } from "~/generated/prisma/client";
import { findPreset } from "~/ballots/presets";
import { parseBallotRule, type BallotRule } from "~/ballots/rule";
import { tallyBallot } from "~/ballots/tally";
import type { TallyResult, Vote as TallyVote, VoteOption, Voter } from "~/ballots/types";
import { notify } from "~/models/notification.server";
import { projectStageContext } from "~/models/stage-model.server";
import { lockProject } from "~/models/transition.server";
import { findStage } from "~/stages/workflow";
import { recordAudit } from "~/utils/audit.server";
import { prisma } from "~/utils/db.server";
import { AppError } from "~/utils/errors";

type Tx = Prisma.TransactionClient;

export const optionOfChoice: Record<VoteChoice, VoteOption> = {
  APPROVE: "approve",
  APPROVE_WITH_COMMENTS: "approve_with_comments",
  DISAPPROVE: "disapprove",
  ABSTAIN: "abstain",
};

/** The ballot's stored rule; a stored rule that no longer parses is a bug, not a user error. */
export function storedRule(rule: unknown): BallotRule {
  const parsed = parseBallotRule(rule);
  if (!parsed.ok) throw new Error(`stored ballot rule is invalid: ${JSON.stringify(parsed.issues)}`);
  return parsed.rule;
}

export function storedEligible(eligible: unknown): Voter[] {
  return Array.isArray(eligible) ? (eligible as Voter[]) : [];
}

/** Who may vote: the ballot committee's members as they stand now; editors are the drafters. */
async function eligibleVoters(tx: Tx, committeeId: string): Promise<Voter[]> {
  const members = await tx.membership.findMany({
    where: { committeeId },
    select: { userId: true, role: true, votingRight: true, user: { select: { affiliation: true, name: true } } },
    orderBy: { createdAt: "asc" },
  });
  return members.map((m) => ({
    userId: m.userId,
    organization: m.user.affiliation.trim() || m.user.name,
    votingRight: m.votingRight && m.role !== "OBSERVER",
    isDrafter: m.role === "EDITOR",
  }));
}

export type OpenBallotInput = {
  projectId: string;
  question: string;
  /** A preset id; empty: the rule the stage model sets for this stage's exit. */
  presetKey: string;
  closesAt: Date;
  actorId: string;
};

export async function openBallot(input: OpenBallotInput) {
  if (input.closesAt.getTime() <= Date.now()) throw new AppError("BAD_REQUEST", "approval.ballot.closesInPast");
  const outcome = await prisma.$transaction(
    async (tx) => {
      await lockProject(tx, input.projectId);
      const ctx = await projectStageContext(input.projectId, tx);
      if (ctx.project.status !== "ACTIVE") throw new AppError("CONFLICT", "approval.transition.projectClosed");
      const stage = findStage(ctx.model.definition, ctx.project.stage);
      if (!stage) throw new AppError("CONFLICT", "approval.transition.stale");
      const already = await tx.ballot.findFirst({ where: { projectId: input.projectId, status: "OPEN" }, select: { id: true } });
      if (already) throw new AppError("CONFLICT", "approval.ballot.alreadyOpen");

      const fromStage = stage.exit.ballot;
      let rule: BallotRule;
      let presetKey: string;
      if (input.presetKey === "" || input.presetKey === fromStage?.presetKey) {
        if (!fromStage) throw new AppError("BAD_REQUEST", "approval.ballot.chooseRule");
        rule = fromStage.rule;
        presetKey = fromStage.presetKey;
      } else {
        const preset = findPreset(input.presetKey);
        if (!preset) throw new AppError("BAD_REQUEST", "approval.ballot.unknownPreset");
        rule = preset.rule;
        presetKey = preset.id;
      }

      // The text voted on: the version frozen on entering this stage, else the latest one.
      const version = await tx.version.findFirst({
        where: { projectId: input.projectId },
        orderBy: { createdAt: "desc" },
        select: { id: true },
      });
      if (!version) throw new AppError("CONFLICT", "approval.ballot.noVersion");

      let committeeId = ctx.project.committeeId;
      if (stage.exit.committee === "parent") {
        const committee = await tx.committee.findUniqueOrThrow({ where: { id: committeeId }, select: { parentId: true } });
        committeeId = committee.parentId ?? committeeId;
      }
      const eligible = await eligibleVoters(tx, committeeId);
      const pending = await tx.stageTransition.findFirst({ where: { projectId: input.projectId, status: "PROPOSED" }, select: { id: true } });
      const ballot = await tx.ballot.create({
        data: {
          projectId: input.projectId,
          committeeId,
          transitionId: pending?.id ?? null,
          versionId: version.id,
          question: input.question,
          presetKey,
          rule: rule as unknown as Prisma.InputJsonObject,
          eligible: eligible as unknown as Prisma.InputJsonArray,
          closesAt: input.closesAt,
          createdById: input.actorId,
        },
        select: { id: true },
      });
      await recordAudit(tx, {
        type: "ballot.opened",
        actorId: input.actorId,
        projectId: input.projectId,
        committeeId: ctx.project.committeeId,
        payload: { ballotId: ballot.id, versionId: version.id, presetKey, closesAt: input.closesAt.toISOString() },
      });
      return { ballotId: ballot.id, ctx, voters: eligible.filter((v) => v.votingRight).map((v) => v.userId) };
    },
    { timeout: 20_000 },
  );
  await notify({
    userIds: outcome.voters,
    kind: "ballot.opened",
    payload: {
      titleZh: `${outcome.ctx.project.reference} 投票已开始：${input.question}`,
      titleEn: `${outcome.ctx.project.reference}: ballot open — ${input.question}`,
      href: `/projects/${input.projectId}/ballots/${outcome.ballotId}`,
      projectId: input.projectId,
    },
    mail: {
      subject: `[${outcome.ctx.project.reference}] 投票 / Ballot: ${input.question}`,
      text: `${input.question}\n截止 / closes ${input.closesAt.toISOString()}`,
    },
  });
  return { ballotId: outcome.ballotId };
}

function tallyInput(ballot: { eligible: unknown; rule: BallotRule }, votes: { voterId: string; choice: VoteChoice; reasons: string; castAt: Date; changedAt: Date | null }[]) {
  const rule = ballot.rule;
  const needsAttendance =
    rule.kind === "vote" && (rule.quorum?.measure === "attendance" || rule.passMarks.some((mark) => mark.base === "attendees"));
  const tallyVotes: TallyVote[] = votes.map((v) => ({
    userId: v.voterId,
    option: optionOfChoice[v.choice],
    reasons: v.reasons,
    castAt: v.changedAt ?? v.castAt,
  }));
  // Online ballots keep no attendance list: a returned ballot is the proof of presence (函审).
  return { eligible: storedEligible(ballot.eligible), votes: tallyVotes, ...(needsAttendance ? { attendees: [] } : {}) };
}

const asJson = (result: TallyResult) => JSON.parse(JSON.stringify(result)) as Prisma.InputJsonObject;

/**
 * Closes an open ballot and stores its tally, once: a second caller (another process, the job and
 * the secretary at once) finds it closed and does nothing. Returns whether this call closed it.
 */
export async function closeBallot(input: { ballotId: string; actorId: string | null }): Promise<TallyResult | null> {
  const outcome = await prisma.$transaction(async (tx) => {
    const now = new Date();
    const claimed = await tx.ballot.updateMany({ where: { id: input.ballotId, status: "OPEN" }, data: { status: "CLOSED", closedAt: now } });
    if (claimed.count === 0) return null;
    const ballot = await tx.ballot.findUniqueOrThrow({
      where: { id: input.ballotId },
      select: { id: true, projectId: true, question: true, rule: true, eligible: true, project: { select: { committeeId: true, reference: true } } },
    });
    const votes = await tx.vote.findMany({ where: { ballotId: ballot.id }, select: { voterId: true, choice: true, reasons: true, castAt: true, changedAt: true } });
    const rule = storedRule(ballot.rule);
    const result = tallyBallot(rule, tallyInput({ eligible: ballot.eligible, rule }, votes));
    await tx.ballot.update({ where: { id: ballot.id }, data: { result: asJson(result) } });
    await recordAudit(tx, {
      type: "ballot.closed",
      actorId: input.actorId,
      projectId: ballot.projectId,
      committeeId: ballot.project.committeeId,
      payload: { ballotId: ballot.id, outcome: result.outcome, passed: result.passed },
    });
    return { ballot, result, voters: storedEligible(ballot.eligible).map((v) => v.userId) };
  });
  if (!outcome) return null;
  await notify({
    userIds: outcome.voters,
    kind: "ballot.closed",
    payload: {
      titleZh: `${outcome.ballot.project.reference} 投票已结束：${outcome.result.passed ? "通过" : "未通过"}`,
      titleEn: `${outcome.ballot.project.reference}: ballot closed — ${outcome.result.passed ? "passed" : "not passed"}`,
      href: `/projects/${outcome.ballot.projectId}/ballots/${outcome.ballot.id}`,
      projectId: outcome.ballot.projectId,
    },
  });
  return outcome.result;
}

/** Under a consensus rule the chair records, after the close, whether consensus was reached. */
export async function recordConsensusDecision(input: { ballotId: string; projectId: string; reached: boolean; note: string; actorId: string }) {
  await prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Ballot" WHERE id = ${input.ballotId} FOR UPDATE`;
    const ballot = await tx.ballot.findFirst({
      where: { id: input.ballotId, projectId: input.projectId },
      select: { id: true, status: true, rule: true, eligible: true, result: true, project: { select: { committeeId: true } } },
    });
    if (!ballot) throw new AppError("NOT_FOUND", "approval.ballot.notFound");
    const rule = storedRule(ballot.rule);
    if (rule.kind !== "consensus") throw new AppError("BAD_REQUEST", "approval.ballot.notConsensus");
    if (ballot.status !== "CLOSED") throw new AppError("CONFLICT", "approval.ballot.stillOpen");
    const stored = ballot.result as { outcome?: string } | null;
    if (stored?.outcome !== "awaiting_chair_decision") throw new AppError("CONFLICT", "approval.ballot.consensusAlreadyRecorded");
    const votes = await tx.vote.findMany({ where: { ballotId: ballot.id }, select: { voterId: true, choice: true, reasons: true, castAt: true, changedAt: true } });
    const result = tallyBallot(rule, {
      ...tallyInput({ eligible: ballot.eligible, rule }, votes),
      chairDecision: { decidedBy: input.actorId, consensusReached: input.reached, note: input.note, decidedAt: new Date() },
    });
    await tx.ballot.update({ where: { id: ballot.id }, data: { result: asJson(result) } });
    await recordAudit(tx, {
      type: "ballot.closed",
      actorId: input.actorId,
      projectId: input.projectId,
      committeeId: ballot.project.committeeId,
      payload: { ballotId: ballot.id, outcome: result.outcome, passed: result.passed },
    });
  });
}

/** Ballots of a project, newest first, for the stage page. */
export async function listBallots(projectId: string) {
  return prisma.ballot.findMany({
    where: { projectId },
    select: { id: true, question: true, presetKey: true, status: true, opensAt: true, closesAt: true, closedAt: true, result: true, _count: { select: { votes: true } } },
    orderBy: { createdAt: "desc" },
  });
}

export async function getBallot(projectId: string, ballotId: string) {
  const ballot = await prisma.ballot.findFirst({
    where: { id: ballotId, projectId },
    select: {
      id: true,
      projectId: true,
      committeeId: true,
      versionId: true,
      question: true,
      presetKey: true,
      rule: true,
      eligible: true,
      opensAt: true,
      closesAt: true,
      closedAt: true,
      status: true,
      result: true,
      createdById: true,
      votes: { select: { voterId: true, choice: true, reasons: true, castAt: true, changedAt: true, changes: true }, orderBy: { castAt: "asc" } },
    },
  });
  if (!ballot) throw new AppError("NOT_FOUND", "approval.ballot.notFound");
  return ballot;
}
