// Durable storage of live documents in PostgreSQL: Document.yState (a snapshot) plus the append-only
// DocumentUpdate log. The document is the snapshot merged with every row whose id is greater than
// Document.yStateUpdateId.
//
// Why the locks: ids come from a sequence, and a sequence hands out ids before their rows commit. If
// an append drew id 10, then a compaction folded the committed rows up to 11 and set yStateUpdateId
// to 11, row 10 would commit afterwards below the mark and never be read again. So an append takes
// FOR KEY SHARE on the Document row *before* drawing ids, and compaction takes FOR UPDATE on it:
// compaction waits for every append that already holds the lock and blocks new ones until it
// commits, so every id at or below the mark it writes is committed and folded, and every later row
// gets a larger id. (FOR KEY SHARE does not conflict with ordinary updates of the row.)
//
// The same statement records who edited what (EditSession, see edit-sessions.ts): each person's
// activity in the batch extends their latest session of the document if it ended less than
// SESSION_GAP_MS before, else starts a new one. Data-modifying CTEs all run on one snapshot, so the
// "extend" and "start" branches are decided once, from the same read, and exactly one applies.
import { randomUUID } from "node:crypto";
import * as Y from "yjs";
import { z } from "zod";
import { Prisma } from "~/generated/prisma/client";
import { getPool, prisma } from "~/utils/db.server";
import { contentFromYDoc, yDocFromContent } from "./document-content";
import { SESSION_GAP_MS, type SessionActivity } from "./edit-sessions";

export type LoadedDocument = {
  documentId: string;
  /** The snapshot first, then the logged updates after it in log order. Apply all of them. */
  updates: Uint8Array[];
  /** The highest log id included (the snapshot's mark when the log after it is empty). */
  lastUpdateId: bigint;
};

/** One row of the log: the merged updates of one user (or of the server) from one batch. */
export type UpdateRow = { userId: string | null; data: Uint8Array };

export type AppendResult = {
  /** Documents deleted meanwhile: their rows were not written (they have nowhere to go). */
  missingDocumentIds: string[];
};

export type CompactionResult = { foldedRows: number; lastUpdateId: bigint };

/** The part of the store the batcher needs; tests wrap it to make stores fail. */
export interface UpdateLog {
  append(batches: ReadonlyMap<string, readonly UpdateRow[]>, sessions?: readonly SessionActivity[]): Promise<AppendResult>;
}

const lockedRows = z.array(z.object({ id: z.string() }));

export class DocumentStore implements UpdateLog {
  /**
   * Loads a document for the live editor, creating its first snapshot from Document.content when it
   * has never been opened live. Null when the document does not exist.
   */
  async load(documentId: string): Promise<LoadedDocument | null> {
    // A loser of the race below re-reads and finds the winner's snapshot, so two rounds suffice.
    for (let attempt = 0; attempt < 3; attempt++) {
      const stored = await this.read(documentId);
      if (!stored) return null;
      if (stored.snapshot !== null || stored.rows.length > 0) {
        return {
          documentId,
          updates: stored.snapshot === null ? stored.rows.map((r) => r.data) : [stored.snapshot, ...stored.rows.map((r) => r.data)],
          lastUpdateId: stored.rows.at(-1)?.id ?? stored.lastUpdateId,
        };
      }
      // Never opened live. Build the first snapshot here, on the server, and store it only if nobody
      // else stored one meanwhile (another process opening the same new draft at the same moment):
      // the conditional update makes exactly one snapshot win, and the loser re-reads the winner's.
      const initial = yDocFromContent(stored.content);
      const snapshot = Y.encodeStateAsUpdate(initial);
      initial.destroy();
      const { count } = await prisma.document.updateMany({
        where: { id: documentId, yState: null },
        data: { yState: ownedBytes(snapshot) },
      });
      if (count === 1) return { documentId, updates: [snapshot], lastUpdateId: stored.lastUpdateId };
    }
    throw new Error(`document ${documentId}: could not settle its first snapshot`);
  }

  /**
   * Appends rows for several documents in one transaction. Rows of documents that no longer exist
   * are reported, not written, so one deleted document cannot fail the batch of all the others.
   *
   * Raw SQL on the pool under Prisma: this runs for every batch of every live document, and Prisma's
   * query compilation on the event loop held up the relaying of edits more than the database did.
   */
  async append(batches: ReadonlyMap<string, readonly UpdateRow[]>, sessions: readonly SessionActivity[] = []): Promise<AppendResult> {
    const documentIds = [...batches.keys()].sort();
    if (documentIds.length === 0) return { missingDocumentIds: [] };
    const rowDocumentIds: string[] = [];
    const rowData: Uint8Array[] = [];
    const rowLengths: number[] = [];
    const rowUserIds: Array<string | null> = [];
    for (const documentId of documentIds) {
      for (const row of batches.get(documentId) ?? []) {
        rowDocumentIds.push(documentId);
        rowData.push(row.data);
        rowLengths.push(row.data.byteLength);
        rowUserIds.push(row.userId);
      }
    }
    // Every row's bytes in one binary parameter, cut apart by length in SQL: pg sends a Buffer as
    // binary, but an array of them as text, every byte spelled out in hex.
    const data = Buffer.concat(rowData);
    // One statement, so one round trip and its own transaction. The join makes every row wait for
    // its document's lock, so its id is drawn only after the lock is held (see the top of the file);
    // a document deleted meanwhile has no locked row, so its rows are simply not inserted. Rows are
    // inserted in the order given, so each document's rows keep the order their updates came in.
    const { rows } = await getPool().query<{ id: string }>({
      // Named, so each connection parses and plans this statement once, not every batch: that was
      // about a sixth of PostgreSQL's CPU for it (ADR 022).
      name: sessions.length > 0 ? "collab-append-with-sessions" : "collab-append",
      text: `WITH locked AS (
          SELECT id FROM "Document" WHERE id = ANY($1::text[]) ORDER BY id FOR KEY SHARE
        ), inserted AS (
          INSERT INTO "DocumentUpdate" ("documentId", "data", "userId")
          SELECT v.document_id, substring($3::bytea FROM (v.ends - v.length + 1)::int FOR v.length), v.user_id
          FROM (
            SELECT u.*, sum(u.length) OVER (ORDER BY u.n) AS ends
            FROM unnest($2::text[], $5::int[], $4::text[]) WITH ORDINALITY AS u (document_id, length, user_id, n)
          ) v
          JOIN locked ON locked.id = v.document_id
          ORDER BY v.n
          RETURNING 1
        )${sessions.length > 0 ? SESSION_STATEMENTS : ""}
        SELECT id FROM locked`,
      values: [documentIds, rowDocumentIds, data, rowUserIds, rowLengths, ...(sessions.length > 0 ? [sessionsJson(sessions)] : [])],
    });
    const present = new Set(rows.map((row) => row.id));
    return { missingDocumentIds: documentIds.filter((id) => !present.has(id)) };
  }

  /**
   * Folds the log into a new snapshot and refreshes Document.content. Works from what is stored,
   * never from a live Y.Doc, so it is safe while any process keeps appending.
   *
   * Two phases, so the fold neither blocks appends for long nor the event loop: first, without a
   * lock, the stored state is read and folded in small chunks that yield between them (a live
   * server keeps relaying edits meanwhile); then, under FOR UPDATE, the rows appended since are
   * folded too, and the snapshot, its mark and the deletion of exactly the folded rows commit
   * together. If another compaction committed in between, this one gives way and folds nothing.
   */
  async compact(documentId: string): Promise<CompactionResult> {
    const read = await this.read(documentId);
    if (!read || read.rows.length === 0) return { foldedRows: 0, lastUpdateId: read?.lastUpdateId ?? 0n };
    const ydoc = await foldUpdates(read.snapshot === null ? read.rows.map((r) => r.data) : [read.snapshot, ...read.rows.map((r) => r.data)]);
    try {
      return await prisma.$transaction(
        async (tx) => {
          const locked = lockedRows.parse(await tx.$queryRaw`SELECT id FROM "Document" WHERE id = ${documentId} FOR UPDATE`);
          if (locked.length === 0) return { foldedRows: 0, lastUpdateId: 0n };
          const current = await tx.document.findUniqueOrThrow({ where: { id: documentId }, select: { yStateUpdateId: true } });
          if (current.yStateUpdateId !== read.lastUpdateId) return { foldedRows: 0, lastUpdateId: current.yStateUpdateId };
          // Under the lock every id drawn is committed, so this is the whole log after the old mark:
          // the rows read above plus any that committed since (a few batches).
          const ids = await tx.documentUpdate.findMany({
            where: { documentId, id: { gt: read.lastUpdateId } },
            orderBy: { id: "asc" },
            select: { id: true },
          });
          const seen = new Set(read.rows.map((row) => row.id));
          const late = ids.filter((row) => !seen.has(row.id)).map((row) => row.id);
          if (late.length > 0) {
            const rows = await tx.documentUpdate.findMany({ where: { id: { in: late } }, orderBy: { id: "asc" }, select: { data: true } });
            ydoc.transact(() => {
              for (const row of rows) Y.applyUpdate(ydoc, row.data);
            });
          }
          const last = ids.at(-1)?.id ?? read.lastUpdateId;
          // encodeStateAsUpdate keeps structs still waiting for a missing dependency, so folding
          // never drops anything even if the log were out of causal order.
          const snapshot = Y.encodeStateAsUpdate(ydoc);
          const content = contentFromYDoc(ydoc);
          await tx.document.update({
            where: { id: documentId },
            data: { yState: ownedBytes(snapshot), yStateUpdateId: last, ...(content === null ? {} : { content }) },
            select: { id: true },
          });
          // Exactly the rows folded: every row after the old mark up to the new one, all read above.
          await tx.documentUpdate.deleteMany({ where: { documentId, id: { gt: read.lastUpdateId, lte: last } } });
          return { foldedRows: ids.length, lastUpdateId: last };
        },
        { timeout: 60_000, maxWait: 10_000 },
      );
    } finally {
      ydoc.destroy();
    }
  }

  /** Snapshot and later rows as one consistent read, so a compaction in between cannot hide rows. */
  private async read(documentId: string) {
    return prisma.$transaction(
      async (tx) => {
        const document = await tx.document.findUnique({
          where: { id: documentId },
          select: { yState: true, yStateUpdateId: true, content: true },
        });
        if (!document) return null;
        const rows = await tx.documentUpdate.findMany({
          where: { documentId, id: { gt: document.yStateUpdateId } },
          orderBy: { id: "asc" },
          select: { id: true, data: true },
        });
        return { snapshot: document.yState, lastUpdateId: document.yStateUpdateId, content: document.content, rows };
      },
      { isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead, timeout: 30_000, maxWait: 10_000 },
    );
  }
}

/** A batch's activity as the JSON parameter $6 of the append (see SESSION_STATEMENTS). */
function sessionsJson(sessions: readonly SessionActivity[]): string {
  return JSON.stringify(
    sessions.map((s) => ({
      new_id: randomUUID(),
      document_id: s.documentId,
      user_id: s.userId,
      clause_ids: s.clauseIds,
      updates: s.updates,
      started_at: s.startedAt.toISOString(),
      ended_at: s.endedAt.toISOString(),
    })),
  );
}

/**
 * CTEs that record a batch's activity (appended to the WITH of append): extend each person's latest
 * session that ended within SESSION_GAP_MS before this activity began, or start a new one. Clause ids
 * keep the order first touched. Times travel as ISO strings read as UTC, as Prisma stores DateTime.
 */
const SESSION_STATEMENTS = `, activity AS (
          SELECT a.new_id, a.document_id, a.user_id, a.clause_ids, a.updates,
            (a.started_at AT TIME ZONE 'UTC') AS started_at, (a.ended_at AT TIME ZONE 'UTC') AS ended_at
          FROM jsonb_to_recordset($6::jsonb) AS a (new_id text, document_id text, user_id text, clause_ids text[], updates int, started_at timestamptz, ended_at timestamptz)
          JOIN locked ON locked.id = a.document_id
        ), latest AS (
          SELECT DISTINCT ON (a.document_id, a.user_id) e.id, a.document_id, a.user_id
          FROM activity a
          JOIN "EditSession" e ON e."documentId" = a.document_id AND e."userId" = a.user_id
          WHERE e."endedAt" >= a.started_at - interval '${Math.round(SESSION_GAP_MS / 1000)} seconds'
          ORDER BY a.document_id, a.user_id, e."endedAt" DESC
        ), extended AS (
          UPDATE "EditSession" e SET
            "endedAt" = GREATEST(e."endedAt", a.ended_at),
            "clauseIds" = e."clauseIds" || ARRAY(SELECT c FROM unnest(a.clause_ids) WITH ORDINALITY AS t (c, n) WHERE c <> ALL (e."clauseIds") ORDER BY n),
            "updates" = e."updates" + a.updates
          FROM latest l JOIN activity a ON a.document_id = l.document_id AND a.user_id = l.user_id
          WHERE e.id = l.id
          RETURNING 1
        ), started AS (
          INSERT INTO "EditSession" ("id", "documentId", "userId", "startedAt", "endedAt", "clauseIds", "updates")
          SELECT a.new_id, a.document_id, a.user_id, a.started_at, a.ended_at, a.clause_ids, a.updates
          FROM activity a
          WHERE NOT EXISTS (SELECT 1 FROM latest l WHERE l.document_id = a.document_id AND l.user_id = a.user_id)
          RETURNING 1
        )`;

/**
 * Prisma's Bytes wants a Uint8Array over a plain ArrayBuffer; Yjs's type allows a SharedArrayBuffer.
 * Yjs never produces one, so this is a re-typed view without copying, and a copy otherwise.
 */
function ownedBytes(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const { buffer } = bytes;
  return buffer instanceof ArrayBuffer ? new Uint8Array(buffer, bytes.byteOffset, bytes.byteLength) : new Uint8Array(bytes);
}

/** Rows applied per turn of the event loop while folding (about a millisecond of work). */
const FOLD_CHUNK = 64;

/**
 * Builds a Y.Doc from a snapshot and log rows, yielding to the event loop between chunks so that a
 * long log does not stall every other document of the process while it loads or compacts.
 */
export async function foldUpdates(updates: readonly Uint8Array[]): Promise<Y.Doc> {
  const ydoc = new Y.Doc();
  for (let start = 0; start < updates.length; start += FOLD_CHUNK) {
    if (start > 0) await new Promise((resolve) => setImmediate(resolve));
    ydoc.transact(() => {
      for (const update of updates.slice(start, start + FOLD_CHUNK)) Y.applyUpdate(ydoc, update);
    });
  }
  return ydoc;
}
