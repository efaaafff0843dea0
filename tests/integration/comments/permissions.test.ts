// Every comment action for every role, through the real route actions: who may comment, reply,
// edit, resolve, reopen, record a decision and apply a proposed change; outsiders get 404; nobody
// edits another's comment; the author edits only until someone answers; observers comment only when
// an open period invites them. A refused action changes nothing.
import { describe, expect, test } from "vitest";
import type { Role } from "~/policies/roles";
import { openCommentPeriod } from "~/models/comment-period.server";
import { prisma } from "~/utils/db.server";
import { createCollabFixture, type CollabFixture } from "../collab/support/fixtures";
import { useTestDatabase } from "../../setup/test-database";
import { anchorOf, commentAs, jsonOf, listAs, useLiveServer } from "./support";

useTestDatabase();
useLiveServer();

type Who = Role | "outsider";
const everyone: Who[] = ["CHAIR", "SECRETARY", "EDITOR", "MEMBER", "OBSERVER", "outsider"];

async function fixtureWithComment(): Promise<CollabFixture & { commentId: string }> {
  const fixture = await createCollabFixture();
  const anchor = await anchorOf(fixture.documentId, "本文件适用于");
  const created = await commentAs(fixture.people.MEMBER.id, fixture.documentId, {
    intent: "create",
    type: "TECHNICAL",
    body: "Scope is too wide.",
    proposedChange: "本标准适用于",
    ...anchor,
  });
  expect(created.status).toBe(200);
  const commentId = (created.body as { params: { commentId: string } }).params.commentId;
  return { ...fixture, commentId };
}

async function auditCount(projectId: string, type: string) {
  return prisma.auditEvent.count({ where: { projectId, type } });
}

function expectStatus(matrix: Record<Who, number>, expected: Record<Who, number>) {
  expect(matrix).toEqual(expected);
}

describe("comment permission matrix", () => {
  test("reading the comments: every member and observer, outsiders 404", async () => {
    const fixture = await fixtureWithComment();
    const statuses = {} as Record<Who, number>;
    for (const who of everyone) statuses[who] = (await listAs(fixture.people[who].id, fixture.documentId)).status;
    expectStatus(statuses, { CHAIR: 200, SECRETARY: 200, EDITOR: 200, MEMBER: 200, OBSERVER: 200, outsider: 404 });
  });

  test("commenting on a selection: members and office holders; observers 403; outsiders 404; a refusal stores nothing", async () => {
    const fixture = await createCollabFixture();
    const anchor = await anchorOf(fixture.documentId, "范围");
    const statuses = {} as Record<Who, number>;
    for (const who of everyone) {
      const result = await commentAs(fixture.people[who].id, fixture.documentId, { intent: "create", type: "GENERAL", body: `by ${who}`, ...anchor });
      statuses[who] = result.status;
    }
    expectStatus(statuses, { CHAIR: 200, SECRETARY: 200, EDITOR: 200, MEMBER: 200, OBSERVER: 403, outsider: 404 });
    const bodies = (await prisma.comment.findMany({ where: { documentId: fixture.documentId }, select: { body: true } })).map((c) => c.body).sort();
    expect(bodies).toEqual(["by CHAIR", "by EDITOR", "by MEMBER", "by SECRETARY"]);
    expect(await auditCount(fixture.projectId, "comment.created")).toBe(4);
  });

  test("observers comment only during an open period that invites them", async () => {
    const fixture = await createCollabFixture();
    const observer = fixture.people.OBSERVER.id;
    const base = { committeeId: fixture.committee.id, projectId: fixture.projectId, documentId: fixture.documentId, versionId: null, actorId: fixture.people.SECRETARY.id };
    const closed = await openCommentPeriod({ ...base, title: "CD", closesAt: new Date(Date.now() + 86_400_000), observersMayComment: false });
    expect((await commentAs(observer, fixture.documentId, { intent: "create", type: "GENERAL", body: "may I?" })).status).toBe(403);
    await prisma.commentPeriod.update({ where: { id: closed.id }, data: { closedAt: new Date() } });
    await openCommentPeriod({ ...base, title: "DIS", closesAt: new Date(Date.now() + 86_400_000), observersMayComment: true });
    const allowed = await commentAs(observer, fixture.documentId, { intent: "create", type: "GENERAL", body: "observer's comment" });
    expect(allowed.status).toBe(200);
    const stored = await prisma.comment.findFirstOrThrow({ where: { documentId: fixture.documentId }, select: { periodId: true, authorId: true } });
    expect(stored).toMatchObject({ authorId: observer });
    expect(stored.periodId).not.toBeNull();
  });

  test("replying: as commenting, observers 403, outsiders 404", async () => {
    const fixture = await fixtureWithComment();
    const statuses = {} as Record<Who, number>;
    for (const who of everyone) {
      statuses[who] = (await commentAs(fixture.people[who].id, fixture.documentId, { intent: "reply", commentId: fixture.commentId, body: `reply ${who}` })).status;
    }
    expectStatus(statuses, { CHAIR: 200, SECRETARY: 200, EDITOR: 200, MEMBER: 200, OBSERVER: 403, outsider: 404 });
    expect(await prisma.comment.count({ where: { parentId: fixture.commentId } })).toBe(4);
  });

  test("nobody edits another's comment, not even the chair; outsiders 404", async () => {
    const fixture = await fixtureWithComment();
    const statuses = {} as Record<Who, number>;
    for (const who of everyone.filter((w) => w !== "MEMBER")) {
      statuses[who] = (await commentAs(fixture.people[who].id, fixture.documentId, { intent: "edit", commentId: fixture.commentId, body: "hijacked" })).status;
    }
    statuses.MEMBER = (await commentAs(fixture.people.MEMBER.id, fixture.documentId, { intent: "edit", commentId: fixture.commentId, body: "Scope is far too wide." })).status;
    expectStatus(statuses, { CHAIR: 403, SECRETARY: 403, EDITOR: 403, MEMBER: 200, OBSERVER: 403, outsider: 404 });
    const stored = await prisma.comment.findUniqueOrThrow({ where: { id: fixture.commentId }, select: { body: true, editedAt: true } });
    expect(stored.body).toBe("Scope is far too wide.");
    expect(stored.editedAt).not.toBeNull();
    expect(await auditCount(fixture.projectId, "comment.edited")).toBe(1);
  });

  test("the author edits only until someone replies", async () => {
    const fixture = await fixtureWithComment();
    expect((await commentAs(fixture.people.EDITOR.id, fixture.documentId, { intent: "reply", commentId: fixture.commentId, body: "Why?" })).status).toBe(200);
    const refused = await commentAs(fixture.people.MEMBER.id, fixture.documentId, { intent: "edit", commentId: fixture.commentId, body: "changed after the reply" });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ ok: false, error: "comments.errors.answered" });
    expect((await prisma.comment.findUniqueOrThrow({ where: { id: fixture.commentId }, select: { body: true } })).body).toBe("Scope is too wide.");
    // The editor's reply is the last in the thread: its author may still edit it.
    const reply = await prisma.comment.findFirstOrThrow({ where: { parentId: fixture.commentId }, select: { id: true } });
    expect((await commentAs(fixture.people.EDITOR.id, fixture.documentId, { intent: "edit", commentId: reply.id, body: "Why so?" })).status).toBe(200);
  });

  test("resolving and reopening: editors, secretary, chair and the author; others 403; outsiders 404", async () => {
    const fixture = await fixtureWithComment();
    const statuses = {} as Record<Who, number>;
    for (const who of everyone) {
      const person = fixture.people[who].id;
      const resolved = await commentAs(person, fixture.documentId, { intent: "resolve", commentId: fixture.commentId });
      statuses[who] = resolved.status;
      if (resolved.status === 200) {
        expect((await commentAs(person, fixture.documentId, { intent: "reopen", commentId: fixture.commentId })).status).toBe(200);
      }
    }
    // MEMBER is the author here.
    expectStatus(statuses, { CHAIR: 200, SECRETARY: 200, EDITOR: 200, MEMBER: 200, OBSERVER: 403, outsider: 404 });
    const other = await createCollabFixture();
    const byEditor = await commentAs(other.people.EDITOR.id, other.documentId, { intent: "create", type: "EDITORIAL", body: "typo" });
    const commentId = (byEditor.body as { params: { commentId: string } }).params.commentId;
    expect((await commentAs(other.people.MEMBER.id, other.documentId, { intent: "resolve", commentId })).status).toBe(403);
    expect(await auditCount(fixture.projectId, "comment.resolved")).toBe(4);
    expect(await auditCount(fixture.projectId, "comment.reopened")).toBe(4);
  });

  test("recording a decision: editors, secretary and chair; members and observers 403; outsiders 404", async () => {
    const fixture = await fixtureWithComment();
    const statuses = {} as Record<Who, number>;
    for (const who of everyone) {
      statuses[who] = (
        await commentAs(fixture.people[who].id, fixture.documentId, { intent: "dispose", commentId: fixture.commentId, decision: "ACCEPTED_IN_PRINCIPLE", reason: `by ${who}` })
      ).status;
    }
    expectStatus(statuses, { CHAIR: 200, SECRETARY: 200, EDITOR: 200, MEMBER: 403, OBSERVER: 403, outsider: 404 });
    const disposition = await prisma.disposition.findUniqueOrThrow({ where: { commentId: fixture.commentId }, select: { reason: true, decidedById: true } });
    expect(disposition).toEqual({ reason: "by EDITOR", decidedById: fixture.people.EDITOR.id });
    expect(await auditCount(fixture.projectId, "comment.disposed")).toBe(3);
    // The author hears of it.
    expect(await prisma.notification.count({ where: { userId: fixture.people.MEMBER.id, kind: "comment.disposed" } })).toBe(3);
  });

  test("applying a proposed change: those who may edit the text; others 403; outsiders 404", async () => {
    const fixture = await fixtureWithComment();
    const statuses = {} as Record<Who, number>;
    for (const who of everyone) {
      statuses[who] = (await commentAs(fixture.people[who].id, fixture.documentId, { intent: "changeApplied", commentId: fixture.commentId })).status;
    }
    expectStatus(statuses, { CHAIR: 200, SECRETARY: 200, EDITOR: 200, MEMBER: 403, OBSERVER: 403, outsider: 404 });
    expect(await auditCount(fixture.projectId, "comment.change_applied")).toBe(3);
  });

  test("a comment id from another document is not found there", async () => {
    const first = await fixtureWithComment();
    const second = await createCollabFixture();
    await prisma.membership.create({ data: { committeeId: second.committee.id, userId: first.people.EDITOR.id, role: "EDITOR" } });
    const result = await commentAs(first.people.EDITOR.id, second.documentId, { intent: "dispose", commentId: first.commentId, decision: "NOTED", reason: "" });
    expect(result.status).toBe(404);
    expect(await prisma.disposition.count({ where: { commentId: first.commentId } })).toBe(0);
  });
});

describe("bad input gets a clear answer and changes nothing", () => {
  test("empty, oversized, untyped and badly anchored comments", async () => {
    const fixture = await createCollabFixture();
    const member = fixture.people.MEMBER.id;
    const empty = await commentAs(member, fixture.documentId, { intent: "create", type: "GENERAL", body: "   " });
    expect(empty.status).toBe(400);
    expect(empty.body).toMatchObject({ fieldErrors: { body: ["comments.errors.bodyRequired"] } });
    const huge = await commentAs(member, fixture.documentId, { intent: "create", type: "GENERAL", body: "x".repeat(10_001) });
    expect(huge.body).toMatchObject({ fieldErrors: { body: ["comments.errors.bodyTooLong"] } });
    const untyped = await commentAs(member, fixture.documentId, { intent: "create", type: "URGENT", body: "hello" });
    expect(untyped.body).toMatchObject({ fieldErrors: { type: ["comments.errors.typeRequired"] } });
    const badAnchor = await commentAs(member, fixture.documentId, { intent: "create", type: "GENERAL", body: "hello", anchorStart: "bm90IGEgcG9z", anchorEnd: "!!" });
    expect(badAnchor.status).toBe(400);
    expect(badAnchor.body).toMatchObject({ error: "comments.errors.badAnchor" });
    const unknownClause = await commentAs(member, fixture.documentId, { intent: "create", type: "GENERAL", body: "hello", clauseId: "nosuchclause" });
    expect(unknownClause.body).toMatchObject({ error: "comments.errors.unknownClause" });
    expect(await prisma.comment.count({ where: { documentId: fixture.documentId } })).toBe(0);
    expect(await prisma.auditEvent.count({ where: { projectId: fixture.projectId, type: "comment.created" } })).toBe(0);
  });

  test("HTML and script are kept as text; the clause and quote come from the server's text", async () => {
    const fixture = await createCollabFixture();
    const anchor = await anchorOf(fixture.documentId, "本文件适用于");
    const body = '<script>alert("x")</script><b>bold</b>';
    const created = await commentAs(fixture.people.MEMBER.id, fixture.documentId, { intent: "create", type: "GENERAL", body, quote: "forged", clauseId: "forged", ...anchor });
    expect(created.status).toBe(200);
    const listed = jsonOf<{ threads: { body: string; quote: string; clauseId: string | null }[] }>((await listAs(fixture.people.OBSERVER.id, fixture.documentId)).body);
    expect(listed.threads[0]?.body).toBe(body);
    expect(listed.threads[0]?.quote).toBe("本文件适用于");
    expect(listed.threads[0]?.clauseId).not.toBe("forged");
    expect(listed.threads[0]?.clauseId).toBeTruthy();
  });

  test("mentions notify the committee members named with @", async () => {
    const fixture = await createCollabFixture();
    const editor = await prisma.user.findUniqueOrThrow({ where: { id: fixture.people.EDITOR.id }, select: { name: true } });
    await commentAs(fixture.people.MEMBER.id, fixture.documentId, { intent: "create", type: "GENERAL", body: `@${editor.name} please look` });
    expect(await prisma.notification.count({ where: { userId: fixture.people.EDITOR.id, kind: "comment.mention" } })).toBe(1);
    expect(await prisma.notification.count({ where: { userId: fixture.people.CHAIR.id, kind: "comment.mention" } })).toBe(0);
  });
});
