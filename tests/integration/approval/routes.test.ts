// Who may do what on the stage and ballot pages, through the real route actions: only the secretary
// proposes and opens ballots, only the chair decides and releases, only eligible voters vote; bad
// input gets a specific message and changes nothing.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { action as ballotAction, loader as ballotLoader } from "~/routes/projects.$projectId_.ballots.$ballotId";
import { loader as auditLoader } from "~/routes/projects.$projectId_.audit";
import { action as stageAction, loader as stageLoader } from "~/routes/projects.$projectId_.stage";
import { prisma } from "~/utils/db.server";
import { exposeLiveDocuments } from "../../../server/live-documents";
import { createProjectWithDocument, createStaffedCommittee } from "../../factories";
import { call, formRequest, getRequest, sessionCookieFor } from "../../route-helpers";
import { useTestDatabase } from "../../setup/test-database";
import { startCollabTestServer, type TestServer } from "../collab/support/test-server";

useTestDatabase();

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

async function setUp() {
  const staffed = await createStaffedCommittee();
  const project = await createProjectWithDocument({ committeeId: staffed.committee.id, createdById: staffed.people.CHAIR.id });
  return { ...staffed, projectId: project.id };
}

const post = async (userId: string, projectId: string, fields: Record<string, string>) =>
  call(stageAction, formRequest(`/projects/${projectId}/stage`, fields, await sessionCookieFor(userId)), { projectId });
const postBallot = async (userId: string, projectId: string, ballotId: string, fields: Record<string, string>) =>
  call(ballotAction, formRequest(`/projects/${projectId}/ballots/${ballotId}`, fields, await sessionCookieFor(userId)), { projectId, ballotId });

describe("stage page", () => {
  test("outsiders get 404; members see the stage; only the secretary proposes", async () => {
    const f = await setUp();
    expect((await call(stageLoader, getRequest(`/projects/${f.projectId}/stage`, await sessionCookieFor(f.people.outsider.id)), { projectId: f.projectId })).status).toBe(404);
    const seen = await call(stageLoader, getRequest(`/projects/${f.projectId}/stage`, await sessionCookieFor(f.people.OBSERVER.id)), { projectId: f.projectId });
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ page: { current: { key: "drafting" } }, can: { propose: false, decide: false } });

    for (const role of ["CHAIR", "EDITOR", "MEMBER", "OBSERVER"] as const)
      expect((await post(f.people[role].id, f.projectId, { intent: "propose", toStage: "consultation" })).status).toBe(403);
    expect((await prisma.project.findUniqueOrThrow({ where: { id: f.projectId }, select: { stage: true } })).stage).not.toBe("consultation");

    const bad = await post(f.people.SECRETARY.id, f.projectId, { intent: "propose", toStage: "published" });
    expect(bad).toMatchObject({ status: 400, body: { ok: false, error: "approval.transition.notAllowed" } });
    const ok = await post(f.people.SECRETARY.id, f.projectId, { intent: "propose", toStage: "consultation" });
    expect(ok).toMatchObject({ status: 200, body: { ok: true, message: "approval.transition.entered" } });
  });

  test("only the chair decides, with a reason unless approving; only the chair releases, with valid dates", async () => {
    const f = await setUp();
    await post(f.people.SECRETARY.id, f.projectId, { intent: "propose", toStage: "consultation" });
    await post(f.people.SECRETARY.id, f.projectId, { intent: "propose", toStage: "technical_review" });
    await post(f.people.SECRETARY.id, f.projectId, { intent: "propose", toStage: "approval" });
    const transition = await prisma.stageTransition.findFirstOrThrow({ where: { projectId: f.projectId, status: "PROPOSED" }, select: { id: true } });
    expect((await post(f.people.SECRETARY.id, f.projectId, { intent: "decide", transitionId: transition.id, decision: "REPEAT", reason: "x" })).status).toBe(403);
    const noReason = await post(f.people.CHAIR.id, f.projectId, { intent: "decide", transitionId: transition.id, decision: "ABANDON", reason: "" });
    expect(noReason).toMatchObject({ status: 400, body: { fieldErrors: { reason: ["approval.decision.reasonRequired"] } } });
    const noBallot = await post(f.people.CHAIR.id, f.projectId, { intent: "decide", transitionId: transition.id, decision: "APPROVE", reason: "" });
    expect(noBallot).toMatchObject({ status: 409, body: { error: "approval.decision.ballotMissing" } });

    expect((await post(f.people.CHAIR.id, f.projectId, { intent: "openBallot", question: "Q", presetKey: "", days: "7" })).status).toBe(403);
    const badDays = await post(f.people.SECRETARY.id, f.projectId, { intent: "openBallot", question: "Q", presetKey: "", days: "0" });
    expect(badDays).toMatchObject({ status: 400, body: { fieldErrors: { days: ["approval.ballot.daysInvalid"] } } });
    expect((await post(f.people.SECRETARY.id, f.projectId, { intent: "openBallot", question: "Q", presetKey: "", days: "7" })).status).toBe(200);
    const ballot = await prisma.ballot.findFirstOrThrow({ where: { projectId: f.projectId }, select: { id: true } });

    // Voting through the ballot page.
    expect((await postBallot(f.people.OBSERVER.id, f.projectId, ballot.id, { intent: "vote", choice: "APPROVE" })).status).toBe(403);
    expect((await postBallot(f.people.outsider.id, f.projectId, ballot.id, { intent: "vote", choice: "APPROVE" })).status).toBe(404);
    expect(await postBallot(f.people.EDITOR.id, f.projectId, ballot.id, { intent: "vote", choice: "APPROVE" })).toMatchObject({
      status: 403,
      body: { error: "approval.vote.drafter" },
    });
    expect(await postBallot(f.people.MEMBER.id, f.projectId, ballot.id, { intent: "vote", choice: "DISAPPROVE", reasons: "" })).toMatchObject({
      status: 400,
      body: { fieldErrors: { reasons: ["approval.vote.reasonsRequired"] } },
    });
    expect(await postBallot(f.people.MEMBER.id, f.projectId, ballot.id, { intent: "vote", choice: "MAYBE" })).toMatchObject({ status: 400 });
    expect(await prisma.vote.count({ where: { ballotId: ballot.id } })).toBe(0);
    for (const voter of [f.people.CHAIR, f.people.SECRETARY, f.people.MEMBER])
      expect((await postBallot(voter.id, f.projectId, ballot.id, { intent: "vote", choice: "APPROVE" })).status).toBe(200);
    expect((await postBallot(f.people.MEMBER.id, f.projectId, ballot.id, { intent: "close" })).status).toBe(403);
    expect(await postBallot(f.people.SECRETARY.id, f.projectId, ballot.id, { intent: "close" })).toMatchObject({ status: 200, body: { ok: true } });
    expect(await postBallot(f.people.MEMBER.id, f.projectId, ballot.id, { intent: "vote", choice: "ABSTAIN" })).toMatchObject({
      status: 409,
      body: { error: "approval.vote.ballotClosed" },
    });
    const page = await call(ballotLoader, getRequest(`/projects/${f.projectId}/ballots/${ballot.id}`, await sessionCookieFor(f.people.MEMBER.id)), { projectId: f.projectId, ballotId: ballot.id });
    expect(page.body).toMatchObject({ ballot: { status: "CLOSED", result: { outcome: "passed" } } });

    expect((await post(f.people.CHAIR.id, f.projectId, { intent: "decide", transitionId: transition.id, decision: "APPROVE", reason: "" })).status).toBe(200);
    expect((await post(f.people.SECRETARY.id, f.projectId, { intent: "release", publishedOn: "2026-12-01", implementedOn: "2027-01-01" })).status).toBe(403);
    const badDates = await post(f.people.CHAIR.id, f.projectId, { intent: "release", publishedOn: "2026-12-01", implementedOn: "2026-11-01" });
    expect(badDates).toMatchObject({ status: 400, body: { fieldErrors: { implementedOn: ["approval.release.implementedBeforePublished"] } } });
    const notADate = await post(f.people.CHAIR.id, f.projectId, { intent: "release", publishedOn: "soon", implementedOn: "2027-01-01" });
    expect(notADate).toMatchObject({ status: 400, body: { fieldErrors: { publishedOn: ["approval.release.dateRequired"] } } });
    const released = await post(f.people.CHAIR.id, f.projectId, { intent: "release", publishedOn: "2026-12-01", implementedOn: "2027-01-01" });
    expect(released).toMatchObject({ status: 200, body: { ok: true, params: { number: "T/TST 001—2026" } } });
  });

  test("the audit page verifies the chain for members and hides it from outsiders", async () => {
    const f = await setUp();
    await post(f.people.SECRETARY.id, f.projectId, { intent: "propose", toStage: "consultation" });
    expect((await call(auditLoader, getRequest(`/projects/${f.projectId}/audit`, await sessionCookieFor(f.people.outsider.id)), { projectId: f.projectId })).status).toBe(404);
    const page = await call(auditLoader, getRequest(`/projects/${f.projectId}/audit`, await sessionCookieFor(f.people.MEMBER.id)), { projectId: f.projectId });
    expect(page.body).toMatchObject({ verification: { ok: true } });
  });
});
