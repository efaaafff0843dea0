// Types shared by the collaboration server's parts.

/** What a connection may do with its document, decided by the same policies as the pages. */
export type Access = "edit" | "read";

/** The person behind a connection, as the session says; never what the client claims. */
export type CollabUser = { id: string; name: string; isAdmin: boolean };

/** Where problems go. The server's own log by default; tests pass a recording one. */
export interface CollabLogger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
}

export type CollabLimits = {
  /** Largest WebSocket message accepted; bigger ones close that connection with 4413. */
  maxMessageBytes: number;
  /** Open connections one user may hold in this process, over all documents. */
  maxConnectionsPerUser: number;
  /** Open connections one document may have in this process. */
  maxConnectionsPerDocument: number;
  /** Awareness client ids one connection may speak for (a provider uses one). */
  maxAwarenessClientsPerConnection: number;
  /** Largest awareness state (JSON) kept for one client; bigger ones are ignored. */
  maxAwarenessStateBytes: number;
};
