// Server-side edits go through the live document: connected clients see them and they are stored
// like any other update; never written to the stored bytes behind the live document's back.
import { afterAll, afterEach, beforeAll, expect, test } from "vitest";
import { updateYFragment, yXmlFragmentToProsemirrorJSON } from "y-prosemirror";
import { Transform } from "prosemirror-transform";
import { PROSEMIRROR_FRAGMENT } from "~/editor/collab-protocol";
import { schema } from "~/editor/schema";
import { prisma } from "~/utils/db.server";
import { applyServerEdit, DocumentNotFoundError } from "../../../server/collab";
import { useTestDatabase } from "../../setup/test-database";
import { CollabClient } from "./support/collab-client";
import { cookieFor, createCollabFixture } from "./support/fixtures";
import { loadStoredDoc } from "./support/stored-document";
import { startCollabTestServer, type TestServer } from "./support/test-server";
import { waitFor } from "./support/wait";

useTestDatabase();

let server: TestServer;
const clients: CollabClient[] = [];
beforeAll(async () => {
  server = await startCollabTestServer();
});
afterEach(() => {
  for (const client of clients.splice(0)) client.destroy();
});
afterAll(async () => {
  await server.close();
});

test("a server edit reaches connected clients and is stored under the acting user", async () => {
  const fixture = await createCollabFixture();
  const client = new CollabClient(server.url, fixture.documentId, await cookieFor(fixture.people.EDITOR.id));
  clients.push(client);
  await waitFor(() => client.synced, "sync");
  client.insert("typed;", 0);

  await server.collab.applyServerEdit(fixture.documentId, (doc) => doc.getText("test").insert(0, "restored;"), {
    userId: fixture.people.CHAIR.id,
  });
  // Resolved only once stored.
  const rows = await prisma.documentUpdate.findMany({ where: { documentId: fixture.documentId, userId: fixture.people.CHAIR.id } });
  expect(rows).toHaveLength(1);
  await waitFor(() => client.text.toString().includes("restored;"), "the server edit to reach the client");
  expect(client.text.toString()).toContain("typed;");
});

test("a ProseMirror document applied with updateYFragment changes only what differs", async () => {
  const fixture = await createCollabFixture();
  const client = new CollabClient(server.url, fixture.documentId, await cookieFor(fixture.people.EDITOR.id));
  clients.push(client);
  await waitFor(() => client.synced, "sync");
  const current = schema.nodeFromJSON(yXmlFragmentToProsemirrorJSON(client.doc.getXmlFragment(PROSEMIRROR_FRAGMENT)));
  // The current document with text inserted into its first paragraph, as a restore or import would
  // produce a whole new ProseMirror document.
  let paragraphStart = -1;
  current.descendants((node, pos) => {
    if (paragraphStart < 0 && node.type.name === "paragraph") paragraphStart = pos + 1;
    return paragraphStart < 0;
  });
  const edited = new Transform(current).insert(paragraphStart, schema.text("Imported foreword text. ")).doc;
  const untouched = client.doc.getXmlFragment(PROSEMIRROR_FRAGMENT).get(1);

  await server.collab.applyServerEdit(
    fixture.documentId,
    (doc) => updateYFragment(doc, doc.getXmlFragment(PROSEMIRROR_FRAGMENT), edited, { mapping: new Map(), isOMark: new Map() }),
    { userId: null },
  );
  await waitFor(() => client.doc.getXmlFragment(PROSEMIRROR_FRAGMENT).toString().includes("Imported foreword text."), "the import");
  const seen = schema.nodeFromJSON(yXmlFragmentToProsemirrorJSON(client.doc.getXmlFragment(PROSEMIRROR_FRAGMENT)));
  expect(seen.eq(edited)).toBe(true);
  // A minimal change: the unchanged second block is the same Yjs element, not a rewritten copy.
  expect(client.doc.getXmlFragment(PROSEMIRROR_FRAGMENT).get(1)).toBe(untouched);
  const stored = await loadStoredDoc(fixture.documentId);
  expect(schema.nodeFromJSON(yXmlFragmentToProsemirrorJSON(stored.getXmlFragment(PROSEMIRROR_FRAGMENT))).eq(edited)).toBe(true);
});

test("applyServerEdit loads a document nobody has open, and refuses unknown ones", async () => {
  const fixture = await createCollabFixture();
  // The module-level function reaches the server registered last in this process.
  await applyServerEdit(fixture.documentId, (doc) => doc.getText("test").insert(0, "while-closed;"), { userId: null });
  expect((await loadStoredDoc(fixture.documentId)).getText("test").toString()).toBe("while-closed;");
  await expect(server.collab.applyServerEdit("nosuchdocument", () => undefined, { userId: null })).rejects.toBeInstanceOf(DocumentNotFoundError);
});
