// Persistence: updates are appended within the batch window, acknowledged (message 100) only after
// the commit, retried and never acknowledged when a store fails, and stored even when relaying them
// fails; initial content is created once by the server; compaction under concurrent writers loses
// nothing; idle documents are unloaded after they are stored, with Document.content refreshed.
import { afterEach, describe, expect, test } from "vitest";
import { yXmlFragmentToProsemirrorJSON } from "y-prosemirror";
import * as Y from "yjs";
import { closeCode, PROSEMIRROR_FRAGMENT } from "~/editor/collab-protocol";
import { schema } from "~/editor/schema";
import { prisma } from "~/utils/db.server";
import { DocumentStore, InProcessFanOut, type AppendResult, type FanOutMessage, type UpdateLog, type UpdateRow } from "../../../server/collab";
import { useTestDatabase } from "../../setup/test-database";
import { CollabClient } from "./support/collab-client";
import { cookieFor, createCollabFixture } from "./support/fixtures";
import { typeInFirstParagraph } from "./support/prosemirror-text";
import { loadStoredDoc } from "./support/stored-document";
import { startCollabTestServer, type TestServer } from "./support/test-server";
import { sleep, waitFor } from "./support/wait";

useTestDatabase();

const clients: CollabClient[] = [];
const servers: TestServer[] = [];
async function server(options: Parameters<typeof startCollabTestServer>[0] = {}) {
  const started = await startCollabTestServer(options);
  servers.push(started);
  return started;
}
async function open(target: TestServer, documentId: string, person: { id: string }) {
  const client = new CollabClient(target.url, documentId, await cookieFor(person.id));
  clients.push(client);
  return client;
}
afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  for (const started of servers.splice(0)) await started.close();
});

/** The real store behind a switch: appends can be held back or made to fail. */
class ControlledLog implements UpdateLog {
  failuresLeft = 0;
  attempts = 0;
  private gate: Promise<void> | null = null;
  private openGate: (() => void) | null = null;
  constructor(private readonly inner: UpdateLog = new DocumentStore()) {}
  hold(): void {
    this.gate = new Promise((resolve) => {
      this.openGate = resolve;
    });
  }
  release(): void {
    this.openGate?.();
    this.gate = null;
  }
  async append(batches: ReadonlyMap<string, readonly UpdateRow[]>): Promise<AppendResult> {
    this.attempts += 1;
    if (this.gate) await this.gate;
    if (this.failuresLeft > 0) {
      this.failuresLeft -= 1;
      throw new Error("simulated database failure");
    }
    return this.inner.append(batches);
  }
}

const storedText = async (documentId: string) => (await loadStoredDoc(documentId)).getText("test").toString();

describe("acknowledgement", () => {
  test("an edit reaches the others at once but is acknowledged only after its transaction commits", async () => {
    const fixture = await createCollabFixture();
    const log = new ControlledLog();
    const s = await server({ updateLog: log });
    const writer = await open(s, fixture.documentId, fixture.people.EDITOR);
    const reader = await open(s, fixture.documentId, fixture.people.CHAIR);
    await waitFor(() => writer.synced && reader.synced && writer.saved, "sync");

    log.hold();
    writer.insert("held;", 0);
    await waitFor(() => reader.text.toString().includes("held;"), "the broadcast, which does not wait for storage");
    await sleep(200);
    expect(writer.saved).toBe(false);
    expect(await storedText(fixture.documentId)).not.toContain("held;");

    log.release();
    await waitFor(() => writer.saved, "the acknowledgement after the commit");
    expect(await storedText(fixture.documentId)).toContain("held;");
  });

  test("a deletion alone is acknowledged only once stored (the message count of message 100)", async () => {
    const fixture = await createCollabFixture();
    const log = new ControlledLog();
    const s = await server({ updateLog: log });
    const writer = await open(s, fixture.documentId, fixture.people.EDITOR);
    await waitFor(() => writer.synced, "sync");
    writer.insert("doomed;", 0);
    await waitFor(() => writer.saved, "the insertion to be stored");

    log.hold();
    writer.text.delete(0, "doomed;".length); // adds no clock: the state vector cannot show it
    await sleep(150);
    expect(writer.saved).toBe(false);
    log.release();
    await waitFor(() => writer.saved, "the deletion to be stored");
    expect(await storedText(fixture.documentId)).not.toContain("doomed;");
  });

  test("a failed store is logged, retried and never acknowledged until it succeeds", async () => {
    const fixture = await createCollabFixture();
    const log = new ControlledLog();
    const s = await server({ updateLog: log });
    const writer = await open(s, fixture.documentId, fixture.people.EDITOR);
    await waitFor(() => writer.synced && writer.saved, "sync");
    const acksBefore = writer.persistedAcks;

    log.failuresLeft = 3;
    writer.insert("survives;", 0);
    await waitFor(() => s.logger.messages("error").length >= 2, "the failures to be logged");
    expect(writer.saved).toBe(false);
    expect(writer.persistedAcks).toBe(acksBefore);
    await waitFor(() => writer.saved, "the retry to succeed", 10_000);
    expect(log.attempts).toBeGreaterThanOrEqual(4);
    expect(s.logger.messages("error")).toHaveLength(3);
    expect(s.logger.messages("error")[0]).toMatch(/failed .*retrying in \d+ ms, not acknowledged/);
    expect(await storedText(fixture.documentId)).toContain("survives;");
  });

  test("the typist hears at once, an editor who only received the edits within a second, a reader never", async () => {
    const fixture = await createCollabFixture();
    const s = await server();
    const typist = await open(s, fixture.documentId, fixture.people.EDITOR);
    const watcher = await open(s, fixture.documentId, fixture.people.CHAIR);
    const reader = await open(s, fixture.documentId, fixture.people.MEMBER);
    await waitFor(() => typist.synced && watcher.synced && reader.synced && typist.saved && watcher.saved, "sync");
    const readerAcks = reader.persistedAcks;

    // Two edits a little apart: the second commit falls within a second of the watcher's last
    // acknowledgement, so the watcher is told of it later, with one message covering both.
    typist.insert("one;", 0);
    await waitFor(() => typist.saved && watcher.text.toString().includes("one;"), "the first edit stored and relayed");
    await waitFor(() => watcher.saved, "the watcher told that the first edit is stored");
    const watcherAcks = watcher.persistedAcks;
    const typistAcks = typist.persistedAcks;
    typist.insert("two;", 0);
    const start = Date.now();
    await waitFor(() => typist.persistedAcks > typistAcks && typist.saved, "the typist's acknowledgement");
    const typistWaited = Date.now() - start;
    await waitFor(() => watcher.text.toString().includes("two;"), "the relay");
    await waitFor(() => watcher.saved, "the watcher's acknowledgement", 3_000);
    const watcherWaited = Date.now() - start;

    expect(typistWaited).toBeLessThan(600);
    expect(watcherWaited).toBeLessThan(1_600);
    expect(watcher.persistedAcks - watcherAcks).toBe(1);
    await sleep(300);
    expect(reader.persistedAcks).toBe(readerAcks);
    expect(reader.text.toString()).toContain("two;");
  });
});

/** A fan-out that breaks while relaying a document update (a bug there, or a dead broker client). */
class FailingFanOut extends InProcessFanOut {
  failures = 0;
  /** Like a broker's: other processes may be listening. */
  override reachesOthers(): boolean {
    return true;
  }
  override publish(documentId: string, message: FanOutMessage, origin: string): void {
    if (message.kind === "update") {
      this.failures += 1;
      throw new Error("simulated fan-out failure");
    }
    super.publish(documentId, message, origin);
  }
}

describe("the update log", () => {
  test("a change is stored even when relaying it fails", async () => {
    const fixture = await createCollabFixture();
    const fanOut = new FailingFanOut();
    const s = await server({ fanOut });
    const writer = await open(s, fixture.documentId, fixture.people.EDITOR);
    await waitFor(() => writer.synced && writer.saved, "sync");

    writer.insert("kept;", 0);
    await waitFor(() => fanOut.failures > 0, "the relay to fail");
    expect(s.logger.messages("error").some((m) => m.includes("handling a message"))).toBe(true);
    // The change is in the server's document, so the client's resync after the failure adds
    // nothing: it is stored only if it was queued in the transaction whose relay failed.
    await waitFor(() => writer.saved, "the writer told that its change is stored");
    expect(await storedText(fixture.documentId)).toContain("kept;");
    await fanOut.close();
  });

  test("one append stores every row byte for byte, in order, under its user, and skips a deleted document", async () => {
    const [first, second, deleted] = await Promise.all([createCollabFixture(), createCollabFixture(), createCollabFixture()]);
    await prisma.document.delete({ where: { id: deleted.documentId } });
    const bytes = (length: number, seed: number) => Uint8Array.from({ length }, (_, i) => (i * 31 + seed) % 256);
    // Views into a larger buffer too, as updates arriving from a socket are.
    const shared = bytes(600, 7);
    const rows = new Map<string, UpdateRow[]>([
      [first.documentId, [
        { userId: first.people.EDITOR.id, data: bytes(3, 1) },
        { userId: null, data: shared.subarray(100, 400) },
      ]],
      [deleted.documentId, [{ userId: deleted.people.EDITOR.id, data: bytes(5, 2) }]],
      [second.documentId, [{ userId: second.people.CHAIR.id, data: bytes(1, 3) }, { userId: second.people.EDITOR.id, data: bytes(70_000, 4) }]],
    ]);

    const result = await new DocumentStore().append(rows);

    expect(result.missingDocumentIds).toEqual([deleted.documentId]);
    for (const fixture of [first, second]) {
      const stored = await prisma.documentUpdate.findMany({ where: { documentId: fixture.documentId }, orderBy: { id: "asc" } });
      const expected = rows.get(fixture.documentId) ?? [];
      expect(stored.map((row) => row.userId)).toEqual(expected.map((row) => row.userId));
      expect(stored.map((row) => Buffer.from(row.data).toString("hex"))).toEqual(expected.map((row) => Buffer.from(row.data).toString("hex")));
    }
  });

  test("updates within one window become one row per user, stored within the window", async () => {
    const fixture = await createCollabFixture();
    const s = await server({ batchWindowMs: 100 });
    const a = await open(s, fixture.documentId, fixture.people.EDITOR);
    const b = await open(s, fixture.documentId, fixture.people.CHAIR);
    await waitFor(() => a.synced && b.synced && a.saved && b.saved, "sync");
    const rowsBefore = await prisma.documentUpdate.count({ where: { documentId: fixture.documentId } });

    const started = Date.now();
    for (let i = 0; i < 10; i++) {
      a.insert(`a${i};`, 0);
      b.insert(`b${i};`, 0);
      await sleep(2);
    }
    await waitFor(() => a.saved && b.saved, "both to be acknowledged");
    const elapsed = Date.now() - started;
    const rows = await prisma.documentUpdate.findMany({
      where: { documentId: fixture.documentId },
      orderBy: { id: "asc" },
      skip: rowsBefore,
      select: { userId: true },
    });
    // 20 updates typed over ~30 ms: one row per user, two at most if a window boundary fell inside.
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(rows.length).toBeLessThanOrEqual(4);
    expect(new Set(rows.map((r) => r.userId))).toEqual(new Set([fixture.people.EDITOR.id, fixture.people.CHAIR.id]));
    expect(elapsed).toBeLessThan(1_000);
  });
});

describe("initial content", () => {
  test("appears once when two clients open a new document at the same moment on two servers", async () => {
    const fixture = await createCollabFixture();
    // Two servers on one database, as two processes would be (no fan-out between them).
    const [s1, s2] = await Promise.all([server(), server()]);
    const [a, b, c] = await Promise.all([
      open(s1, fixture.documentId, fixture.people.EDITOR),
      open(s2, fixture.documentId, fixture.people.CHAIR),
      open(s2, fixture.documentId, fixture.people.SECRETARY),
    ]);
    await waitFor(() => a.synced && b.synced && c.synced, "sync");
    const stored = await prisma.document.findUniqueOrThrow({ where: { id: fixture.documentId }, select: { content: true, yState: true } });
    const template = schema.nodeFromJSON(stored.content);
    for (const client of [a, b, c]) {
      const json = yXmlFragmentToProsemirrorJSON(client.doc.getXmlFragment(PROSEMIRROR_FRAGMENT));
      expect(schema.nodeFromJSON(json).eq(template)).toBe(true);
    }
    expect(a.doc.getXmlFragment(PROSEMIRROR_FRAGMENT).toJSON()).toBe(b.doc.getXmlFragment(PROSEMIRROR_FRAGMENT).toJSON());
    expect(stored.yState).not.toBeNull();
    expect(await prisma.documentUpdate.count({ where: { documentId: fixture.documentId } })).toBe(0);
  });

  test("concurrent first loads settle on one snapshot", async () => {
    const fixture = await createCollabFixture();
    const loads = await Promise.all(Array.from({ length: 8 }, () => new DocumentStore().load(fixture.documentId)));
    const first = loads[0]?.updates[0];
    expect(first).toBeDefined();
    for (const loaded of loads) expect(Buffer.from(loaded?.updates[0] ?? []).equals(Buffer.from(first ?? []))).toBe(true);
  });
});

describe("compaction", () => {
  test("folding the log while three clients and another process keep writing loses nothing", async () => {
    const fixture = await createCollabFixture();
    const s = await server({ compactAfterRows: 1_000_000 });
    const people = [fixture.people.CHAIR, fixture.people.SECRETARY, fixture.people.EDITOR];
    const writers = await Promise.all(people.map((p) => open(s, fixture.documentId, p)));
    await waitFor(() => writers.every((w) => w.synced), "sync");

    let running = true;
    const tokens: string[] = [];
    const typing = writers.map(async (writer, index) => {
      for (let n = 0; running; n++) {
        const token = `w${index}n${n};`;
        writer.insert(token);
        tokens.push(token);
        await sleep(3);
      }
    });
    // Another process appending straight to the log (its own clients, its own Y.Doc).
    const elsewhere = new Y.Doc();
    const otherStore = new DocumentStore();
    const directTokens: string[] = [];
    const appending = (async () => {
      for (let n = 0; running; n++) {
        const token = `direct${n};`;
        const before = Y.encodeStateVector(elsewhere);
        elsewhere.getText("test").insert(0, token);
        await otherStore.append(new Map([[fixture.documentId, [{ userId: null, data: Y.encodeStateAsUpdate(elsewhere, before) }]]]));
        directTokens.push(token);
        await sleep(4);
      }
    })();
    let folded = 0;
    const compacting = (async () => {
      while (running) {
        const results = await Promise.all([s.collab.compact(fixture.documentId), new DocumentStore().compact(fixture.documentId)]);
        folded += results.reduce((sum, r) => sum + r.foldedRows, 0);
        await sleep(15);
      }
    })();

    await sleep(2_000);
    running = false;
    await Promise.all([...typing, appending, compacting]);
    await waitFor(() => writers.every((w) => w.saved), "every client edit to be stored");
    expect(folded).toBeGreaterThan(20);

    const text = await storedText(fixture.documentId);
    for (const token of [...tokens, ...directTokens]) expect(text).toContain(token);
    const document = await prisma.document.findUniqueOrThrow({ where: { id: fixture.documentId }, select: { yStateUpdateId: true } });
    const stale = await prisma.documentUpdate.count({ where: { documentId: fixture.documentId, id: { lte: document.yStateUpdateId } } });
    expect(stale).toBe(0);
    await new DocumentStore().compact(fixture.documentId);
    expect(await prisma.documentUpdate.count({ where: { documentId: fixture.documentId } })).toBe(0);
    expect(await storedText(fixture.documentId)).toBe(text);
  }, 30_000);
});

describe("unloading", () => {
  test("an idle document is stored, compacted, its content refreshed and then unloaded", async () => {
    const fixture = await createCollabFixture();
    const s = await server({ idleUnloadMs: 150 });
    const writer = await open(s, fixture.documentId, fixture.people.EDITOR);
    await waitFor(() => writer.synced, "sync");
    typeInFirstParagraph(writer.doc, "Refreshed on unload. ");
    await waitFor(() => writer.saved, "stored");
    expect(s.collab.stats.rooms).toBe(1);
    const before = await prisma.document.findUniqueOrThrow({ where: { id: fixture.documentId }, select: { content: true } });
    expect(JSON.stringify(before.content)).not.toContain("Refreshed on unload.");

    writer.destroy();
    await waitFor(() => s.collab.stats.rooms === 0, "the room to be unloaded");
    const after = await prisma.document.findUniqueOrThrow({
      where: { id: fixture.documentId },
      select: { content: true, yStateUpdateId: true },
    });
    expect(JSON.stringify(after.content)).toContain("Refreshed on unload.");
    schema.nodeFromJSON(after.content).check();
    expect(after.yStateUpdateId).toBeGreaterThan(0n);
    expect(await prisma.documentUpdate.count({ where: { documentId: fixture.documentId } })).toBe(0);

    // Opening it again loads what was stored.
    const again = await open(s, fixture.documentId, fixture.people.CHAIR);
    await waitFor(() => again.synced, "sync");
    expect(again.doc.getXmlFragment(PROSEMIRROR_FRAGMENT).toString()).toContain("Refreshed on unload.");
  });
});

describe("a deleted document", () => {
  test("its open connections are closed with 4404 and its pending updates dropped", async () => {
    const fixture = await createCollabFixture();
    const log = new ControlledLog();
    const s = await server({ updateLog: log });
    const writer = await open(s, fixture.documentId, fixture.people.EDITOR);
    await waitFor(() => writer.synced, "sync");
    log.hold();
    writer.insert("orphan;", 0);
    await waitFor(() => log.attempts > 0, "the store to start");
    await prisma.project.delete({ where: { id: fixture.projectId } });
    log.release();
    await waitFor(() => writer.closes.length > 0, "the close");
    expect(writer.closes[0].code).toBe(closeCode.notFound);
    expect(s.logger.messages("error")).toEqual([]);
  });
});
