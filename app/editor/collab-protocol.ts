// What the browser and the collaboration server (server/collab) agree on, beyond y-protocols' sync
// and awareness messages. Isomorphic: imported by both sides.

/** The Y.XmlFragment holding the ProseMirror document in every Y.Doc. */
export const PROSEMIRROR_FRAGMENT = "prosemirror";

/** Path prefix of the WebSocket: the y-websocket provider connects to `${origin}/collab/<documentId>`. */
export const COLLAB_PATH = "/collab";

/** Message types on the socket. 0 (sync) and 1 (awareness) are y-protocols'; ours start at 100. */
export const messageType = {
  sync: 0,
  awareness: 1,
  /**
   * Server → client: the state vector of everything durably stored for this document
   * (varUint8Array of Y.encodeStateVector), then a varUint: how many of the document messages this
   * connection sent (sync step 2 and updates, counted from 1 per socket) are stored. A browser is
   * "saved" when, for every client id in its own state vector, the stored clock is at least its own,
   * and the count covers every document message it sent on this socket. The count is needed because
   * a deletion in Yjs adds no clock: a state vector alone cannot show that a deletion is stored.
   * Sent after each commit that stored updates of the document, and once after connecting.
   */
  persisted: 100,
  /**
   * Server → client: the connection's access; payload varUint 1 = read-only, 0 = editable. Sent once
   * after connecting and again whenever it changes.
   */
  access: 101,
  /**
   * Server → client, no payload: the comments of this document changed (created, replied, edited,
   * resolved, decided). The client fetches them again over HTTP, where access is checked.
   */
  commentsChanged: 102,
} as const;

/** WebSocket close codes, named so the client can tell the person what happened. */
export const closeCode = {
  unauthenticated: 4401,
  forbidden: 4403,
  notFound: 4404,
  malformedMessage: 4400,
  messageTooLarge: 4413,
  tooManyConnections: 4429,
  serverShuttingDown: 4503,
} as const;

export type CloseCodeName = keyof typeof closeCode;

/** Largest message the server accepts; bigger ones close the connection with messageTooLarge. */
export const MAX_MESSAGE_BYTES = 8 * 1024 * 1024;
