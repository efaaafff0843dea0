// A server killed (SIGKILL) in the middle of edits loses nothing it acknowledged with message 100,
// and the clients' unacknowledged and offline edits reach the restarted server.
import { afterAll, afterEach, expect, test } from "vitest";
import * as Y from "yjs";
import { useTestDatabase } from "../../setup/test-database";
import { startChildServer, stopChildServer, freePort, type ChildServer } from "./support/child-server";
import { CollabClient } from "./support/collab-client";
import { cookieFor, createCollabFixture } from "./support/fixtures";
import { loadStoredDoc } from "./support/stored-document";
import { sleep, waitFor } from "./support/wait";

useTestDatabase();

const clients: CollabClient[] = [];
const servers: ChildServer[] = [];
afterEach(() => {
  for (const client of clients.splice(0)) client.destroy();
});
afterAll(async () => {
  for (const server of servers) await stopChildServer(server, "SIGKILL");
});

type Insertion = { client: CollabClient; token: string; clientId: number; endClock: number };

test("a server killed mid-edit loses nothing it acknowledged; the rest arrives after the restart", async () => {
  const fixture = await createCollabFixture();
  const port = await freePort();
  const first = await startChildServer(port);
  servers.push(first);
  const url = `ws://127.0.0.1:${port}/collab`;
  const people = [fixture.people.CHAIR, fixture.people.SECRETARY, fixture.people.EDITOR];
  for (const person of people) clients.push(new CollabClient(url, fixture.documentId, await cookieFor(person.id)));
  await waitFor(() => clients.every((c) => c.synced), "the clients to sync");

  const insertions: Insertion[] = [];
  let typing = true;
  let n = 0;
  const typists = clients.map(async (client, index) => {
    while (typing) {
      const token = `c${index}n${n++};`;
      client.insert(token);
      insertions.push({ client, token, clientId: client.doc.clientID, endClock: Y.getState(client.doc.store, client.doc.clientID) });
      await sleep(5);
    }
  });

  await waitFor(() => clients.every((c) => c.persistedAcks >= 10), "acknowledgements to flow", 15_000);
  await stopChildServer(first, "SIGKILL");
  await waitFor(() => clients.every((c) => !c.provider.wsconnected), "the clients to notice");
  // Every acknowledgement the dead server sent has been read by now; they only grow, so the last is the most.
  const acknowledged = new Map(clients.map((c) => [c, new Map(c.persisted)]));

  // What it acknowledged is in PostgreSQL, before any client could resend it.
  const stored = await loadStoredDoc(fixture.documentId);
  const storedText = stored.getText("test").toString();
  let covered = 0;
  for (const insertion of insertions) {
    const ack = acknowledged.get(insertion.client)?.get(insertion.clientId) ?? 0;
    if (insertion.endClock <= ack) {
      covered += 1;
      expect(storedText).toContain(insertion.token);
    }
  }
  expect(covered).toBeGreaterThan(20);
  for (const [client, ack] of acknowledged) {
    for (const [clientId, clock] of ack) expect(Y.getState(stored.store, clientId), `stored clock of ${client.doc.clientID}`).toBeGreaterThanOrEqual(clock);
  }

  await sleep(200); // still typing: these edits are made while no server runs
  const second = await startChildServer(port);
  servers.push(second);
  await sleep(500);
  typing = false;
  await Promise.all(typists);

  await waitFor(() => clients.every((c) => c.synced), "the clients to reconnect", 15_000);
  await waitFor(
    () => clients.every((c) => c.text.toString() === clients[0].text.toString()),
    "the clients to converge after the restart",
    15_000,
  );
  for (const insertion of insertions) expect(clients[0].text.toString()).toContain(insertion.token);
  await waitFor(() => clients.every((c) => c.saved), "everything to be stored and acknowledged", 15_000);
  const final = await loadStoredDoc(fixture.documentId);
  expect(final.getText("test").toString()).toBe(clients[0].text.toString());
  await stopChildServer(second, "SIGTERM");
}, 90_000);
