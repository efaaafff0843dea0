// Authentication at the upgrade, read-only connections enforced on the server, and rights changes
// applied to open connections at once.
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import * as Y from "yjs";
import { closeCode } from "~/editor/collab-protocol";
import { getCommitteeStanding } from "~/models/access.server";
import { changeMemberRole, removeMember } from "~/models/membership.server";
import { emitAccessChanged } from "~/utils/access-events.server";
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
const open = (cookie: string | null, documentId = fixture.documentId) => {
  const client = new CollabClient(server.url, documentId, cookie);
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

describe("authentication at the upgrade", () => {
  test("no session cookie closes with 4401, and the provider stops retrying", async () => {
    const client = open(null);
    await waitFor(() => client.closes.length > 0, "the close");
    expect(client.closes[0].code).toBe(closeCode.unauthenticated);
    await sleep(700);
    expect(client.closes).toHaveLength(1);
    expect(client.synced).toBe(false);
  });

  test("a forged cookie closes with 4401", async () => {
    const client = open("__session=forged-token.c2lnbmF0dXJl");
    await waitFor(() => client.closes.length > 0, "the close");
    expect(client.closes[0].code).toBe(closeCode.unauthenticated);
  });

  test("someone outside the committee gets 4403", async () => {
    const client = open(await cookieFor(fixture.people.outsider.id));
    await waitFor(() => client.closes.length > 0, "the close");
    expect(client.closes[0].code).toBe(closeCode.forbidden);
    expect(client.text.length).toBe(0);
  });

  test("an unknown document gets 4404", async () => {
    const client = open(await cookieFor(fixture.people.EDITOR.id), "doesnotexist");
    await waitFor(() => client.closes.length > 0, "the close");
    expect(client.closes[0].code).toBe(closeCode.notFound);
  });

  test("editors get an editable connection, members and observers a read-only one (message 101)", async () => {
    const editor = open(await cookieFor(fixture.people.EDITOR.id));
    const member = open(await cookieFor(fixture.people.MEMBER.id));
    const observer = open(await cookieFor(fixture.people.OBSERVER.id));
    await waitFor(() => [editor, member, observer].every((c) => c.synced && c.accessMessages.length > 0), "sync");
    expect(editor.accessMessages).toEqual([0]);
    expect(member.accessMessages).toEqual([1]);
    expect(observer.accessMessages).toEqual([1]);
  });
});

describe("read-only connections", () => {
  test("a read-only client's update is not applied, not broadcast and not stored", async () => {
    const editor = open(await cookieFor(fixture.people.EDITOR.id));
    const member = open(await cookieFor(fixture.people.MEMBER.id));
    await waitFor(() => editor.synced && member.synced, "sync");

    // Through the provider, as a patched browser would…
    member.insert("forbidden-by-provider;", 0);
    // …and a hand-made update from a Yjs client the server has never seen.
    const crafted = new Y.Doc();
    crafted.getText("test").insert(0, "forbidden-crafted;");
    member.sendRaw(updateMessage(Y.encodeStateAsUpdate(crafted)));

    // The editor's own edit afterwards proves the server processed both messages before it.
    editor.insert("allowed;", 0);
    const latecomer = open(await cookieFor(fixture.people.CHAIR.id));
    await waitFor(() => latecomer.synced && latecomer.text.toString().includes("allowed;"), "the editor's edit");
    await server.collab.flush();
    await waitFor(() => editor.saved, "the editor's edit to be stored");

    expect(editor.text.toString()).not.toContain("forbidden");
    expect(latecomer.text.toString()).not.toContain("forbidden");
    expect((await loadStoredDoc(fixture.documentId)).getText("test").toString()).not.toContain("forbidden");
    // Dropped, not a protocol error: the member stays connected and keeps receiving edits.
    expect(member.closes).toEqual([]);
    await waitFor(() => member.text.toString().includes("allowed;"), "the member to receive the editor's edit");
    // And the member is never told its change was stored.
    expect(member.saved).toBe(false);
  });
});

describe("rights changes reach open connections", () => {
  async function membershipOf(userId: string) {
    return prisma.membership.findFirstOrThrow({ where: { committeeId: fixture.committee.id, userId }, select: { id: true } });
  }
  async function chairStanding() {
    const found = await getCommitteeStanding(fixture.people.CHAIR, fixture.committee.id);
    if (!found) throw new Error("the chair has no standing");
    return found.standing;
  }

  test("demoted to member: read-only at once; promoted again: editable; removed: closed with 4403", async () => {
    const fresh = await createCollabFixture();
    fixture = fresh;
    const editorId = fresh.people.EDITOR.id;
    const editor = open(await cookieFor(editorId));
    const chair = open(await cookieFor(fresh.people.CHAIR.id));
    await waitFor(() => editor.synced && chair.synced, "sync");
    const membership = await membershipOf(editorId);
    const base = { committeeId: fresh.committee.id, membershipId: membership.id, votingRight: true, actorId: fresh.people.CHAIR.id };

    await changeMemberRole({ ...base, role: "MEMBER", standing: await chairStanding() });
    await waitFor(() => editor.accessMessages.at(-1) === 1, "the read-only message");
    editor.insert("after-demotion;", 0);
    chair.insert("chair-1;", 0);
    await waitFor(() => editor.text.toString().includes("chair-1;"), "the chair's edit");
    await server.collab.flush();
    await sleep(50);
    expect(chair.text.toString()).not.toContain("after-demotion");

    await changeMemberRole({ ...base, role: "EDITOR", standing: await chairStanding() });
    await waitFor(() => editor.accessMessages.at(-1) === 0, "the editable message");
    editor.insert("after-promotion;", 0);
    await waitFor(() => chair.text.toString().includes("after-promotion;"), "the promoted editor's edit");
    // The server re-synced the promoted connection: its document and the others' agree again. (The
    // edit typed while read-only was held back until then; every later edit of it builds on it.)
    await waitFor(() => chair.text.toString() === editor.text.toString(), "the two documents to agree");

    await removeMember({ committeeId: fresh.committee.id, membershipId: membership.id, actorId: fresh.people.CHAIR.id, standing: await chairStanding() });
    await waitFor(() => editor.closes.length > 0, "the close");
    expect(editor.closes[0].code).toBe(closeCode.forbidden);
    expect(editor.accessMessages).toEqual([0, 1, 0]);
    expect(chair.closes).toEqual([]);
    const stored = (await loadStoredDoc(fresh.documentId)).getText("test").toString();
    expect(stored).toContain("after-promotion;");
    expect(stored).toBe(chair.text.toString());
  });

  test("a stage that freezes the text, or a comment period, makes every editor read-only at once", async () => {
    const fresh = await createCollabFixture();
    fixture = fresh;
    const editor = open(await cookieFor(fresh.people.EDITOR.id));
    const chair = open(await cookieFor(fresh.people.CHAIR.id));
    await waitFor(() => editor.synced && chair.synced, "sync");

    await prisma.project.update({ where: { id: fresh.projectId }, data: { editingPolicy: "SECRETARIAT" } });
    emitAccessChanged({ committeeId: fresh.committee.id });
    await waitFor(() => editor.accessMessages.at(-1) === 1, "the editor's read-only message");
    expect(chair.accessMessages.at(-1)).toBe(0);

    const period = await prisma.commentPeriod.create({
      data: {
        projectId: fresh.projectId,
        documentId: fresh.documentId,
        title: "Enquiry",
        closesAt: new Date(Date.now() + 86_400_000),
        openedById: fresh.people.SECRETARY.id,
      },
    });
    emitAccessChanged({ committeeId: fresh.committee.id });
    await waitFor(() => chair.accessMessages.at(-1) === 1, "the chair's read-only message");
    chair.insert("during-the-period;", 0);
    await server.collab.flush();
    await sleep(50);
    expect((await loadStoredDoc(fresh.documentId)).getText("test").toString()).not.toContain("during-the-period");

    await prisma.commentPeriod.update({ where: { id: period.id }, data: { closedAt: new Date() } });
    await prisma.project.update({ where: { id: fresh.projectId }, data: { editingPolicy: "DRAFTERS" } });
    emitAccessChanged({ committeeId: fresh.committee.id });
    await waitFor(() => editor.accessMessages.at(-1) === 0 && chair.accessMessages.at(-1) === 0, "editable again");
  });
});
