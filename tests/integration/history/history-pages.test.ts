// The history page's data (versions, edit sessions named by today's clause numbers) and the version
// page's comments, through their loaders, with the access rules of every project page.
import { beforeAll, expect, test } from "vitest";
import { annex, clause, doc, foreword, p, title } from "~/editor/test-builders";
import { loader as historyLoader } from "~/routes/projects.$projectId_.history";
import { loader as versionLoader } from "~/routes/projects.$projectId_.versions_.$versionId";
import { prisma } from "~/utils/db.server";
import { createProjectWithDocument, createStaffedCommittee } from "../../factories";
import { call, getRequest, sessionCookieFor } from "../../route-helpers";
import { useTestDatabase } from "../../setup/test-database";

useTestDatabase();

let staffed: Awaited<ReturnType<typeof createStaffedCommittee>>;
let projectId: string;
let documentId: string;
let versionId: string;

const content = doc(
  foreword({ id: "fw" }, p("前言")),
  clause({ id: "c-1", kind: "scope" }, title("范围"), p("本文件规定了……")),
  clause({ id: "c-2" }, title("要求"), p("一般要求"), clause({ id: "c-2-1" }, title("分项"), p("…")), clause({ id: "c-2-2" }, title("分项二"), p("…"))),
  annex({ id: "annex-a" }, title("试验方法"), p("…")),
).toJSON();

beforeAll(async () => {
  staffed = await createStaffedCommittee();
  const project = await createProjectWithDocument({ committeeId: staffed.committee.id, createdById: staffed.people.EDITOR.id, content });
  projectId = project.id;
  documentId = project.documents[0].id;
  const at = (iso: string) => new Date(iso);
  await prisma.editSession.createMany({
    data: [
      { documentId, userId: staffed.people.EDITOR.id, startedAt: at("2026-11-20T06:00:00Z"), endedAt: at("2026-11-20T06:30:00Z"), clauseIds: ["c-2-2", "annex-a"], updates: 12 },
      { documentId, userId: staffed.people.CHAIR.id, startedAt: at("2026-11-20T06:10:00Z"), endedAt: at("2026-11-20T06:20:00Z"), clauseIds: ["removed-clause", "fw"], updates: 3 },
    ],
  });
  const version = await prisma.version.create({
    data: { projectId, documentId, label: "征求意见稿", stage: "enquiry", yState: new Uint8Array([0]), content, fingerprint: "f".repeat(64), createdById: staffed.people.SECRETARY.id, createdAt: at("2026-11-21T02:00:00Z") },
    select: { id: true },
  });
  versionId = version.id;
  const comment = await prisma.comment.create({
    data: { documentId, versionId, authorId: staffed.people.MEMBER.id, organization: "某某汽车有限公司", clauseId: "c-2-1", type: "TECHNICAL", body: "<b>not markup</b> 建议提高限值", proposedChange: "改为 250 A" },
    select: { id: true },
  });
  await prisma.disposition.create({ data: { commentId: comment.id, decision: "ACCEPTED_IN_PRINCIPLE", reason: "部分采纳", decidedById: staffed.people.SECRETARY.id } });
  await prisma.comment.create({ data: { documentId, versionId, parentId: comment.id, authorId: staffed.people.EDITOR.id, body: "同意" } });
  await prisma.comment.create({ data: { documentId, versionId, authorId: staffed.people.OBSERVER.id, clauseId: null, type: "GENERAL", body: "总体意见" } });
  // A comment on the live text, not on this version: not listed.
  await prisma.comment.create({ data: { documentId, authorId: staffed.people.MEMBER.id, clauseId: "c-1", body: "live" } });
});

type HistoryData = {
  versions: Array<{ id: string; label: string; createdBy: string }>;
  sessions: Array<{ userName: string; partIds: string[]; updates: number }>;
  parts: Array<{ id: string; kind: string; number: string }>;
};

test("the history lists versions and sessions, naming parts by their number in the current text", async () => {
  const result = await call(historyLoader, getRequest(`/projects/${projectId}/history`, await sessionCookieFor(staffed.people.OBSERVER.id)), { projectId });
  expect(result.status).toBe(200);
  const data = result.body as HistoryData;
  expect(data.versions).toEqual([expect.objectContaining({ id: versionId, label: "征求意见稿", createdBy: staffed.people.SECRETARY.name })]);
  expect(data.sessions.map((s) => [s.userName, s.partIds, s.updates])).toEqual([
    [staffed.people.EDITOR.name, ["c-2-2", "annex-a"], 12],
    [staffed.people.CHAIR.name, ["removed-clause", "fw"], 3],
  ]);
  const parts = Object.fromEntries(data.parts.map((part) => [part.id, `${part.kind} ${part.number}`.trim()]));
  expect(parts).toEqual({ "c-2-2": "clause 2.2", "annex-a": "annex A", "removed-clause": "deleted", fw: "foreword" });
});

test("the history is closed to outsiders (404)", async () => {
  const result = await call(historyLoader, getRequest(`/projects/${projectId}/history`, await sessionCookieFor(staffed.people.outsider.id)), { projectId });
  expect(result.status).toBe(404);
});

type VersionData = {
  comments: Array<{
    author: string;
    organization: string;
    clause: { kind: string; number: string };
    type: string | null;
    body: string;
    proposedChange: string;
    disposition: { decision: string; reason: string } | null;
    replies: Array<{ author: string; body: string }>;
  }>;
};

test("a version's page lists the comments made on it, with their clause, type and decision", async () => {
  const result = await call(versionLoader, getRequest(`/projects/${projectId}/versions/${versionId}`, await sessionCookieFor(staffed.people.OBSERVER.id)), { projectId, versionId });
  expect(result.status).toBe(200);
  const { comments } = result.body as VersionData;
  expect(comments).toHaveLength(2);
  expect(comments[0]).toMatchObject({
    author: staffed.people.MEMBER.name,
    organization: "某某汽车有限公司",
    clause: { kind: "clause", number: "2.1" },
    type: "TECHNICAL",
    body: "<b>not markup</b> 建议提高限值",
    proposedChange: "改为 250 A",
    disposition: { decision: "ACCEPTED_IN_PRINCIPLE", reason: "部分采纳" },
    replies: [{ author: staffed.people.EDITOR.name, body: "同意" }],
  });
  expect(comments[1]).toMatchObject({ clause: { kind: "general" }, body: "总体意见", disposition: null, replies: [] });
});

test("another project's version id is not found there", async () => {
  const other = await createProjectWithDocument({ committeeId: staffed.committee.id, createdById: staffed.people.EDITOR.id });
  const result = await call(versionLoader, getRequest(`/projects/${other.id}/versions/${versionId}`, await sessionCookieFor(staffed.people.CHAIR.id)), { projectId: other.id, versionId });
  expect(result.status).toBe(404);
});
