// Votes under concurrency and a vote racing the close (never lost, never doubled), the close job and
// reminders, the live lock reaching an open editor at once, and the audit chain of an approval: it
// verifies, and altering one row in the database makes verification fail at that row.
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { ballotRemindersJob } from "~/jobs/ballot-reminders.server";
import { closeBallotsJob } from "~/jobs/close-ballots.server";
import { closeBallot, getBallot, openBallot } from "~/models/ballot.server";
import { releaseStandard } from "~/models/release.server";
import { loader as auditLoader } from "~/routes/projects.$projectId_.audit";
import { proposeTransition } from "~/models/transition.server";
import { castVote } from "~/models/vote.server";
import { verifyAuditChain } from "~/utils/audit-verify.server";
import { prisma } from "~/utils/db.server";
import { AppError } from "~/utils/errors";
import { exposeLiveDocuments } from "../../../server/live-documents";
import { addMember, createProjectWithDocument, createStaffedCommittee, createUser } from "../../factories";
import { useTestDatabase } from "../../setup/test-database";
import { CollabClient } from "../collab/support/collab-client";
import { cookieFor } from "../collab/support/fixtures";
import { call, getRequest, sessionCookieFor } from "../../route-helpers";
import { startCollabTestServer, type TestServer } from "../collab/support/test-server";
import { waitFor } from "../collab/support/wait";

useTestDatabase();

let server: TestServer;
let unexpose: () => void;
const clients: CollabClient[] = [];
beforeAll(async () => {
  server = await startCollabTestServer();
  unexpose = exposeLiveDocuments(server.collab);
});
afterEach(() => {
  for (const client of clients.splice(0)) client.destroy();
});
afterAll(async () => {
  unexpose();
  await server.close();
});

async function ballotWithVoters(voterCount: number, closesAt = new Date(Date.now() + 3_600_000)) {
  const staffed = await createStaffedCommittee();
  const voters = [];
  for (let i = 0; i < voterCount; i++) {
    const user = await createUser({ affiliation: `Org ${i % 3}` });
    await addMember(staffed.committee.id, user.id, "MEMBER");
    voters.push(user);
  }
  const project = await createProjectWithDocument({ committeeId: staffed.committee.id, createdById: staffed.people.CHAIR.id });
  await proposeTransition({ projectId: project.id, toStage: "consultation", note: "", actorId: staffed.people.SECRETARY.id });
  await proposeTransition({ projectId: project.id, toStage: "technical_review", note: "", actorId: staffed.people.SECRETARY.id });
  const { ballotId } = await openBallot({ projectId: project.id, question: "Q", presetKey: "simple_majority", closesAt: new Date(Date.now() + 3_600_000), actorId: staffed.people.SECRETARY.id });
  if (closesAt.getTime() < Date.now() + 3_600_000) await prisma.ballot.update({ where: { id: ballotId }, data: { closesAt } });
  return { ...staffed, voters, projectId: project.id, documentId: project.documents[0].id, ballotId };
}

describe("votes under concurrency", () => {
  test("twenty voters at once, and one voter's two concurrent votes: every vote once, the change counted", async () => {
    const f = await ballotWithVoters(20);
    await Promise.all([
      ...f.voters.map((v, i) => castVote({ projectId: f.projectId, ballotId: f.ballotId, voterId: v.id, choice: i % 4 === 0 ? "DISAPPROVE" : "APPROVE", reasons: "r" })),
      castVote({ projectId: f.projectId, ballotId: f.ballotId, voterId: f.people.MEMBER.id, choice: "APPROVE", reasons: "" }),
      castVote({ projectId: f.projectId, ballotId: f.ballotId, voterId: f.people.MEMBER.id, choice: "ABSTAIN", reasons: "" }),
    ]);
    const votes = await prisma.vote.findMany({ where: { ballotId: f.ballotId }, select: { voterId: true, changes: true } });
    expect(votes).toHaveLength(21);
    expect(votes.find((v) => v.voterId === f.people.MEMBER.id)?.changes).toBe(1);
    expect(await prisma.auditEvent.count({ where: { projectId: f.projectId, type: "vote.cast" } })).toBe(22);
    const result = await closeBallot({ ballotId: f.ballotId, actorId: null });
    expect(result?.figures?.returned).toBe(21);
    expect(await verifyAuditChain({ projectId: f.projectId })).toMatchObject({ ok: true });
  });

  test("votes racing the close are either counted in the tally or refused — never lost or doubled", async () => {
    for (let round = 0; round < 3; round++) {
      const f = await ballotWithVoters(12);
      const attempts = f.voters.map((v) =>
        castVote({ projectId: f.projectId, ballotId: f.ballotId, voterId: v.id, choice: "APPROVE", reasons: "" }).then(
          () => ({ voterId: v.id, accepted: true }),
          (error: unknown) => {
            if (error instanceof AppError && error.userMessageKey === "approval.vote.ballotClosed") return { voterId: v.id, accepted: false };
            throw error;
          },
        ),
      );
      const [closed, ...outcomes] = await Promise.all([
        new Promise((r) => setTimeout(r, round * 5)).then(() => closeBallot({ ballotId: f.ballotId, actorId: null })),
        ...attempts,
      ]);
      const accepted = outcomes.filter((o) => o.accepted).map((o) => o.voterId).sort();
      const stored = (await prisma.vote.findMany({ where: { ballotId: f.ballotId }, select: { voterId: true } })).map((v) => v.voterId).sort();
      expect(stored).toEqual(accepted);
      expect(closed?.figures?.returned).toBe(accepted.length);
      expect(closed?.votes.map((v) => v.userId).sort()).toEqual(accepted);
    }
  });
});

describe("jobs", () => {
  test("the close job tallies a due ballot once, even when two runs race", async () => {
    const f = await ballotWithVoters(3);
    await castVote({ projectId: f.projectId, ballotId: f.ballotId, voterId: f.voters[0].id, choice: "APPROVE", reasons: "" });
    const later = new Date(Date.now() + 2 * 3_600_000);
    const [a, b] = await Promise.all([closeBallotsJob.run(later), closeBallotsJob.run(later)]);
    expect(a + b).toBe(1);
    const ballot = await getBallot(f.projectId, f.ballotId);
    expect(ballot.status).toBe("CLOSED");
    expect(ballot.result).toMatchObject({ outcome: "passed" });
    expect(await prisma.auditEvent.count({ where: { projectId: f.projectId, type: "ballot.closed" } })).toBe(1);
  });

  test("reminders go once, a day before the close, only to those who have not voted", async () => {
    const f = await ballotWithVoters(2);
    await castVote({ projectId: f.projectId, ballotId: f.ballotId, voterId: f.voters[0].id, choice: "APPROVE", reasons: "" });
    expect(await ballotRemindersJob.run(new Date(Date.now() - 2 * 86_400_000))).toBe(0);
    const now = new Date();
    expect(await ballotRemindersJob.run(now)).toBe(1);
    expect(await ballotRemindersJob.run(now)).toBe(0);
    const reminded = await prisma.notification.findMany({ where: { kind: "ballot.reminder" }, select: { userId: true } });
    const ids = reminded.map((n) => n.userId);
    expect(ids).toContain(f.voters[1].id);
    expect(ids).toContain(f.people.CHAIR.id);
    expect(ids).not.toContain(f.voters[0].id);
    expect(ids).not.toContain(f.people.OBSERVER.id);
    // Under a simple majority drafters vote too, so the editor is reminded.
    expect(ids).toContain(f.people.EDITOR.id);
  });
});

test("entering 征求意见 turns an open editor's connection read-only at once", async () => {
  const staffed = await createStaffedCommittee();
  const project = await createProjectWithDocument({ committeeId: staffed.committee.id, createdById: staffed.people.CHAIR.id });
  const editor = new CollabClient(server.url, project.documents[0].id, await cookieFor(staffed.people.EDITOR.id));
  clients.push(editor);
  await waitFor(() => editor.synced && editor.accessMessages.length > 0, "sync");
  expect(editor.accessMessages).toEqual([0]);
  await proposeTransition({ projectId: project.id, toStage: "consultation", note: "", actorId: staffed.people.SECRETARY.id });
  await waitFor(() => editor.accessMessages.at(-1) === 1, "the read-only message");
  expect(editor.closes).toEqual([]);
});

test("the audit chain of an approval verifies, and altering one row fails verification at that row", async () => {
  const f = await ballotWithVoters(2);
  await castVote({ projectId: f.projectId, ballotId: f.ballotId, voterId: f.voters[0].id, choice: "APPROVE", reasons: "" });
  await castVote({ projectId: f.projectId, ballotId: f.ballotId, voterId: f.voters[0].id, choice: "DISAPPROVE", reasons: "changed my mind" });
  await closeBallot({ ballotId: f.ballotId, actorId: f.people.SECRETARY.id });
  const before = await verifyAuditChain({ projectId: f.projectId });
  expect(before.ok).toBe(true);

  const changedVote = await prisma.auditEvent.findFirstOrThrow({
    where: { projectId: f.projectId, type: "vote.cast" },
    orderBy: { seq: "desc" },
    select: { id: true, seq: true },
  });
  // Someone with database access rewrites the changed vote as an approval, bypassing the trigger.
  await prisma.$transaction([
    prisma.$executeRawUnsafe(`ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only"`),
    prisma.$executeRaw`UPDATE "AuditEvent" SET payload = jsonb_set(payload, '{choice}', '"APPROVE"') WHERE id = ${changedVote.id}`,
    prisma.$executeRawUnsafe(`ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_append_only"`),
  ]);
  const after = await verifyAuditChain({ projectId: f.projectId });
  expect(after).toMatchObject({ ok: false, brokenAt: { id: changedVote.id.toString(), seq: changedVote.seq, reason: "hash" } });
  // The project's audit page says so and marks that row.
  const page = await call(auditLoader, getRequest(`/projects/${f.projectId}/audit`, await sessionCookieFor(f.people.MEMBER.id)), { projectId: f.projectId });
  expect(page.body).toMatchObject({ verification: { ok: false, brokenAt: { seq: changedVote.seq } } });
});

test("the release turns an open editor read-only at once, and its edits are no longer stored", async () => {
  const staffed = await createStaffedCommittee();
  const project = await createProjectWithDocument({ committeeId: staffed.committee.id, createdById: staffed.people.CHAIR.id });
  await prisma.project.update({ where: { id: project.id }, data: { stage: "approval" } });
  const chair = new CollabClient(server.url, project.documents[0].id, await cookieFor(staffed.people.CHAIR.id));
  clients.push(chair);
  await waitFor(() => chair.synced && chair.accessMessages.length > 0, "sync");
  expect(chair.accessMessages).toEqual([0]);
  await releaseStandard({ projectId: project.id, publishedOn: new Date("2026-12-01"), implementedOn: new Date("2027-01-01"), actorId: staffed.people.CHAIR.id });
  await waitFor(() => chair.accessMessages.at(-1) === 1, "the read-only message");
  chair.insert("after-release;", 0);
  // A client connecting afterwards gets the stored text, without the refused edit.
  const later = new CollabClient(server.url, project.documents[0].id, await cookieFor(staffed.people.SECRETARY.id));
  clients.push(later);
  await waitFor(() => later.synced, "sync");
  await server.collab.flush();
  expect(later.text.toString()).not.toContain("after-release");
  expect(chair.saved).toBe(false);
});
