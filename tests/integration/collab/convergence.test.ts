// Real y-websocket providers against the real server and PostgreSQL: concurrent editing converges,
// offline edits merge on reconnect, and a change that arrives before the one it builds on is kept.
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { yXmlFragmentToProsemirrorJSON } from "y-prosemirror";
import * as Y from "yjs";
import { PROSEMIRROR_FRAGMENT } from "~/editor/collab-protocol";
import { schema } from "~/editor/schema";
import { prisma } from "~/utils/db.server";
import { useTestDatabase } from "../../setup/test-database";
import { CollabClient, updateMessage } from "./support/collab-client";
import { cookieFor, createCollabFixture, type CollabFixture } from "./support/fixtures";
import { loadStoredDoc } from "./support/stored-document";
import { startCollabTestServer, type TestServer } from "./support/test-server";
import { sleep, waitFor } from "./support/wait";

useTestDatabase();

let server: TestServer;
let fixture: CollabFixture;
const clients: CollabClient[] = [];
const open = (cookie: string) => {
  const client = new CollabClient(server.url, fixture.documentId, cookie);
  clients.push(client);
  return client;
};

beforeAll(async () => {
  server = await startCollabTestServer();
});
afterEach(() => {
  for (const client of clients.splice(0)) client.destroy();
});
afterAll(async () => {
  await server.close();
});

describe("convergence", () => {
  test("three clients editing concurrently converge, and what is stored equals what they see", async () => {
    fixture = await createCollabFixture();
    const { CHAIR, SECRETARY, EDITOR } = fixture.people;
    const [a, b, c] = await Promise.all([CHAIR, SECRETARY, EDITOR].map(async (p) => open(await cookieFor(p.id))));
    await waitFor(() => [a, b, c].every((client) => client.synced), "all three to sync");

    // The template came from the server, once, before anyone typed.
    const stored = await prisma.document.findUniqueOrThrow({ where: { id: fixture.documentId }, select: { content: true } });
    const initial = yXmlFragmentToProsemirrorJSON(a.doc.getXmlFragment(PROSEMIRROR_FRAGMENT));
    expect(schema.nodeFromJSON(initial).eq(schema.nodeFromJSON(stored.content))).toBe(true);

    const rounds = 40;
    for (let round = 0; round < rounds; round++) {
      for (const [name, client] of [["a", a], ["b", b], ["c", c]] as const) client.insert(`${name}${round};`);
      if (round % 4 === 0) await sleep(3);
    }
    const expectedLength = [a, b, c].reduce((n, client) => n + client.text.length, 0) / 3;
    await waitFor(
      () => a.text.toString() === b.text.toString() && b.text.toString() === c.text.toString(),
      "the three texts to converge",
    );
    expect(a.text.length).toBeGreaterThanOrEqual(expectedLength);
    for (const name of ["a", "b", "c"]) {
      for (let round = 0; round < rounds; round++) expect(a.text.toString()).toContain(`${name}${round};`);
    }
    await waitFor(() => [a, b, c].every((client) => client.saved), "every client to be told its edits are stored").catch((e) => {
      for (const cl of [a, b, c]) console.warn(cl.persistedMessages, cl.sentDocumentMessages, cl.persistedAcks, [...cl.persisted], [...cl.doc.store.clients.keys()].map((k) => [k, cl.doc.store.clients.get(k)?.length]));
      throw e;
    });

    const storedDoc = await loadStoredDoc(fixture.documentId);
    expect(storedDoc.getText("test").toString()).toBe(a.text.toString());
    expect(storedDoc.getXmlFragment(PROSEMIRROR_FRAGMENT).toJSON()).toBe(a.doc.getXmlFragment(PROSEMIRROR_FRAGMENT).toJSON());
  });

  test("a client that edits offline merges its edits when it reconnects", async () => {
    fixture = await createCollabFixture();
    const { CHAIR, EDITOR } = fixture.people;
    const online = open(await cookieFor(CHAIR.id));
    const traveller = open(await cookieFor(EDITOR.id));
    await waitFor(() => online.synced && traveller.synced, "both to sync");
    online.insert("shared;", 0);
    await waitFor(() => traveller.text.toString().includes("shared;"), "the shared text to arrive");

    traveller.disconnect();
    for (let i = 0; i < 10; i++) traveller.insert(`offline${i};`);
    traveller.text.delete(traveller.text.toString().indexOf("shared;"), "shared;".length); // a deletion, offline
    for (let i = 0; i < 10; i++) online.insert(`online${i};`);
    await sleep(100);
    expect(online.text.toString()).not.toContain("offline");

    traveller.connect();
    await waitFor(() => online.text.toString() === traveller.text.toString(), "the two texts to converge");
    for (let i = 0; i < 10; i++) {
      expect(online.text.toString()).toContain(`offline${i};`);
      expect(online.text.toString()).toContain(`online${i};`);
    }
    expect(online.text.toString()).not.toContain("shared;");
    await waitFor(() => traveller.saved && online.saved, "both to be told their edits are stored");
    const storedDoc = await loadStoredDoc(fixture.documentId);
    expect(storedDoc.getText("test").toString()).toBe(online.text.toString());
  });

  test("a change that arrives before the one it builds on is kept, relayed and stored with it", async () => {
    fixture = await createCollabFixture();
    const { CHAIR, EDITOR } = fixture.people;
    const sender = open(await cookieFor(EDITOR.id));
    const receiver = open(await cookieFor(CHAIR.id));
    await waitFor(() => sender.synced && receiver.synced, "both to sync");
    // Two changes, the second building on the first, sent in reverse order: the server must keep
    // the second until the first arrives, and relay and store both.
    const author = new Y.Doc();
    const text = author.getText("test");
    const changeOf = (change: () => void) => {
      const before = Y.encodeStateVector(author);
      change();
      return Y.encodeStateAsUpdate(author, before);
    };
    const first = changeOf(() => text.insert(0, "first;"));
    const second = changeOf(() => text.insert(6, "second;"));
    sender.sendRaw(updateMessage(second));
    await sleep(200);
    expect(receiver.text.toString()).toBe("");
    sender.sendRaw(updateMessage(first));
    await waitFor(() => receiver.text.toString() === "first;second;", "both changes at the receiver");

    await server.collab.flush();
    expect((await loadStoredDoc(fixture.documentId)).getText("test").toString()).toBe("first;second;");
  });
});
