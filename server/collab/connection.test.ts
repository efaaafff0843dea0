import type { AddressInfo, Socket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { WebSocket, WebSocketServer } from "ws";
import { Connection } from "./connection";

type Pair = { connection: Connection; received: string[]; tcp: Socket; close: () => Promise<void> };

const servers: WebSocketServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await new Promise((resolve) => server.close(resolve));
});

/** A Connection on the server side of a real socket, and what its peer receives. */
async function pair(): Promise<Pair> {
  const server = new WebSocketServer({ port: 0, host: "127.0.0.1", perMessageDeflate: false });
  servers.push(server);
  await new Promise((resolve) => server.once("listening", resolve));
  const accepted = new Promise<WebSocket>((resolve) => server.once("connection", resolve));
  const client = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`);
  const received: string[] = [];
  client.on("message", (data: Buffer) => received.push(data.toString()));
  await new Promise((resolve) => client.once("open", resolve));
  const socket = await accepted;
  const connection = new Connection({
    socket,
    user: { id: "u1", name: "Ada", isAdmin: false },
    documentId: "d1",
    committeeId: "c1",
    access: "edit",
    onMessage: () => undefined,
    onClose: () => undefined,
  });
  const tcp = (socket as unknown as { _socket: Socket })._socket;
  return {
    connection,
    received,
    tcp,
    close: async () => {
      client.close();
      await new Promise((resolve) => client.once("close", resolve));
    },
  };
}

const bytes = (text: string) => new TextEncoder().encode(text);
const waitFor = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(check()).toBe(true);
};

/** Counts the writes the TCP socket hands to the system (one per write or writev). */
function countWrites(tcp: Socket): () => number {
  let writes = 0;
  const internals = tcp as unknown as Record<"_write" | "_writev", (...args: unknown[]) => unknown>;
  for (const method of ["_write", "_writev"] as const) {
    const original = internals[method].bind(tcp);
    internals[method] = (...args: unknown[]) => {
      writes += 1;
      return original(...args);
    };
  }
  return () => writes;
}

describe("Connection", () => {
  it("sends a kept acknowledgement after the next message, in the same write", async () => {
    const { connection, received, tcp, close } = await pair();
    const writes = countWrites(tcp);
    connection.carryAck(bytes("ack 1"), 0);
    expect(connection.hasCarriedAck).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(received).toEqual([]);

    connection.send(bytes("update"));
    await waitFor(() => received.length === 2);
    expect(received).toEqual(["update", "ack 1"]);
    expect(writes()).toBe(1);
    expect(connection.hasCarriedAck).toBe(false);

    connection.send(bytes("another"));
    await waitFor(() => received.length === 3);
    expect(received[2]).toBe("another");
    await close();
  });

  it("keeps only the latest acknowledgement, and its first time", async () => {
    const { connection, received, close } = await pair();
    connection.carryAck(bytes("ack 1"), 100);
    connection.carryAck(bytes("ack 2"), 150);
    expect(connection.carriedAckSince).toBe(100);
    connection.send(bytes("update"));
    await waitFor(() => received.length === 2);
    expect(received).toEqual(["update", "ack 2"]);
    await close();
  });

  it("sends a kept acknowledgement on its own when asked, once", async () => {
    const { connection, received, close } = await pair();
    connection.carryAck(bytes("ack 1"), 0);
    connection.sendCarriedAck();
    connection.sendCarriedAck();
    connection.send(bytes("update"));
    await waitFor(() => received.length === 2);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(received).toEqual(["ack 1", "update"]);
    await close();
  });

  it("drops a kept acknowledgement when a newer one is sent at once", async () => {
    const { connection, received, close } = await pair();
    connection.carryAck(bytes("ack 1"), 0);
    connection.acknowledge(bytes("ack 2"));
    connection.send(bytes("update"));
    await waitFor(() => received.length === 2);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(received).toEqual(["ack 2", "update"]);
    await close();
  });
});
