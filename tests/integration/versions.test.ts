// Named versions through the live document: freezing the exact current text, refusing duplicates and
// cross-project access, staying immutable, and restoring while a client is connected.
import { afterAll, afterEach, beforeAll, expect, test } from "vitest";
import { yXmlFragmentToProsemirrorJSON } from "y-prosemirror";
import { PROSEMIRROR_FRAGMENT } from "~/editor/collab-protocol";
import { createVersion, getVersion, restoreVersion } from "~/models/version.server";
import { verifyAuditChain } from "~/utils/audit-verify.server";
import { prisma } from "~/utils/db.server";
import { AppError } from "~/utils/errors";
import { fingerprint } from "~/versions/fingerprint";
import { exposeLiveDocuments } from "../../server/live-documents";
import { useTestDatabase } from "../setup/test-database";
import { CollabClient } from "./collab/support/collab-client";
import { cookieFor, createCollabFixture } from "./collab/support/fixtures";
import { typeInFirstParagraph } from "./collab/support/prosemirror-text";
import { startCollabTestServer, type TestServer } from "./collab/support/test-server";
import { waitFor } from "./collab/support/wait";

useTestDatabase();

let server: TestServer;
let unexpose: () => void;
const clients: CollabClient[] = [];

beforeAll(async () => {
  server = await startCollabTestServer();
  unexpose = exposeLiveDocuments(server.collab);
});
afterEach(() => {
  for (const client of clients.splice(0)) client.destroy();
});
afterAll(async () => {
  unexpose();
  await server.close();
});

const textOf = (client: CollabClient) => JSON.stringify(yXmlFragmentToProsemirrorJSON(client.doc.getXmlFragment(PROSEMIRROR_FRAGMENT)));

async function connectedEditor() {
  const fixture = await createCollabFixture();
  const client = new CollabClient(server.url, fixture.documentId, await cookieFor(fixture.people.EDITOR.id));
  clients.push(client);
  await waitFor(() => client.synced, "sync");
  return { fixture, client };
}

test("a version freezes the exact live text, with its fingerprint and an audit event", async () => {
  const { fixture, client } = await connectedEditor();
  client.doc.transact(() => typeInFirstParagraph(client.doc, "WD1-TEXT "));
  await waitFor(() => client.persistedAcks > 0 && textOf(client).includes("WD1-TEXT"), "the edit to be stored");

  const version = await createVersion({ projectId: fixture.projectId, label: "WD 1", note: "first", actorId: fixture.people.EDITOR.id });
  const stored = await getVersion(fixture.projectId, version.id);
  expect(JSON.stringify(stored.content)).toContain("WD1-TEXT");
  expect(stored.fingerprint).toBe(await fingerprint(stored.content));
  expect(stored.stage).toBe("preparatory");
  expect(await verifyAuditChain({ projectId: fixture.projectId })).toMatchObject({ ok: true });
  expect(await prisma.auditEvent.count({ where: { projectId: fixture.projectId, type: "version.created" } })).toBe(1);
});

test("a duplicate label is refused and changes nothing", async () => {
  const { fixture } = await connectedEditor();
  await createVersion({ projectId: fixture.projectId, label: "CD 1", note: "", actorId: fixture.people.EDITOR.id });
  await expect(createVersion({ projectId: fixture.projectId, label: "CD 1", note: "", actorId: fixture.people.EDITOR.id })).rejects.toMatchObject({
    userMessageKey: "versions.labelTaken",
  });
  expect(await prisma.version.count({ where: { projectId: fixture.projectId } })).toBe(1);
});

test("a version of another project is not found through this one", async () => {
  const a = await connectedEditor();
  const b = await connectedEditor();
  const version = await createVersion({ projectId: a.fixture.projectId, label: "V", note: "", actorId: a.fixture.people.EDITOR.id });
  await expect(getVersion(b.fixture.projectId, version.id)).rejects.toBeInstanceOf(AppError);
});

test("versions are immutable in the database", async () => {
  const { fixture } = await connectedEditor();
  const version = await createVersion({ projectId: fixture.projectId, label: "Frozen", note: "", actorId: fixture.people.EDITOR.id });
  await expect(prisma.version.update({ where: { id: version.id }, data: { label: "Changed" } })).rejects.toThrow(/immutable/);
  await expect(prisma.version.delete({ where: { id: version.id } })).rejects.toThrow(/immutable/);
});

const chair = { role: "CHAIR", inheritedRole: null, isOrgAdmin: false, isSiteAdmin: false } as const;

test("restoring is refused, changing nothing, when the stage or a comment period freezes the text", async () => {
  const { fixture, client } = await connectedEditor();
  const version = await createVersion({ projectId: fixture.projectId, label: "Frozen", note: "", actorId: fixture.people.EDITOR.id });
  client.doc.transact(() => typeInFirstParagraph(client.doc, "AFTER-VERSION "));
  await waitFor(() => client.persistedAcks > 0, "stored");
  const restore = () => restoreVersion({ projectId: fixture.projectId, versionId: version.id, actorId: fixture.people.CHAIR.id, standing: chair });

  await prisma.project.update({ where: { id: fixture.projectId }, data: { editingPolicy: "NOBODY" } });
  await expect(restore()).rejects.toMatchObject({ userMessageKey: "versions.restoreLocked" });

  await prisma.project.update({ where: { id: fixture.projectId }, data: { editingPolicy: "DRAFTERS" } });
  await prisma.commentPeriod.create({
    data: {
      projectId: fixture.projectId,
      documentId: fixture.documentId,
      title: "Enquiry",
      closesAt: new Date(Date.now() + 86_400_000),
      openedById: fixture.people.SECRETARY.id,
    },
  });
  await expect(restore()).rejects.toMatchObject({ userMessageKey: "versions.restoreLocked" });
  expect(textOf(client)).toContain("AFTER-VERSION");
  expect(await prisma.auditEvent.count({ where: { projectId: fixture.projectId, type: "version.restored" } })).toBe(0);
});

test("restoring brings a connected client to the restored text, as a new edit", async () => {
  const { fixture, client } = await connectedEditor();
  client.doc.transact(() => typeInFirstParagraph(client.doc, "ORIGINAL "));
  await waitFor(() => client.persistedAcks > 0, "stored");
  const version = await createVersion({ projectId: fixture.projectId, label: "Before", note: "", actorId: fixture.people.EDITOR.id });
  client.doc.transact(() => typeInFirstParagraph(client.doc, "LATER-EDIT "));
  await waitFor(() => textOf(client).includes("LATER-EDIT"), "the later edit");

  const other = new CollabClient(server.url, fixture.documentId, await cookieFor(fixture.people.CHAIR.id));
  clients.push(other);
  await waitFor(() => other.synced && textOf(other).includes("LATER-EDIT"), "second client synced");

  await restoreVersion({ projectId: fixture.projectId, versionId: version.id, actorId: fixture.people.CHAIR.id, standing: chair });
  await waitFor(() => !textOf(client).includes("LATER-EDIT") && !textOf(other).includes("LATER-EDIT"), "both clients restored");
  expect(textOf(client)).toContain("ORIGINAL");
  expect(textOf(client)).toBe(textOf(other));
  // History is kept: the version itself is unchanged, and the restore is recorded.
  expect(JSON.stringify((await getVersion(fixture.projectId, version.id)).content)).not.toContain("LATER-EDIT");
  expect(await prisma.auditEvent.count({ where: { projectId: fixture.projectId, type: "version.restored" } })).toBe(1);
});
