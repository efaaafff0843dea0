// Limits: an oversized or malformed message closes that connection only; connections per user and
// per document are capped; awareness is coalesced so presence cannot crowd out edits.
import * as encoding from "lib0/encoding";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { closeCode, MAX_MESSAGE_BYTES, messageType } from "~/editor/collab-protocol";
import { useTestDatabase } from "../../setup/test-database";
import { CollabClient, updateMessage } from "./support/collab-client";
import { cookieFor, createCollabFixture, type CollabFixture } from "./support/fixtures";
import { startCollabTestServer, type TestServer } from "./support/test-server";
import { sleep, waitFor } from "./support/wait";

useTestDatabase();

let server: TestServer;
let fixture: CollabFixture;
const clients: CollabClient[] = [];
const open = async (person: { id: string }, target: TestServer = server) => {
  const client = new CollabClient(target.url, fixture.documentId, await cookieFor(person.id));
  clients.push(client);
  return client;
};

beforeAll(async () => {
  server = await startCollabTestServer({ awarenessIntervalMs: 100 });
  fixture = await createCollabFixture();
});
afterEach(() => {
  for (const client of clients.splice(0)) client.destroy();
});
afterAll(async () => {
  await server.close();
});

/** Two well-behaved clients keep editing and converging while a third is closed. */
async function bystanders() {
  const a = await open(fixture.people.CHAIR);
  const b = await open(fixture.people.SECRETARY);
  await waitFor(() => a.synced && b.synced, "the bystanders to sync");
  return {
    async stillWork(tag: string) {
      a.insert(`${tag}-a;`, 0);
      b.insert(`${tag}-b;`, 0);
      await waitFor(
        () => a.text.toString() === b.text.toString() && a.text.toString().includes(`${tag}-b;`) && b.text.toString().includes(`${tag}-a;`),
        "the bystanders to converge",
      );
      expect(a.closes).toEqual([]);
      expect(b.closes).toEqual([]);
    },
  };
}

function raw(...values: Array<number | Uint8Array>): Uint8Array {
  const encoder = encoding.createEncoder();
  for (const value of values) {
    if (typeof value === "number") encoding.writeVarUint(encoder, value);
    else encoding.writeVarUint8Array(encoder, value);
  }
  return encoding.toUint8Array(encoder);
}

describe("message limits", () => {
  test("a message over MAX_MESSAGE_BYTES closes that connection with 4413, and only that one", async () => {
    const others = await bystanders();
    const offender = await open(fixture.people.EDITOR);
    await waitFor(() => offender.synced, "sync");
    offender.sendRaw(updateMessage(new Uint8Array(MAX_MESSAGE_BYTES)));
    await waitFor(() => offender.closes.length > 0, "the close");
    expect(offender.closes[0].code).toBe(closeCode.messageTooLarge);
    await sleep(600);
    expect(offender.closes).toHaveLength(1); // the provider does not come back to resend it
    await others.stillWork("after-oversize");
  });

  const malformed: Array<[string, Uint8Array | string]> = [
    ["an update that is not a Yjs update", raw(messageType.sync, 2, new Uint8Array([1, 200, 7, 7, 7, 9]))],
    ["an unknown message type", raw(42, 1)],
    ["an unknown sync message", raw(messageType.sync, 9, new Uint8Array([0]))],
    ["a truncated message", new Uint8Array([messageType.sync, 2, 200])],
    ["trailing bytes", new Uint8Array([...raw(messageType.sync, 0, new Uint8Array([0])), 1, 2, 3])],
    ["an awareness update that is not one", raw(messageType.awareness, new Uint8Array([5, 1]))],
    ["a text frame", "hello"],
  ];
  for (const [what, bytes] of malformed) {
    test(`${what} closes that connection with 4400, and only that one`, async () => {
      const others = await bystanders();
      const offender = await open(fixture.people.EDITOR);
      await waitFor(() => offender.synced, "sync");
      offender.sendRaw(bytes);
      await waitFor(() => offender.closes.length > 0, "the close");
      expect(offender.closes[0].code).toBe(closeCode.malformedMessage);
      await others.stillWork(`after-${what.replaceAll(" ", "-")}`);
    });
  }
});

describe("connection limits", () => {
  test("per user and per document, with 4429", async () => {
    const limited = await startCollabTestServer({ limits: { maxConnectionsPerUser: 2, maxConnectionsPerDocument: 3 } });
    try {
      const first = await open(fixture.people.EDITOR, limited);
      const second = await open(fixture.people.EDITOR, limited);
      await waitFor(() => first.synced && second.synced, "two tabs of one user");
      const third = await open(fixture.people.EDITOR, limited);
      await waitFor(() => third.closes.length > 0, "the third tab to be refused");
      expect(third.closes[0].code).toBe(closeCode.tooManyConnections);

      const chair = await open(fixture.people.CHAIR, limited);
      await waitFor(() => chair.synced, "a third person");
      const secretary = await open(fixture.people.SECRETARY, limited);
      await waitFor(() => secretary.closes.length > 0, "a fourth connection to the document to be refused");
      expect(secretary.closes[0].code).toBe(closeCode.tooManyConnections);

      // A slot frees when a connection closes.
      second.destroy();
      await waitFor(() => limited.collab.stats.connections === 2, "the closed tab to be released");
      const again = await open(fixture.people.SECRETARY, limited);
      await waitFor(() => again.synced, "the freed slot to be usable");
    } finally {
      for (const client of clients.splice(0)) client.destroy();
      await limited.close();
    }
  });
});

describe("awareness throttling", () => {
  test("a flood of presence updates is coalesced and edits still arrive promptly", async () => {
    const noisy = await open(fixture.people.EDITOR);
    const watcher = await open(fixture.people.CHAIR);
    await waitFor(() => noisy.synced && watcher.synced, "sync");
    await sleep(250);
    const before = watcher.awarenessMessages;
    const started = Date.now();
    for (let i = 0; i < 500; i++) noisy.provider.awareness.setLocalStateField("cursor", i);
    noisy.insert("edit-during-flood;", 0);
    await waitFor(() => watcher.text.toString().includes("edit-during-flood;"), "the edit");
    const editLatency = Date.now() - started;
    await waitFor(
      () => watcher.provider.awareness.getStates().get(noisy.doc.clientID)?.cursor === 499,
      "the latest cursor to arrive",
    );
    await sleep(250);
    const elapsed = Date.now() - started;
    const received = watcher.awarenessMessages - before;
    // 500 changes, at most one broadcast per 100 ms interval (plus the one in flight at the start).
    expect(received).toBeLessThanOrEqual(Math.ceil(elapsed / 100) + 2);
    expect(received).toBeGreaterThan(0);
    expect(editLatency).toBeLessThan(1_000);
  });
});
