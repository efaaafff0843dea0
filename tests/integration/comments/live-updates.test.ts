// "Comments changed" (message 102) reaches every open editor of the document, on this server and,
// through the fan-out, on another one; editors of other documents hear nothing.
import { afterAll, afterEach, beforeAll, expect, test } from "vitest";
import { messageType } from "~/editor/collab-protocol";
import { encodeFanOutMessage, decodeFanOutMessage } from "../../../server/redis-fan-out";
import { InProcessFanOut } from "../../../server/collab";
import { exposeLiveDocuments } from "../../../server/live-documents";
import { useTestDatabase } from "../../setup/test-database";
import { CollabClient } from "../collab/support/collab-client";
import { cookieFor, createCollabFixture } from "../collab/support/fixtures";
import { startCollabTestServer, type TestServer } from "../collab/support/test-server";
import { waitFor } from "../collab/support/wait";
import { commentAs } from "./support";

useTestDatabase();

const fanOut = new InProcessFanOut();
let left: TestServer;
let right: TestServer;
let unexpose: () => void;
const clients: CollabClient[] = [];

beforeAll(async () => {
  [left, right] = await Promise.all([startCollabTestServer({ fanOut }), startCollabTestServer({ fanOut })]);
  unexpose = exposeLiveDocuments(left.collab);
});
afterEach(() => {
  for (const client of clients.splice(0)) client.destroy();
});
afterAll(async () => {
  unexpose();
  await left.close();
  await right.close();
  await fanOut.close();
});

function listening(client: CollabClient): { count: number } {
  const heard = { count: 0 };
  client.provider.messageHandlers[messageType.commentsChanged] = () => {
    heard.count += 1;
  };
  return heard;
}

test("a new comment, a reply and a decision reach readers and editors on both servers", async () => {
  const fixture = await createCollabFixture();
  const other = await createCollabFixture();
  const reader = new CollabClient(left.url, fixture.documentId, await cookieFor(fixture.people.OBSERVER.id));
  const editor = new CollabClient(right.url, fixture.documentId, await cookieFor(fixture.people.EDITOR.id));
  const elsewhere = new CollabClient(left.url, other.documentId, await cookieFor(other.people.EDITOR.id));
  clients.push(reader, editor, elsewhere);
  const [heardByReader, heardByEditor, heardElsewhere] = [listening(reader), listening(editor), listening(elsewhere)];
  await waitFor(() => reader.synced && editor.synced && elsewhere.synced, "sync");

  const created = await commentAs(fixture.people.MEMBER.id, fixture.documentId, { intent: "create", type: "GENERAL", body: "live?" });
  expect(created.status).toBe(200);
  await waitFor(() => heardByReader.count === 1 && heardByEditor.count === 1, "the first signal on both servers");

  const commentId = (created.body as { params: { commentId: string } }).params.commentId;
  await commentAs(fixture.people.EDITOR.id, fixture.documentId, { intent: "reply", commentId, body: "yes" });
  await commentAs(fixture.people.SECRETARY.id, fixture.documentId, { intent: "dispose", commentId, decision: "NOTED", reason: "" });
  await waitFor(() => heardByReader.count === 3 && heardByEditor.count === 3, "three signals on both servers");
  expect(heardElsewhere.count).toBe(0);
});

test("the signal survives the Redis encoding", () => {
  const decoded = decodeFanOutMessage(encodeFanOutMessage({ kind: "comments" }, "server-9"));
  expect(decoded).toEqual({ message: { kind: "comments" }, origin: "server-9" });
});
