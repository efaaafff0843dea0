// Database fixtures for collaboration tests: a staffed committee, a project with a document, and
// session cookies as the browser would send them.
import { createProjectWithDocument, createStaffedCommittee } from "../../../factories";
import { createSession } from "~/utils/session.server";

/** The `name=value` part of a Set-Cookie header, as a Cookie request header. */
export async function cookieFor(userId: string): Promise<string> {
  const { cookie } = await createSession(userId, new Request("http://localhost/"));
  return cookie.split(";")[0];
}

export async function createCollabFixture(options: { content?: object } = {}) {
  const staffed = await createStaffedCommittee();
  const project = await createProjectWithDocument({
    committeeId: staffed.committee.id,
    createdById: staffed.people.CHAIR.id,
    content: options.content,
  });
  const documentId = project.documents[0].id;
  return { ...staffed, projectId: project.id, documentId };
}

export type CollabFixture = Awaited<ReturnType<typeof createCollabFixture>>;
