// The register wired to the database: clause order and live clause numbers, anchors that lost their
// text, the exports read back, the import of a filled-in ISO/IEC template (20 rows land anchored to
// their clauses; a malformed file or an unknown clause imports nothing and names the row and column),
// who may see, export and import, and comment periods (open on a frozen text, close, the job).
import ExcelJS from "exceljs";
import * as Y from "yjs";
import { describe, expect, test } from "vitest";
import { exportIsoRegisterXlsx, isoLayout } from "~/comments/register-iso-xlsx.server";
import { sampleHeader, sampleRows } from "~/comments/register-fixtures";
import { PROSEMIRROR_FRAGMENT } from "~/editor/collab-protocol";
import { closeDueCommentPeriods } from "~/jobs/close-comment-periods.server";
import { editingFacts } from "~/models/editing-lock.server";
import { action as periodsAction } from "~/routes/projects.$projectId_.comment-periods";
import { loader as exportLoader } from "~/routes/projects.$projectId_.register_.$format";
import { action as registerAction, loader as registerLoader } from "~/routes/projects.$projectId_.register";
import type { Role } from "~/policies/roles";
import { prisma } from "~/utils/db.server";
import { liveDocuments } from "~/utils/live-documents.server";
import { createCollabFixture } from "../collab/support/fixtures";
import { useTestDatabase } from "../../setup/test-database";
import { call, formRequest, getRequest, sessionCookieFor } from "../../route-helpers";
import { anchorOf, commentAs, useLiveServer } from "./support";

useTestDatabase();
useLiveServer();

type Who = Role | "outsider";
const everyone: Who[] = ["CHAIR", "SECRETARY", "EDITOR", "MEMBER", "OBSERVER", "outsider"];
type Entry = { id: string; clause: string; comment: string; anchorLost: boolean; disposition: { decision: string; reason: string } | null; sequence: number };

async function registerAs(userId: string, projectId: string, period = "all") {
  return call(registerLoader, getRequest(`/projects/${projectId}/register?period=${period}`, await sessionCookieFor(userId)), { projectId });
}

async function exportAs(userId: string, projectId: string, format: string) {
  const request = getRequest(`/projects/${projectId}/register/${format}?period=all`, await sessionCookieFor(userId));
  try {
    return await exportLoader({ request, params: { projectId, format }, context: { cspNonce: "test" } });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

async function importAs(userId: string, projectId: string, bytes: Uint8Array, name = "member-comments.xlsx") {
  const form = new FormData();
  form.set("file", new File([new Uint8Array(bytes)], name, { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }));
  const request = new Request(`http://test.local/projects/${projectId}/register`, { method: "POST", body: form, headers: { Cookie: await sessionCookieFor(userId) } });
  const result = await call(registerAction, request, { projectId });
  return { status: result.status, body: typeof result.body === "string" && result.body.startsWith("{") ? (JSON.parse(result.body) as unknown) : result.body };
}

async function readSheet(bytes: ArrayBuffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error("no sheet");
  return sheet;
}

/** A template filled in as a member would, with clauses of the GB template document. */
async function memberFile(count: number, tamper?: (rows: ReturnType<typeof sampleRows>) => void) {
  const clauses = ["1", "2", "3", "3.1", "4", "全文", "前言"];
  const rows = sampleRows(count).map((row, index) => ({ ...row, clause: clauses[index % clauses.length] ?? "1" }));
  tamper?.(rows);
  return new Uint8Array(await exportIsoRegisterXlsx(sampleHeader, rows));
}

/** Edits the live text as an editor's browser would: inserts text at the start of the scope paragraph. */
async function insertBefore(documentId: string, text: string) {
  await liveDocuments().applyServerEdit(
    documentId,
    (doc) => {
      const fragment = doc.getXmlFragment(PROSEMIRROR_FRAGMENT);
      // foreword, then the first clause (scope): its title, then its first paragraph.
      const clause = fragment.toArray().find((node) => node instanceof Y.XmlElement && node.nodeName === "clause");
      if (!(clause instanceof Y.XmlElement)) throw new Error("no clause");
      const paragraph = clause.toArray().find((node) => node instanceof Y.XmlElement && node.nodeName === "paragraph");
      const textNode = paragraph instanceof Y.XmlElement ? paragraph.get(0) : null;
      if (!(textNode instanceof Y.XmlText)) throw new Error("no text");
      textNode.insert(0, text);
    },
    { userId: null },
  );
}

describe("the register", () => {
  test("lists comments in clause order with decisions, marks lost anchors, and exports what it shows", async () => {
    const fixture = await createCollabFixture();
    const member = fixture.people.MEMBER.id;
    const later = await anchorOf(fixture.documentId, "下列术语和定义适用于本文件");
    const earlier = await anchorOf(fixture.documentId, "本文件适用于");
    const doomed = await anchorOf(fixture.documentId, "本文件规定了");
    const first = await commentAs(member, fixture.documentId, { intent: "create", type: "TECHNICAL", body: "On terms", ...later });
    await commentAs(member, fixture.documentId, { intent: "create", type: "EDITORIAL", body: "On scope", proposedChange: "本标准适用于", ...earlier });
    await commentAs(member, fixture.documentId, { intent: "create", type: "GENERAL", body: "Doomed text", ...doomed });
    const firstId = (first.body as { params: { commentId: string } }).params.commentId;
    await commentAs(fixture.people.SECRETARY.id, fixture.documentId, { intent: "dispose", commentId: firstId, decision: "ACCEPTED", reason: "见修改稿" });

    // Someone deletes the doomed sentence's start and edits before the others.
    await liveDocuments().applyServerEdit(
      fixture.documentId,
      (doc) => {
        const fragment = doc.getXmlFragment(PROSEMIRROR_FRAGMENT);
        const clause = fragment.toArray().find((node) => node instanceof Y.XmlElement && node.nodeName === "clause");
        const paragraph = clause instanceof Y.XmlElement ? clause.toArray().find((n) => n instanceof Y.XmlElement && n.nodeName === "paragraph") : null;
        const textNode = paragraph instanceof Y.XmlElement ? paragraph.get(0) : null;
        if (!(textNode instanceof Y.XmlText)) throw new Error("no text");
        textNode.delete(0, "本文件规定了".length);
      },
      { userId: null },
    );
    await insertBefore(fixture.documentId, "新增内容。");

    const listed = await registerAs(fixture.people.OBSERVER.id, fixture.projectId);
    expect(listed.status).toBe(200);
    const entries = (listed.body as { entries: Entry[] }).entries;
    expect(entries.map((e) => [e.sequence, e.clause, e.comment, e.anchorLost])).toEqual([
      [1, "1", "Doomed text", true],
      [2, "1", "On scope", false],
      [3, "3", "On terms", false],
    ]);
    expect(entries[2]?.disposition).toMatchObject({ decision: "accepted", reason: "见修改稿" });
    expect(await prisma.comment.count({ where: { documentId: fixture.documentId, anchorLost: true } })).toBe(1);

    const response = await exportAs(fixture.people.MEMBER.id, fixture.projectId, "iso.xlsx");
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toContain("spreadsheetml");
    const sheet = await readSheet(await response.arrayBuffer());
    const row = (r: number) => [1, 3, 5, 6, 7, 8].map((c) => sheet.getCell(r, c).text);
    expect(row(isoLayout.firstDataRow + 2)).toEqual([fixture.people.MEMBER.affiliation, "3", "te", "On terms", "", "采纳：见修改稿"]);
    expect(row(isoLayout.firstDataRow + 1)).toEqual([fixture.people.MEMBER.affiliation, "1", "ed", "On scope", "本标准适用于", ""]);

    const chinese = await exportAs(fixture.people.MEMBER.id, fixture.projectId, "cn.xlsx");
    expect(chinese.status).toBe(200);
    const cnSheet = await readSheet(await chinese.arrayBuffer());
    const texts: string[] = [];
    cnSheet.eachRow((r) => texts.push(r.values?.toString() ?? ""));
    expect(texts.join("\n")).toContain("见修改稿");
    const docx = await exportAs(fixture.people.MEMBER.id, fixture.projectId, "cn.docx");
    expect(docx.status).toBe(200);
    expect(docx.headers.get("Content-Type")).toContain("wordprocessingml");
    expect((await exportAs(fixture.people.MEMBER.id, fixture.projectId, "pdf")).status).toBe(404);
  });

  test("every member and observer sees and exports the register; outsiders get 404", async () => {
    const fixture = await createCollabFixture();
    const statuses: Record<string, [number, number]> = {};
    for (const who of everyone) {
      const page = await registerAs(fixture.people[who].id, fixture.projectId);
      const file = await exportAs(fixture.people[who].id, fixture.projectId, "cn.docx");
      statuses[who] = [page.status, file.status];
    }
    expect(statuses).toEqual({ CHAIR: [200, 200], SECRETARY: [200, 200], EDITOR: [200, 200], MEMBER: [200, 200], OBSERVER: [200, 200], outsider: [404, 404] });
  });
});

describe("importing the ISO/IEC template", () => {
  test("20 rows land as 20 comments anchored to their clauses, with the secretary's decisions", async () => {
    const fixture = await createCollabFixture();
    const result = await importAs(fixture.people.SECRETARY.id, fixture.projectId, await memberFile(20));
    expect(result).toEqual({ status: 200, body: { ok: true, imported: 20 } });
    const comments = await prisma.comment.findMany({ where: { documentId: fixture.documentId }, select: { clauseId: true, importedFrom: true, organization: true } });
    expect(comments).toHaveLength(20);
    expect(comments.every((c) => c.importedFrom === "member-comments.xlsx")).toBe(true);
    // Every row but the General ones names a clause that exists in the text.
    expect(comments.filter((c) => c.clauseId !== null)).toHaveLength(20 - 3);
    const entries = ((await registerAs(fixture.people.MEMBER.id, fixture.projectId)).body as { entries: Entry[] }).entries;
    expect(entries).toHaveLength(20);
    expect(new Set(entries.map((e) => e.clause))).toEqual(new Set(["1", "2", "3", "3.1", "4", "全文", "前言"]));
    expect(await prisma.disposition.count({ where: { comment: { documentId: fixture.documentId } } })).toBe(15);
    expect(await prisma.auditEvent.count({ where: { projectId: fixture.projectId, type: "comment.created" } })).toBe(20);
  });

  test("a malformed file reports the row and column at fault and imports nothing", async () => {
    const fixture = await createCollabFixture();
    const file = await memberFile(20, (rows) => {
      const bad = rows[6];
      if (bad) bad.comment = "";
    });
    const result = await importAs(fixture.people.SECRETARY.id, fixture.projectId, file);
    expect(result.status).toBe(400);
    expect(result.body).toEqual({
      ok: false,
      errors: [expect.objectContaining({ row: isoLayout.firstDataRow + 6, column: "F", messageKey: "register.import.commentRequired" })],
    });
    expect(await prisma.comment.count({ where: { documentId: fixture.documentId } })).toBe(0);
  });

  test("an unknown clause, or a file that is not the template, imports nothing", async () => {
    const fixture = await createCollabFixture();
    const unknown = await memberFile(5, (rows) => {
      const bad = rows[2];
      if (bad) bad.clause = "9.9";
    });
    const result = await importAs(fixture.people.CHAIR.id, fixture.projectId, unknown);
    expect(result.body).toEqual({
      ok: false,
      errors: [expect.objectContaining({ row: isoLayout.firstDataRow + 2, column: "C", messageKey: "register.import.unknownClause" })],
    });
    const notXlsx = await importAs(fixture.people.CHAIR.id, fixture.projectId, new TextEncoder().encode("<html>not a workbook</html>"), "x.xlsx");
    expect(notXlsx.body).toEqual({ ok: false, errors: [expect.objectContaining({ row: null, messageKey: "register.import.notXlsx" })] });
    expect(await prisma.comment.count({ where: { documentId: fixture.documentId } })).toBe(0);
  });

  test("only the chair and the secretary import; outsiders 404", async () => {
    const fixture = await createCollabFixture();
    const file = await memberFile(1);
    const statuses = {} as Record<Who, number>;
    for (const who of everyone) statuses[who] = (await importAs(fixture.people[who].id, fixture.projectId, file)).status;
    expect(statuses).toEqual({ CHAIR: 200, SECRETARY: 200, EDITOR: 403, MEMBER: 403, OBSERVER: 403, outsider: 404 });
    expect(await prisma.comment.count({ where: { documentId: fixture.documentId } })).toBe(2);
  });
});

describe("comment periods", () => {
  const tomorrow = () => new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);

  test("the secretary opens a period on a frozen text; comments carry it; nobody edits; closing reopens editing", async () => {
    const fixture = await createCollabFixture();
    const secretary = await sessionCookieFor(fixture.people.SECRETARY.id);
    const opened = await call(periodsAction, formRequest(`/projects/${fixture.projectId}/comment-periods`, { intent: "open", title: "征求意见稿", closesOn: tomorrow(), observersMayComment: "on" }, secretary), { projectId: fixture.projectId });
    expect(opened.status).toBe(200);
    const period = await prisma.commentPeriod.findFirstOrThrow({ where: { projectId: fixture.projectId }, select: { id: true, versionId: true, observersMayComment: true } });
    expect(period.versionId).not.toBeNull();
    expect(period.observersMayComment).toBe(true);
    expect(await prisma.version.count({ where: { projectId: fixture.projectId, label: "征求意见稿" } })).toBe(1);
    expect((await editingFacts(fixture.projectId))?.commentPeriodOpen).toBe(true);

    const made = await commentAs(fixture.people.OBSERVER.id, fixture.documentId, { intent: "create", type: "GENERAL", body: "observer" });
    expect(made.status).toBe(200);
    expect(await prisma.comment.findFirst({ where: { documentId: fixture.documentId }, select: { periodId: true, versionId: true } })).toEqual({ periodId: period.id, versionId: period.versionId });
    // Applying a proposed change is an edit: refused during the period, even to the editor.
    const commentId = (made.body as { params: { commentId: string } }).params.commentId;
    expect((await commentAs(fixture.people.EDITOR.id, fixture.documentId, { intent: "changeApplied", commentId })).status).toBe(403);

    const again = await call(periodsAction, formRequest(`/projects/${fixture.projectId}/comment-periods`, { intent: "open", title: "second", closesOn: tomorrow() }, secretary), { projectId: fixture.projectId });
    expect(again.status).toBe(409);

    const closed = await call(periodsAction, formRequest(`/projects/${fixture.projectId}/comment-periods`, { intent: "close", periodId: period.id }, secretary), { projectId: fixture.projectId });
    expect(closed.status).toBe(200);
    expect((await editingFacts(fixture.projectId))?.commentPeriodOpen).toBe(false);
    // After it closes: observers no longer comment; decisions continue.
    expect((await commentAs(fixture.people.OBSERVER.id, fixture.documentId, { intent: "create", type: "GENERAL", body: "late" })).status).toBe(403);
    expect((await commentAs(fixture.people.SECRETARY.id, fixture.documentId, { intent: "dispose", commentId, decision: "NOTED", reason: "" })).status).toBe(200);
    // Once the period is over the register shows every comment by default; the period on request.
    const member = fixture.people.MEMBER.id;
    expect((await commentAs(member, fixture.documentId, { intent: "create", type: "GENERAL", body: "on the live draft" })).status).toBe(200);
    const byDefault = (await registerAs(member, fixture.projectId, "")).body as { scope: string; entries: Entry[] };
    expect(byDefault.scope).toBe("all");
    expect(byDefault.entries.map((e) => e.comment).sort()).toEqual(["observer", "on the live draft"]);
    const ofPeriod = (await registerAs(member, fixture.projectId, period.id)).body as { entries: Entry[] };
    expect(ofPeriod.entries.map((e) => e.comment)).toEqual(["observer"]);
    expect((await registerAs(member, fixture.projectId, "nosuchperiod")).status).toBe(404);
  });

  test("only the chair and the secretary manage periods; a bad date changes nothing", async () => {
    const fixture = await createCollabFixture();
    const statuses = {} as Record<Who, number>;
    for (const who of ["EDITOR", "MEMBER", "OBSERVER", "outsider"] as const) {
      const cookie = await sessionCookieFor(fixture.people[who].id);
      statuses[who] = (await call(periodsAction, formRequest(`/projects/${fixture.projectId}/comment-periods`, { intent: "open", title: "x", closesOn: tomorrow() }, cookie), { projectId: fixture.projectId })).status;
    }
    const chair = await sessionCookieFor(fixture.people.CHAIR.id);
    const badDate = await call(periodsAction, formRequest(`/projects/${fixture.projectId}/comment-periods`, { intent: "open", title: "x", closesOn: "soon" }, chair), { projectId: fixture.projectId });
    expect(badDate.status).toBe(400);
    const past = await call(periodsAction, formRequest(`/projects/${fixture.projectId}/comment-periods`, { intent: "open", title: "x", closesOn: "2020-01-01" }, chair), { projectId: fixture.projectId });
    expect(past.body).toMatchObject({ ok: false, error: "comments.period.closesInPast" });
    expect(statuses).toEqual({ EDITOR: 403, MEMBER: 403, OBSERVER: 403, outsider: 404 });
    expect(await prisma.commentPeriod.count({ where: { projectId: fixture.projectId } })).toBe(0);
    // The refused opening froze no version either (one transaction).
    expect(await prisma.version.count({ where: { projectId: fixture.projectId } })).toBe(0);
  });

  test("the job closes periods whose end has passed, once", async () => {
    const fixture = await createCollabFixture();
    const period = await prisma.commentPeriod.create({
      data: { projectId: fixture.projectId, documentId: fixture.documentId, title: "ended", closesAt: new Date(Date.now() - 1000), openedById: fixture.people.SECRETARY.id },
    });
    expect(await closeDueCommentPeriods(new Date())).toBeGreaterThanOrEqual(1);
    expect((await prisma.commentPeriod.findUniqueOrThrow({ where: { id: period.id } })).closedAt).not.toBeNull();
    expect(await closeDueCommentPeriods(new Date())).toBe(0);
    expect(await prisma.auditEvent.count({ where: { projectId: fixture.projectId, type: "comment_period.closed" } })).toBe(1);
  });
});
