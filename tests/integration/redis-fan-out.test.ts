// Two collaboration servers, each with its own Redis connection (as two processes would have),
// joined only through Redis pub/sub: clients on either converge and are acknowledged.
import { afterAll, afterEach, beforeAll, expect, test } from "vitest";
import { decodeFanOutMessage, encodeFanOutMessage, RedisFanOut } from "../../server/redis-fan-out";
import { useTestDatabase } from "../setup/test-database";
import { CollabClient } from "./collab/support/collab-client";
import { cookieFor, createCollabFixture } from "./collab/support/fixtures";
import { loadStoredDoc } from "./collab/support/stored-document";
import { startCollabTestServer, type TestServer } from "./collab/support/test-server";
import { waitFor } from "./collab/support/wait";

useTestDatabase();

const redisUrl = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
let leftFanOut: RedisFanOut;
let rightFanOut: RedisFanOut;
let left: TestServer;
let right: TestServer;
const clients: CollabClient[] = [];

beforeAll(async () => {
  leftFanOut = new RedisFanOut(redisUrl);
  rightFanOut = new RedisFanOut(redisUrl);
  await Promise.all([leftFanOut.ready(), rightFanOut.ready()]);
  [left, right] = await Promise.all([startCollabTestServer({ fanOut: leftFanOut }), startCollabTestServer({ fanOut: rightFanOut })]);
});
afterEach(() => {
  for (const client of clients.splice(0)) client.destroy();
});
afterAll(async () => {
  await left.close();
  await right.close();
  await Promise.all([leftFanOut.close(), rightFanOut.close()]);
});

test("the wire format keeps kind, origin and bytes", () => {
  const update = new Uint8Array([1, 2, 3, 250]);
  expect(decodeFanOutMessage(encodeFanOutMessage({ kind: "update", update }, "server-1"))).toEqual({
    message: { kind: "update", update },
    origin: "server-1",
  });
  expect(decodeFanOutMessage(Buffer.from([9]))).toBeNull();
});

test("clients of two servers joined through Redis converge and are acknowledged", async () => {
  const fixture = await createCollabFixture();
  const a = new CollabClient(left.url, fixture.documentId, await cookieFor(fixture.people.EDITOR.id));
  const b = new CollabClient(right.url, fixture.documentId, await cookieFor(fixture.people.CHAIR.id));
  clients.push(a, b);
  await waitFor(() => a.synced && b.synced, "sync");
  for (let i = 0; i < 10; i++) {
    a.insert(`a${i};`);
    b.insert(`b${i};`);
  }
  await waitFor(() => a.text.toString() === b.text.toString() && a.text.toString().includes("a9;") && a.text.toString().includes("b9;"), "convergence through Redis");
  a.provider.awareness.setLocalStateField("cursor", 7);
  await waitFor(() => b.provider.awareness.getStates().get(a.doc.clientID)?.cursor === 7, "presence through Redis");
  await waitFor(() => a.saved && b.saved, "both acknowledged");
  expect((await loadStoredDoc(fixture.documentId)).getText("test").toString()).toBe(a.text.toString());
});
