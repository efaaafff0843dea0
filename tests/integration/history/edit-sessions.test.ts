// Edit sessions recorded by the collaboration server: who edited which clauses, one session per
// person until they pause for more than 30 minutes, written with the stored batch. Real clients on
// a real server; the sessions' clock is injected, so a half-hour pause takes no time.
import { afterAll, afterEach, beforeAll, expect, test } from "vitest";
import * as Y from "yjs";
import { PROSEMIRROR_FRAGMENT } from "~/editor/collab-protocol";
import { prisma } from "~/utils/db.server";
import { touchedElementIds } from "../../../server/collab/edit-sessions";
import { useTestDatabase } from "../../setup/test-database";
import { CollabClient } from "../collab/support/collab-client";
import { cookieFor, createCollabFixture, type CollabFixture } from "../collab/support/fixtures";
import { startCollabTestServer, type TestServer } from "../collab/support/test-server";
import { waitFor } from "../collab/support/wait";

useTestDatabase();

const START = Date.parse("2026-11-25T06:00:00Z");
let clock = START;
let server: TestServer;
const clients: CollabClient[] = [];

beforeAll(async () => {
  server = await startCollabTestServer({ now: () => clock });
});
afterEach(() => {
  for (const client of clients.splice(0)) client.destroy();
});
afterAll(async () => {
  await server.close();
});

/** The top-level clauses and annexes of a document, in order. */
function sections(doc: Y.Doc): Y.XmlElement[] {
  return doc
    .getXmlFragment(PROSEMIRROR_FRAGMENT)
    .toArray()
    .filter((child): child is Y.XmlElement => child instanceof Y.XmlElement && (child.nodeName === "clause" || child.nodeName === "annex"));
}

function idOf(element: Y.XmlElement): string {
  const id = element.getAttribute("id");
  if (typeof id !== "string") throw new Error("element without id");
  return id;
}

/** Types into the title of the index-th clause, as y-prosemirror would. */
function typeInClauseTitle(client: CollabClient, index: number, text: string): string {
  const clause = sections(client.doc)[index];
  const title = clause.get(0);
  if (!(title instanceof Y.XmlElement)) throw new Error("clause without title");
  client.doc.transact(() => {
    const first = title.get(0);
    if (first instanceof Y.XmlText) first.insert(0, text);
    else title.insert(0, [new Y.XmlText(text)]);
  });
  return idOf(clause);
}

async function connect(fixture: CollabFixture, userId: string): Promise<CollabClient> {
  const client = new CollabClient(server.url, fixture.documentId, await cookieFor(userId));
  clients.push(client);
  await waitFor(() => client.synced, "sync");
  return client;
}

async function stored(client: CollabClient): Promise<void> {
  await waitFor(() => client.saved, "the edit to be stored");
}

function sessionsOf(documentId: string) {
  return prisma.editSession.findMany({
    where: { documentId },
    orderBy: [{ startedAt: "asc" }, { userId: "asc" }],
    select: { userId: true, clauseIds: true, updates: true, startedAt: true, endedAt: true },
  });
}

test("two people editing different clauses make two sessions naming those clauses", async () => {
  clock = START;
  const fixture = await createCollabFixture();
  const editor = await connect(fixture, fixture.people.EDITOR.id);
  const chair = await connect(fixture, fixture.people.CHAIR.id);

  const scope = typeInClauseTitle(editor, 0, "E1 ");
  const references = typeInClauseTitle(chair, 1, "C1 ");
  await stored(editor);
  await stored(chair);

  const sessions = await sessionsOf(fixture.documentId);
  expect(sessions).toHaveLength(2);
  const byUser = new Map(sessions.map((s) => [s.userId, s]));
  expect(byUser.get(fixture.people.EDITOR.id)?.clauseIds).toEqual([scope]);
  expect(byUser.get(fixture.people.CHAIR.id)?.clauseIds).toEqual([references]);
  expect(byUser.get(fixture.people.EDITOR.id)?.startedAt.getTime()).toBe(START);

  // Ten minutes later the editor edits another clause: the same session, now naming both.
  clock = START + 10 * 60_000;
  const terms = typeInClauseTitle(editor, 2, "E2 ");
  await stored(editor);
  const after = await prisma.editSession.findMany({ where: { documentId: fixture.documentId, userId: fixture.people.EDITOR.id }, select: { clauseIds: true, updates: true, startedAt: true, endedAt: true } });
  expect(after).toHaveLength(1);
  expect(after[0].clauseIds).toEqual([scope, terms]);
  expect(after[0].updates).toBe(2);
  expect(after[0].startedAt.getTime()).toBe(START);
  expect(after[0].endedAt.getTime()).toBe(START + 10 * 60_000);
  // Nothing else was read or written for the chair.
  expect((await sessionsOf(fixture.documentId)).filter((s) => s.userId === fixture.people.CHAIR.id)).toHaveLength(1);
});

test("a pause of more than 30 minutes starts a new session", async () => {
  clock = START;
  const fixture = await createCollabFixture();
  const editor = await connect(fixture, fixture.people.EDITOR.id);
  const scope = typeInClauseTitle(editor, 0, "before ");
  await stored(editor);

  clock = START + 31 * 60_000;
  const references = typeInClauseTitle(editor, 1, "after ");
  await stored(editor);

  const sessions = await sessionsOf(fixture.documentId);
  expect(sessions.map((s) => ({ clauseIds: s.clauseIds, startedAt: s.startedAt.getTime(), endedAt: s.endedAt.getTime() }))).toEqual([
    { clauseIds: [scope], startedAt: START, endedAt: START },
    { clauseIds: [references], startedAt: START + 31 * 60_000, endedAt: START + 31 * 60_000 },
  ]);
});

test("a server edit on someone's behalf (a restore) counts as theirs", async () => {
  clock = START;
  const fixture = await createCollabFixture();
  const observer = await connect(fixture, fixture.people.CHAIR.id);
  let target = "";
  await server.collab.applyServerEdit(
    fixture.documentId,
    (doc) => {
      const clause = sections(doc)[0];
      target = idOf(clause);
      const title = clause.get(0);
      if (title instanceof Y.XmlElement) title.insert(0, [new Y.XmlText("restored ")]);
    },
    { userId: fixture.people.SECRETARY.id },
  );
  await waitFor(() => observer.saved, "the chair's copy to be stored");
  const sessions = await sessionsOf(fixture.documentId);
  expect(sessions).toEqual([expect.objectContaining({ userId: fixture.people.SECRETARY.id, clauseIds: [target] })]);
});

test("the parts named are the nearest clause, term entry or annex, and new elements by their own id", () => {
  const doc = new Y.Doc();
  const root = doc.getXmlFragment(PROSEMIRROR_FRAGMENT);
  const clause = new Y.XmlElement("clause");
  const subclause = new Y.XmlElement("clause");
  const paragraph = new Y.XmlElement("paragraph");
  const note = new Y.XmlElement("note");
  const noteParagraph = new Y.XmlElement("paragraph");
  doc.transact(() => {
    root.insert(0, [clause]);
    clause.setAttribute("id", "c-5");
    clause.insert(0, [paragraph, note, subclause]);
    subclause.setAttribute("id", "c-5-2");
    paragraph.insert(0, [new Y.XmlText("text of 5")]);
    note.insert(0, [noteParagraph]);
    noteParagraph.insert(0, [new Y.XmlText("a note")]);
  });

  const touched: string[][] = [];
  doc.on("update", (_update: Uint8Array, _origin: unknown, _doc: Y.Doc, transaction: Y.Transaction) => touched.push(touchedElementIds(transaction)));
  // Typing in a note inside 5 is an edit of 5.
  doc.transact(() => (noteParagraph.get(0) as Y.XmlText).insert(0, "x"));
  // A new subclause, titled in the same transaction, is named by its own id.
  doc.transact(() => {
    const added = new Y.XmlElement("clause");
    subclause.insert(0, [added]);
    added.setAttribute("id", "c-5-2-1");
    added.insert(0, [new Y.XmlText("new")]);
  });
  // Deleting a paragraph of 5 is an edit of 5; changing 5.2's attributes is an edit of 5.2.
  doc.transact(() => clause.delete(0, 1));
  doc.transact(() => subclause.setAttribute("kind", "general"));
  expect(touched).toEqual([["c-5"], ["c-5-2", "c-5-2-1"], ["c-5"], ["c-5-2"]]);
});

test("an edit that names no part (a whole clause deleted) still counts in the person's session", async () => {
  clock = START;
  const fixture = await createCollabFixture();
  const editor = await connect(fixture, fixture.people.EDITOR.id);
  const root = editor.doc.getXmlFragment(PROSEMIRROR_FRAGMENT);
  const last = root.length - 1;
  editor.doc.transact(() => root.delete(last, 1));
  await stored(editor);
  const sessions = await sessionsOf(fixture.documentId);
  expect(sessions.map((s) => ({ userId: s.userId, clauseIds: s.clauseIds, updates: s.updates }))).toEqual([
    { userId: fixture.people.EDITOR.id, clauseIds: [], updates: 1 },
  ]);
});

test("more typing in parts already recorded is written within the interval with no further edit, and at once on shutdown", async () => {
  clock = START;
  // Long enough that the second edit is stored and checked before the first write falls due.
  const intervalMs = 2_000;
  const own = await startCollabTestServer({ now: () => clock, sessionWriteIntervalMs: intervalMs });
  const fixture = await createCollabFixture();
  const editor = new CollabClient(own.url, fixture.documentId, await cookieFor(fixture.people.EDITOR.id));
  try {
    await waitFor(() => editor.synced, "sync");
    const updatesStored = async () => (await sessionsOf(fixture.documentId)).map((s) => s.updates);

    const scope = typeInClauseTitle(editor, 0, "a");
    await stored(editor);
    expect(await updatesStored()).toEqual([1]);

    // The same clause again, a minute later by the sessions' clock: stored and acknowledged, but the
    // session's new end and count wait (nothing new to name).
    clock = START + 60_000;
    typeInClauseTitle(editor, 0, "b");
    await stored(editor);
    expect(await updatesStored()).toEqual([1]);
    const waitingSince = Date.now();

    // Written by the server within the interval, with no edit to carry it.
    let after: Awaited<ReturnType<typeof sessionsOf>> = [];
    for (let deadline = Date.now() + intervalMs + 5_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 25))) {
      after = await sessionsOf(fixture.documentId);
      if (after[0]?.updates === 2) break;
    }
    expect(after.map((s) => ({ clauseIds: s.clauseIds, updates: s.updates, endedAt: s.endedAt.getTime() }))).toEqual([
      { clauseIds: [scope], updates: 2, endedAt: START + 60_000 },
    ]);
    expect(Date.now() - waitingSince).toBeLessThan(intervalMs + 2_000);

    // What waits at shutdown is written before the server is gone.
    clock = START + 120_000;
    typeInClauseTitle(editor, 0, "c");
    await stored(editor);
    editor.destroy();
    await own.close();
    const final = await sessionsOf(fixture.documentId);
    expect(final.map((s) => ({ updates: s.updates, endedAt: s.endedAt.getTime() }))).toEqual([{ updates: 3, endedAt: START + 120_000 }]);
  } finally {
    editor.destroy();
    await own.close();
  }
});
