// Applies rights changes to open connections at once: on an access event (app/utils/access-events)
// each affected connection is evaluated again with the same policies as at the upgrade, and becomes
// read-only or editable (told with message 101), or is closed with 4403 when it may not read any more.
import { onAccessChanged, type AccessChange } from "~/utils/access-events.server";
import type { Connection } from "./connection";
import type { Access, CollabLogger } from "./types";

export type AccessWatcherOptions = {
  connections: () => Iterable<Connection>;
  evaluate: (userId: string, documentId: string) => Promise<Access | null>;
  /** null: the connection may not read any more. */
  apply: (connection: Connection, access: Access | null) => void;
  /** The evaluation itself failed (the database is down): the connection must not keep stale rights. */
  fail: (connection: Connection) => void;
  logger: CollabLogger;
};

export class AccessWatcher {
  /**
   * Counts access events. An upgrade notes it before authorizing and compares after joining its
   * room: if an event arrived in between, its decision may be stale and is evaluated again.
   */
  epoch = 0;
  private unsubscribe: (() => void) | null = null;

  constructor(private readonly options: AccessWatcherOptions) {}

  start(): void {
    this.unsubscribe ??= onAccessChanged((change) => void this.handle(change));
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
  }

  async handle(change: AccessChange): Promise<void> {
    this.epoch += 1;
    // With a user: only theirs, in every committee (roles inherit down the committee tree). With only
    // a committee: every connection, since this process does not know which committees lie below it.
    const affected = [...this.options.connections()].filter((c) => !change.userId || c.user.id === change.userId);
    await this.reevaluate(affected);
  }

  async reevaluate(connections: readonly Connection[]): Promise<void> {
    const groups = new Map<string, Connection[]>();
    for (const connection of connections) {
      const key = `${connection.user.id}\u0000${connection.documentId}`;
      const group = groups.get(key);
      if (group) group.push(connection);
      else groups.set(key, [connection]);
    }
    await Promise.all(
      [...groups.values()].map(async (group) => {
        const generations = group.map((connection) => ++connection.accessGeneration);
        const { user, documentId } = group[0];
        let access: Access | null;
        try {
          access = await this.options.evaluate(user.id, documentId);
        } catch (error) {
          this.options.logger.error(`collab: re-evaluating access of user ${user.id} failed; closing their connections`, error);
          group.forEach((connection) => this.options.fail(connection));
          return;
        }
        group.forEach((connection, index) => {
          // A newer evaluation started meanwhile: its answer wins.
          if (connection.accessGeneration !== generations[index] || !connection.isOpen) return;
          this.options.apply(connection, access);
        });
      }),
    );
  }
}
