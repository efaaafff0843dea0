// The server decides who a cursor belongs to: the awareness `user` is the session user's name and a
// stable colour, and a client cannot speak for another client's awareness entry.
import * as encoding from "lib0/encoding";
import { afterAll, afterEach, beforeAll, expect, test } from "vitest";
import { messageType } from "~/editor/collab-protocol";
import { colorFor } from "../../../server/collab";
import { useTestDatabase } from "../../setup/test-database";
import { CollabClient } from "./support/collab-client";
import { cookieFor, createCollabFixture, type CollabFixture } from "./support/fixtures";
import { startCollabTestServer, type TestServer } from "./support/test-server";
import { sleep, waitFor } from "./support/wait";

useTestDatabase();

let server: TestServer;
let fixture: CollabFixture;
const clients: CollabClient[] = [];
const open = async (person: { id: string }) => {
  const client = new CollabClient(server.url, fixture.documentId, await cookieFor(person.id));
  clients.push(client);
  return client;
};

beforeAll(async () => {
  server = await startCollabTestServer();
  fixture = await createCollabFixture();
});
afterEach(() => {
  for (const client of clients.splice(0)) client.destroy();
});
afterAll(async () => {
  await server.close();
});

function awarenessMessage(clientId: number, clock: number, state: unknown): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, messageType.awareness);
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, 1);
  encoding.writeVarUint(inner, clientId);
  encoding.writeVarUint(inner, clock);
  encoding.writeVarString(inner, JSON.stringify(state));
  encoding.writeVarUint8Array(encoder, encoding.toUint8Array(inner));
  return encoding.toUint8Array(encoder);
}

test("the awareness user is the session user, whatever the client claims", async () => {
  const editor = await open(fixture.people.EDITOR);
  const watcher = await open(fixture.people.CHAIR);
  await waitFor(() => editor.synced && watcher.synced, "sync");
  editor.provider.awareness.setLocalState({ user: { id: fixture.people.CHAIR.id, name: "The Chair", color: "#000000" }, cursor: 7 });
  await waitFor(() => watcher.provider.awareness.getStates().get(editor.doc.clientID)?.cursor === 7, "the state");
  expect(watcher.provider.awareness.getStates().get(editor.doc.clientID)).toEqual({
    user: { id: fixture.people.EDITOR.id, name: fixture.people.EDITOR.name, color: colorFor(fixture.people.EDITOR.id) },
    cursor: 7,
  });
  expect(colorFor(fixture.people.EDITOR.id)).toBe(colorFor(fixture.people.EDITOR.id));
});

test("a client cannot change or remove another client's awareness entry", async () => {
  const victim = await open(fixture.people.CHAIR);
  const mallory = await open(fixture.people.EDITOR);
  const watcher = await open(fixture.people.SECRETARY);
  await waitFor(() => [victim, mallory, watcher].every((c) => c.synced), "sync");
  victim.provider.awareness.setLocalStateField("cursor", 1);
  await waitFor(() => watcher.provider.awareness.getStates().get(victim.doc.clientID)?.cursor === 1, "the victim's cursor");
  const clock = victim.provider.awareness.meta.get(victim.doc.clientID)?.clock ?? 0;
  // Everything the watcher is ever shown for the victim (the victim's provider would heal a forged
  // state within moments by re-announcing itself, so the end state alone proves nothing).
  const shown: unknown[] = [];
  watcher.provider.awareness.on("change", () => shown.push(watcher.provider.awareness.getStates().get(victim.doc.clientID) ?? null));

  mallory.sendRaw(awarenessMessage(victim.doc.clientID, clock + 10, { cursor: 666 }));
  mallory.sendRaw(awarenessMessage(victim.doc.clientID, clock + 11, null));
  mallory.provider.awareness.setLocalStateField("cursor", 2); // a legitimate change after the forgeries
  await waitFor(() => watcher.provider.awareness.getStates().get(mallory.doc.clientID)?.cursor === 2, "mallory's own cursor");
  await sleep(50);
  const seen = watcher.provider.awareness.getStates().get(victim.doc.clientID);
  expect(seen?.cursor).toBe(1);
  expect(shown.length).toBeGreaterThan(0);
  for (const state of shown) expect(state).toMatchObject({ cursor: 1 });
  expect(seen?.user).toMatchObject({ name: fixture.people.CHAIR.name });
  expect(mallory.closes).toEqual([]);
});

test("a closed connection's presence is removed for everyone", async () => {
  const leaver = await open(fixture.people.EDITOR);
  const watcher = await open(fixture.people.CHAIR);
  await waitFor(() => leaver.synced && watcher.synced, "sync");
  leaver.provider.awareness.setLocalStateField("cursor", 3);
  await waitFor(() => watcher.provider.awareness.getStates().has(leaver.doc.clientID), "the leaver's presence");
  const leaverId = leaver.doc.clientID;
  leaver.vanish(); // no goodbye from the client: the server must clean up by itself
  await waitFor(() => !watcher.provider.awareness.getStates().has(leaverId), "the presence to be removed");
});
