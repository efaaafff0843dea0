// Named versions: the exact text at a moment (Yjs state and ProseMirror JSON) with its fingerprint.
// Immutable in the database; restoring one is a new edit through the live document.
import * as Y from "yjs";
import { prosemirrorJSONToYDoc, updateYFragment, yXmlFragmentToProsemirrorJSON } from "y-prosemirror";
import { PROSEMIRROR_FRAGMENT } from "~/editor/collab-protocol";
import { schema } from "~/editor/schema";
import type { Prisma } from "~/generated/prisma/client";
import { fingerprint } from "~/versions/fingerprint";
import { recordAudit } from "~/utils/audit.server";
import { prisma } from "~/utils/db.server";
import { AppError } from "~/utils/errors";
import { liveDocuments } from "~/utils/live-documents.server";
import { editingFacts } from "~/models/editing-lock.server";
import { canEditText } from "~/policies/editing";
import type { CommitteeStanding } from "~/policies/roles";

export const versionSelect = {
  id: true,
  label: true,
  note: true,
  stage: true,
  fingerprint: true,
  createdAt: true,
  createdById: true,
  documentId: true,
  projectId: true,
} as const;

async function mainDocument(projectId: string) {
  const document = await prisma.document.findFirst({
    where: { projectId, kind: "main" },
    select: { id: true, content: true },
  });
  if (!document) throw new AppError("NOT_FOUND", "versions.noDocument");
  return document;
}

/** The current text: the live state if the document was ever opened live, else its stored content. */
export async function currentText(documentId: string, fallbackContent: unknown): Promise<{ state: Uint8Array; content: unknown }> {
  const state = await liveDocuments().readState(documentId);
  if (state) {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, state);
    const content = yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(PROSEMIRROR_FRAGMENT));
    doc.destroy();
    return { state, content };
  }
  const doc = prosemirrorJSONToYDoc(schema, fallbackContent, PROSEMIRROR_FRAGMENT);
  const encoded = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return { state: encoded, content: fallbackContent };
}

/**
 * Freezes the current text as a named version. With `tx`, the version is written inside the caller's
 * transaction (a stage transition freezes its version together with the stage change).
 */
export async function createVersion(
  options: { projectId: string; label: string; note: string; actorId: string },
  tx?: Prisma.TransactionClient,
) {
  const document = await mainDocument(options.projectId);
  const { state, content } = await currentText(document.id, document.content);
  const print = await fingerprint(content);
  const write = async (tx: Prisma.TransactionClient) => {
    const taken = await tx.version.findUnique({
      where: { projectId_label: { projectId: options.projectId, label: options.label } },
      select: { id: true },
    });
    if (taken) throw new AppError("CONFLICT", "versions.labelTaken");
    // Read in the transaction: a stage transition may have just changed it.
    const project = await tx.project.findUniqueOrThrow({ where: { id: options.projectId }, select: { stage: true } });
    const version = await tx.version.create({
      data: {
        projectId: options.projectId,
        documentId: document.id,
        label: options.label,
        note: options.note,
        stage: project.stage,
        yState: Uint8Array.from(state),
        content: content as Prisma.InputJsonObject,
        fingerprint: print,
        createdById: options.actorId,
      },
      select: versionSelect,
    });
    await recordAudit(tx, {
      type: "version.created",
      actorId: options.actorId,
      projectId: options.projectId,
      payload: { versionId: version.id, label: version.label, fingerprint: print },
    });
    return version;
  };
  return tx ? write(tx) : prisma.$transaction(write);
}

export async function listVersions(projectId: string) {
  const versions = await prisma.version.findMany({ where: { projectId }, select: versionSelect, orderBy: { createdAt: "asc" } });
  const authors = await prisma.user.findMany({
    where: { id: { in: [...new Set(versions.map((v) => v.createdById))] } },
    select: { id: true, name: true },
  });
  const names = new Map(authors.map((a) => [a.id, a.name]));
  return versions.map((v) => ({ ...v, createdBy: names.get(v.createdById) ?? "—" }));
}

/** A version of this project, or 404: a version id from another project never leaks across. */
export async function getVersion(projectId: string, versionId: string) {
  const version = await prisma.version.findFirst({
    where: { id: versionId, projectId },
    select: { ...versionSelect, content: true },
  });
  if (!version) throw new AppError("NOT_FOUND", "versions.notFound");
  return version;
}

/**
 * Brings an earlier text back as a new edit on top of the history, seen at once by live clients.
 * Refused, changing nothing, when the actor may not edit the text now (stage, comment period, release).
 */
export async function restoreVersion(options: {
  projectId: string;
  versionId: string;
  actorId: string;
  standing: CommitteeStanding;
}) {
  const version = await getVersion(options.projectId, options.versionId);
  const facts = await editingFacts(options.projectId);
  if (!facts) throw new AppError("NOT_FOUND", "versions.notFound");
  if (!canEditText(options.standing, facts)) throw new AppError("CONFLICT", "versions.restoreLocked");
  const target = schema.nodeFromJSON(version.content);
  await liveDocuments().applyServerEdit(
    version.documentId,
    (doc) => {
      doc.transact(() => {
        updateYFragment(doc, doc.getXmlFragment(PROSEMIRROR_FRAGMENT), target, { mapping: new Map(), isOMark: new Map() });
      });
    },
    { userId: options.actorId },
  );
  await prisma.$transaction((tx) =>
    recordAudit(tx, {
      type: "version.restored",
      actorId: options.actorId,
      projectId: options.projectId,
      payload: { versionId: version.id, label: version.label },
    }),
  );
}
