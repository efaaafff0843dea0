// Two servers (as two processes would be) joined by one FanOut: clients on either converge, and
// each is told when what it holds is stored, whichever server stored it.
import { afterAll, afterEach, beforeAll, expect, test } from "vitest";
import { InProcessFanOut } from "../../../server/collab";
import { useTestDatabase } from "../../setup/test-database";
import { CollabClient } from "./support/collab-client";
import { cookieFor, createCollabFixture } from "./support/fixtures";
import { loadStoredDoc } from "./support/stored-document";
import { startCollabTestServer, type TestServer } from "./support/test-server";
import { waitFor } from "./support/wait";

useTestDatabase();

const fanOut = new InProcessFanOut();
let left: TestServer;
let right: TestServer;
const clients: CollabClient[] = [];
beforeAll(async () => {
  [left, right] = await Promise.all([startCollabTestServer({ fanOut }), startCollabTestServer({ fanOut })]);
});
afterEach(() => {
  for (const client of clients.splice(0)) client.destroy();
});
afterAll(async () => {
  await left.close();
  await right.close();
  await fanOut.close();
});

test("clients of two servers converge, see each other's presence and are acknowledged", async () => {
  const fixture = await createCollabFixture();
  const a = new CollabClient(left.url, fixture.documentId, await cookieFor(fixture.people.EDITOR.id));
  const b = new CollabClient(right.url, fixture.documentId, await cookieFor(fixture.people.CHAIR.id));
  clients.push(a, b);
  await waitFor(() => a.synced && b.synced, "sync");
  for (let i = 0; i < 20; i++) {
    a.insert(`a${i};`);
    b.insert(`b${i};`);
  }
  await waitFor(() => a.text.toString() === b.text.toString() && a.text.length > 0 && a.text.toString().includes("b19;"), "convergence");
  a.provider.awareness.setLocalStateField("cursor", 5);
  await waitFor(() => b.provider.awareness.getStates().get(a.doc.clientID)?.cursor === 5, "presence across servers");
  await waitFor(() => a.saved && b.saved, "both to be acknowledged");
  const stored = (await loadStoredDoc(fixture.documentId)).getText("test").toString();
  expect(stored).toBe(a.text.toString());
  for (let i = 0; i < 20; i++) expect(stored.split(`a${i};`)).toHaveLength(2); // each edit stored once
});
