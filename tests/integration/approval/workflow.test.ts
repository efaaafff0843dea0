// The approval workflow on a real database: stage moves as the model allows, each entry freezing its
// version and locking or unlocking the text; ballots with votes, changed votes, refused voters and a
// stored tally; the chair's decisions; the release with its number; and the audit chain of it all.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { closeBallot, getBallot, recordConsensusDecision } from "~/models/ballot.server";
import { editingFacts } from "~/models/editing-lock.server";
import { releaseStandard } from "~/models/release.server";
import { projectStageContext } from "~/models/stage-model.server";
import { decideTransition, proposeTransition } from "~/models/transition.server";
import { castVote } from "~/models/vote.server";
import { openBallot } from "~/models/ballot.server";
import { canEditText } from "~/policies/editing";
import type { CommitteeStanding } from "~/policies/roles";
import { verifyAuditChain } from "~/utils/audit-verify.server";
import { prisma } from "~/utils/db.server";
import { addMember, createProjectWithDocument, createStaffedCommittee, createUser } from "../../factories";
import { exposeLiveDocuments } from "../../../server/live-documents";
import { useTestDatabase } from "../../setup/test-database";
import { startCollabTestServer, type TestServer } from "../collab/support/test-server";

useTestDatabase();

// Versions are frozen from the live document, so a collaboration server runs as in production.
let server: TestServer;
let unexpose: () => void;
beforeAll(async () => {
  server = await startCollabTestServer();
  unexpose = exposeLiveDocuments(server.collab);
});
afterAll(async () => {
  unexpose();
  await server.close();
});

const standingOf = (role: CommitteeStanding["role"]): CommitteeStanding => ({ role, inheritedRole: null, isOrgAdmin: false, isSiteAdmin: false });
const inAnHour = () => new Date(Date.now() + 3_600_000);

async function setUp() {
  const staffed = await createStaffedCommittee();
  const { committee, people } = staffed;
  // Three more voting members from two companies, so a 3/4 rule has something to count.
  const extra = [];
  for (const affiliation of ["Acme", "Acme", "Beta"]) {
    const user = await createUser({ affiliation });
    await addMember(committee.id, user.id, "MEMBER");
    extra.push(user);
  }
  const project = await createProjectWithDocument({ committeeId: committee.id, createdById: people.CHAIR.id });
  return { ...staffed, extra, projectId: project.id, documentId: project.documents[0].id };
}

async function stageOf(projectId: string) {
  return prisma.project.findUniqueOrThrow({
    where: { id: projectId },
    select: { stage: true, editingPolicy: true, status: true, standardNumber: true, releasedVersionId: true, publishedOn: true, implementedOn: true },
  });
}

async function toTechnicalReview(f: Awaited<ReturnType<typeof setUp>>) {
  await proposeTransition({ projectId: f.projectId, toStage: "consultation", note: "", actorId: f.people.SECRETARY.id });
  await proposeTransition({ projectId: f.projectId, toStage: "technical_review", note: "", actorId: f.people.SECRETARY.id });
  const proposed = await proposeTransition({ projectId: f.projectId, toStage: "approval", note: "送审", actorId: f.people.SECRETARY.id });
  return proposed.transitionId;
}

describe("stages", () => {
  test("a project without a model is mapped to its organization's default and its stage into the model", async () => {
    const f = await setUp();
    const { model, project } = await projectStageContext(f.projectId);
    expect(model.key).toBe("cn_group_standard");
    expect(project.stage).toBe("drafting");
    const models = await prisma.stageModel.findMany({ where: { organizationId: f.org.id }, select: { key: true } });
    expect(models.map((m) => m.key).sort()).toEqual(["cn_group_standard", "iso_iec"]);
  });

  test("entering 征求意见 freezes 征求意见稿, opens the comment period and locks the text; leaving closes the period", async () => {
    const f = await setUp();
    const moved = await proposeTransition({ projectId: f.projectId, toStage: "consultation", note: "", actorId: f.people.SECRETARY.id });
    expect(moved.immediate).toBe(true);
    expect(await stageOf(f.projectId)).toMatchObject({ stage: "consultation", editingPolicy: "NOBODY" });
    const versions = await prisma.version.findMany({ where: { projectId: f.projectId }, select: { label: true, stage: true } });
    expect(versions).toEqual([{ label: "征求意见稿", stage: "consultation" }]);
    const facts = await editingFacts(f.projectId);
    expect(facts).toMatchObject({ commentPeriodOpen: true, policy: "NOBODY" });
    expect(canEditText(standingOf("EDITOR"), facts!)).toBe(false);
    expect(canEditText(standingOf("CHAIR"), facts!)).toBe(false);

    await proposeTransition({ projectId: f.projectId, toStage: "technical_review", note: "", actorId: f.people.SECRETARY.id });
    expect((await editingFacts(f.projectId))?.commentPeriodOpen).toBe(false);
    const transition = await prisma.stageTransition.findFirstOrThrow({ where: { projectId: f.projectId, toStage: "technical_review" } });
    expect(transition).toMatchObject({ status: "DECIDED", decision: "APPROVE", resultStage: "technical_review" });
    expect(transition.versionId).not.toBeNull();
  });

  test("a move the model does not allow is refused and changes nothing", async () => {
    const f = await setUp();
    await expect(proposeTransition({ projectId: f.projectId, toStage: "approval", note: "", actorId: f.people.SECRETARY.id })).rejects.toMatchObject({
      userMessageKey: "approval.transition.notAllowed",
    });
    await expect(proposeTransition({ projectId: f.projectId, toStage: "published", note: "", actorId: f.people.SECRETARY.id })).rejects.toMatchObject({
      userMessageKey: "approval.transition.notAllowed",
    });
    expect((await stageOf(f.projectId)).stage).toBe("preparatory");
    expect(await prisma.stageTransition.count({ where: { projectId: f.projectId } })).toBe(0);
  });

  test("a second proposal while one is pending is refused", async () => {
    const f = await setUp();
    await toTechnicalReview(f);
    await expect(proposeTransition({ projectId: f.projectId, toStage: "approval", note: "", actorId: f.people.SECRETARY.id })).rejects.toMatchObject({
      userMessageKey: "approval.transition.alreadyPending",
    });
  });
});

describe("ballot, decision and release", () => {
  test("the whole path: 送审 ballot, votes (one changed), tally stored, chair approves, release with number", async () => {
    const f = await setUp();
    const transitionId = await toTechnicalReview(f);
    await expect(decideTransition({ projectId: f.projectId, transitionId, decision: "APPROVE", reason: "", actorId: f.people.CHAIR.id })).rejects.toMatchObject({
      userMessageKey: "approval.decision.ballotMissing",
    });

    const { ballotId } = await openBallot({ projectId: f.projectId, question: "送审稿是否通过技术审查？", presetKey: "", closesAt: inAnHour(), actorId: f.people.SECRETARY.id });
    const ballot = await getBallot(f.projectId, ballotId);
    expect(ballot.presetKey).toBe("cn_three_quarters_of_attendees");
    const frozen = await prisma.version.findUniqueOrThrow({ where: { id: ballot.versionId }, select: { label: true } });
    expect(frozen.label).toBe("送审稿");

    const vote = (voterId: string, choice: "APPROVE" | "APPROVE_WITH_COMMENTS" | "DISAPPROVE" | "ABSTAIN", reasons = "") =>
      castVote({ projectId: f.projectId, ballotId, voterId, choice, reasons });
    // Refused voters: the drafter (editor), the observer, someone outside, a disapproval without reasons.
    await expect(vote(f.people.EDITOR.id, "APPROVE")).rejects.toMatchObject({ userMessageKey: "approval.vote.drafter" });
    await expect(vote(f.people.OBSERVER.id, "APPROVE")).rejects.toMatchObject({ userMessageKey: "approval.vote.noVotingRight" });
    await expect(vote(f.people.outsider.id, "APPROVE")).rejects.toMatchObject({ userMessageKey: "approval.vote.notEligible" });
    await expect(vote(f.people.MEMBER.id, "DISAPPROVE", "  ")).rejects.toMatchObject({ userMessageKey: "approval.vote.reasonsRequired" });

    expect(await vote(f.people.MEMBER.id, "DISAPPROVE", "第5章的试验方法不可复现")).toMatchObject({ changed: false });
    expect(await vote(f.people.MEMBER.id, "APPROVE_WITH_COMMENTS", "建议补充试验条件")).toMatchObject({ changed: true });
    await vote(f.people.CHAIR.id, "APPROVE");
    await vote(f.people.SECRETARY.id, "APPROVE");
    await vote(f.extra[0].id, "APPROVE");
    await vote(f.extra[1].id, "ABSTAIN");

    const votes = await prisma.vote.findMany({ where: { ballotId }, select: { voterId: true, choice: true, changes: true } });
    expect(votes).toHaveLength(5);
    expect(votes.find((v) => v.voterId === f.people.MEMBER.id)).toMatchObject({ choice: "APPROVE_WITH_COMMENTS", changes: 1 });
    // The vote's comment is in the register once, with the latest text and the voter's organization.
    const comments = await prisma.comment.findMany({ where: { voteId: { not: null }, documentId: f.documentId }, select: { body: true, type: true, organization: true, versionId: true } });
    expect(comments).toEqual([{ body: "建议补充试验条件", type: "GENERAL", organization: expect.any(String), versionId: ballot.versionId }]);

    const result = await closeBallot({ ballotId, actorId: f.people.SECRETARY.id });
    expect(result).toMatchObject({ outcome: "passed", passed: true });
    // 6 eligible (editor drafts, observer has no vote); 5 returned ≥ 2/3; 4 approvals of 5 present ≥ 3/4.
    expect(result?.figures).toMatchObject({ eligible: 6, returned: 5, approvals: 4, abstentions: 1 });
    expect(await closeBallot({ ballotId, actorId: null })).toBeNull();
    await expect(vote(f.extra[2].id, "APPROVE")).rejects.toMatchObject({ userMessageKey: "approval.vote.ballotClosed" });
    expect((await getBallot(f.projectId, ballotId)).result).toMatchObject({ outcome: "passed" });

    await decideTransition({ projectId: f.projectId, transitionId, decision: "APPROVE", reason: "", actorId: f.people.CHAIR.id });
    expect(await stageOf(f.projectId)).toMatchObject({ stage: "approval", editingPolicy: "SECRETARIAT", status: "ACTIVE" });

    await expect(
      releaseStandard({ projectId: f.projectId, publishedOn: new Date("2026-12-01"), implementedOn: new Date("2026-11-01"), actorId: f.people.CHAIR.id }),
    ).rejects.toMatchObject({ userMessageKey: "approval.release.implementedBeforePublished" });
    const released = await releaseStandard({
      projectId: f.projectId,
      publishedOn: new Date("2026-12-01"),
      implementedOn: new Date("2027-03-01"),
      actorId: f.people.CHAIR.id,
    });
    expect(released.standardNumber).toBe("T/TST 001—2026");
    const after = await stageOf(f.projectId);
    expect(after).toMatchObject({ stage: "published", status: "RELEASED", editingPolicy: "NOBODY", standardNumber: "T/TST 001—2026", releasedVersionId: released.versionId });
    const facts = await editingFacts(f.projectId);
    expect(canEditText(standingOf("CHAIR"), facts!)).toBe(false);
    expect(canEditText({ ...standingOf(null), isSiteAdmin: true }, facts!)).toBe(false);
    // The released version cannot be changed, even by SQL.
    await expect(prisma.$executeRaw`UPDATE "Version" SET label = 'forged' WHERE id = ${released.versionId}`).rejects.toThrow();
    await expect(
      releaseStandard({ projectId: f.projectId, publishedOn: new Date("2026-12-01"), implementedOn: new Date("2027-03-01"), actorId: f.people.CHAIR.id }),
    ).rejects.toMatchObject({ userMessageKey: "approval.transition.projectClosed" });

    const types = (await prisma.auditEvent.findMany({ where: { projectId: f.projectId }, orderBy: { seq: "asc" }, select: { type: true } })).map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(["stage.transition_proposed", "stage.entered", "ballot.opened", "vote.cast", "ballot.closed", "stage.transition_decided", "project.released"]));
    expect(types.filter((t) => t === "vote.cast")).toHaveLength(6);
    expect(await verifyAuditChain({ projectId: f.projectId })).toMatchObject({ ok: true });
  });

  test("a failed ballot blocks approval; the chair repeats the stage (送审稿 (2)), sends back, or abandons", async () => {
    const f = await setUp();
    const transitionId = await toTechnicalReview(f);
    const { ballotId } = await openBallot({ projectId: f.projectId, question: "Q", presetKey: "", closesAt: inAnHour(), actorId: f.people.SECRETARY.id });
    for (const voter of [f.people.CHAIR, f.people.SECRETARY, f.people.MEMBER, f.extra[0]])
      await castVote({ projectId: f.projectId, ballotId, voterId: voter.id, choice: "DISAPPROVE", reasons: "no" });
    expect(await closeBallot({ ballotId, actorId: null })).toMatchObject({ outcome: "failed" });
    await expect(decideTransition({ projectId: f.projectId, transitionId, decision: "APPROVE", reason: "", actorId: f.people.CHAIR.id })).rejects.toMatchObject({
      userMessageKey: "approval.decision.ballotFailed",
    });
    await expect(decideTransition({ projectId: f.projectId, transitionId, decision: "REPEAT", reason: " ", actorId: f.people.CHAIR.id })).rejects.toMatchObject({
      userMessageKey: "approval.decision.reasonRequired",
    });
    await decideTransition({ projectId: f.projectId, transitionId, decision: "REPEAT", reason: "修改后重新审查", actorId: f.people.CHAIR.id });
    expect((await stageOf(f.projectId)).stage).toBe("technical_review");
    const labels = (await prisma.version.findMany({ where: { projectId: f.projectId }, orderBy: { createdAt: "asc" }, select: { label: true } })).map((v) => v.label);
    expect(labels).toEqual(["征求意见稿", "送审稿", "送审稿 (2)"]);

    const second = await proposeTransition({ projectId: f.projectId, toStage: "approval", note: "", actorId: f.people.SECRETARY.id });
    await expect(
      decideTransition({ projectId: f.projectId, transitionId: second.transitionId, decision: "SEND_BACK", targetStage: "approval", reason: "x", actorId: f.people.CHAIR.id }),
    ).rejects.toMatchObject({ userMessageKey: "approval.decision.sendBackTarget" });
    await decideTransition({ projectId: f.projectId, transitionId: second.transitionId, decision: "SEND_BACK", targetStage: "drafting", reason: "重大修改", actorId: f.people.CHAIR.id });
    expect(await stageOf(f.projectId)).toMatchObject({ stage: "drafting", editingPolicy: "DRAFTERS" });
    expect(canEditText(standingOf("EDITOR"), (await editingFacts(f.projectId))!)).toBe(true);

    await proposeTransition({ projectId: f.projectId, toStage: "consultation", note: "", actorId: f.people.SECRETARY.id });
    await proposeTransition({ projectId: f.projectId, toStage: "technical_review", note: "", actorId: f.people.SECRETARY.id });
    const third = await proposeTransition({ projectId: f.projectId, toStage: "approval", note: "", actorId: f.people.SECRETARY.id });
    await decideTransition({ projectId: f.projectId, transitionId: third.transitionId, decision: "ABANDON", reason: "第二次审查未通过", actorId: f.people.CHAIR.id });
    expect(await stageOf(f.projectId)).toMatchObject({ stage: "withdrawn", status: "ABANDONED", editingPolicy: "NOBODY" });
    await expect(proposeTransition({ projectId: f.projectId, toStage: "drafting", note: "", actorId: f.people.SECRETARY.id })).rejects.toMatchObject({
      userMessageKey: "approval.transition.projectClosed",
    });
  });

  test("release numbers run per organization and year", async () => {
    const f = await setUp();
    const numbers: string[] = [];
    for (let i = 0; i < 2; i++) {
      const project = await createProjectWithDocument({ committeeId: f.committee.id, createdById: f.people.CHAIR.id });
      await prisma.project.update({ where: { id: project.id }, data: { stage: "approval" } });
      const { standardNumber } = await releaseStandard({ projectId: project.id, publishedOn: new Date("2027-01-05"), implementedOn: new Date("2027-04-01"), actorId: f.people.CHAIR.id });
      numbers.push(standardNumber);
    }
    expect(numbers).toEqual(["T/TST 001—2027", "T/TST 002—2027"]);
  });

  test("consensus without a vote: after the close the chair records consensus, and only then may approve", async () => {
    const f = await setUp();
    const transitionId = await toTechnicalReview(f);
    const { ballotId } = await openBallot({ projectId: f.projectId, question: "协商一致？", presetKey: "consensus_without_vote", closesAt: inAnHour(), actorId: f.people.SECRETARY.id });
    await castVote({ projectId: f.projectId, ballotId, voterId: f.people.MEMBER.id, choice: "APPROVE", reasons: "" });
    await expect(
      recordConsensusDecision({ ballotId, projectId: f.projectId, reached: true, note: "", actorId: f.people.CHAIR.id }),
    ).rejects.toMatchObject({ userMessageKey: "approval.ballot.stillOpen" });
    expect(await closeBallot({ ballotId, actorId: null })).toMatchObject({ outcome: "awaiting_chair_decision", passed: false });
    await expect(decideTransition({ projectId: f.projectId, transitionId, decision: "APPROVE", reason: "", actorId: f.people.CHAIR.id })).rejects.toMatchObject({
      userMessageKey: "approval.decision.consensusPending",
    });
    await recordConsensusDecision({ ballotId, projectId: f.projectId, reached: true, note: "会议一致同意", actorId: f.people.CHAIR.id });
    expect((await getBallot(f.projectId, ballotId)).result).toMatchObject({ outcome: "consensus_recorded", passed: true });
    await expect(
      recordConsensusDecision({ ballotId, projectId: f.projectId, reached: false, note: "", actorId: f.people.CHAIR.id }),
    ).rejects.toMatchObject({ userMessageKey: "approval.ballot.consensusAlreadyRecorded" });
    await decideTransition({ projectId: f.projectId, transitionId, decision: "APPROVE", reason: "", actorId: f.people.CHAIR.id });
    expect((await stageOf(f.projectId)).stage).toBe("approval");
  });
});
