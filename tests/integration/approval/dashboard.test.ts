// What needs me now, and the notifications page: votes to cast, decisions to take and comment periods
// open, each for the right people; notifications marked read and per-kind settings honoured.
import { afterAll, beforeAll, expect, test } from "vitest";
import { openBallot } from "~/models/ballot.server";
import { whatNeedsMe } from "~/models/dashboard.server";
import { notify } from "~/models/notification.server";
import { proposeTransition } from "~/models/transition.server";
import { castVote } from "~/models/vote.server";
import { action as notificationsAction, loader as notificationsLoader } from "~/routes/notifications";
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

test("votes, decisions and comment periods reach the people who must act", async () => {
  const { committee, people } = await createStaffedCommittee();
  const project = await createProjectWithDocument({ committeeId: committee.id, createdById: people.CHAIR.id });
  await proposeTransition({ projectId: project.id, toStage: "consultation", note: "", actorId: people.SECRETARY.id });
  expect((await whatNeedsMe(people.MEMBER.id)).map((i) => i.kind)).toEqual(["comment"]);
  expect(await whatNeedsMe(people.OBSERVER.id)).toEqual([]);

  await proposeTransition({ projectId: project.id, toStage: "technical_review", note: "", actorId: people.SECRETARY.id });
  await proposeTransition({ projectId: project.id, toStage: "approval", note: "", actorId: people.SECRETARY.id });
  // The exit needs a ballot: nothing for the chair to decide yet.
  expect((await whatNeedsMe(people.CHAIR.id)).filter((i) => i.kind === "decide")).toEqual([]);
  const { ballotId } = await openBallot({ projectId: project.id, question: "送审?", presetKey: "", closesAt: new Date(Date.now() + 3_600_000), actorId: people.SECRETARY.id });
  const memberNeeds = await whatNeedsMe(people.MEMBER.id);
  expect(memberNeeds).toEqual([expect.objectContaining({ kind: "vote", question: "送审?", href: `/projects/${project.id}/ballots/${ballotId}` })]);
  // The editor drafts and may not vote under this rule.
  expect((await whatNeedsMe(people.EDITOR.id)).filter((i) => i.kind === "vote")).toEqual([]);
  await castVote({ projectId: project.id, ballotId, voterId: people.MEMBER.id, choice: "APPROVE", reasons: "" });
  expect(await whatNeedsMe(people.MEMBER.id)).toEqual([]);
  // Voters were told the ballot opened.
  expect(await prisma.notification.count({ where: { userId: people.MEMBER.id, kind: "ballot.opened" } })).toBe(1);
});

test("the notifications page lists, marks read and saves per-kind settings that notify() honours", async () => {
  const { people } = await createStaffedCommittee();
  const member = people.MEMBER;
  await notify({ userIds: [member.id], kind: "ballot.opened", payload: { titleZh: "投票", titleEn: "Ballot", href: "/dashboard" } });
  const cookie = await sessionCookieFor(member.id);
  const page = await call(notificationsLoader, getRequest("/notifications", cookie));
  expect(page.body).toMatchObject({ items: [{ titleEn: "Ballot", readAt: null }] });
  expect((await call(notificationsAction, formRequest("/notifications", { intent: "markAllRead" }, cookie))).status).toBe(200);
  expect(await prisma.notification.count({ where: { userId: member.id, readAt: null } })).toBe(0);

  // Turn off in-app ballot notices (the form sends only ticked boxes).
  const fields: Record<string, string> = { intent: "settings", "ballot.opened:email": "on" };
  expect((await call(notificationsAction, formRequest("/notifications", fields, cookie))).status).toBe(200);
  await notify({ userIds: [member.id], kind: "ballot.opened", payload: { titleZh: "投票2", titleEn: "Ballot 2", href: "/dashboard" } });
  expect(await prisma.notification.count({ where: { userId: member.id, kind: "ballot.opened" } })).toBe(1);
});

test("a chair is told when a standard waits for release, and nobody else is", async () => {
  const { committee, people } = await createStaffedCommittee();
  const project = await createProjectWithDocument({ committeeId: committee.id, createdById: people.CHAIR.id });
  await prisma.project.update({ where: { id: project.id }, data: { stage: "approval" } });
  expect(await whatNeedsMe(people.CHAIR.id)).toEqual([expect.objectContaining({ kind: "release", href: `/projects/${project.id}/stage` })]);
  expect(await whatNeedsMe(people.SECRETARY.id)).toEqual([]);
});
