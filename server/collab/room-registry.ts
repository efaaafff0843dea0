// The loaded documents of this process: loads each at most once however many clients open it at the
// same moment, keeps it while anything holds it, and unloads it once it has been idle for a while and
// everything it accepted is stored.
import type { Room } from "./room";

type Entry = {
  loading: Promise<Room | null>;
  room: Room | null;
  idleTimer: NodeJS.Timeout | null;
  unloading: Promise<void> | null;
};

export type RoomRegistryOptions = {
  /** Loads a document into a new room; null when it does not exist. */
  load: (documentId: string) => Promise<Room | null>;
  /** Stores and releases an idle room; false keeps it loaded (for example, the store is failing). */
  unload: (room: Room) => Promise<boolean>;
  idleUnloadMs: number;
};

export class RoomRegistry {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly options: RoomRegistryOptions) {}

  /** The loaded room, held for the caller (release it with room.release()); null if no such document. */
  async acquire(documentId: string): Promise<Room | null> {
    for (;;) {
      let entry = this.entries.get(documentId);
      if (!entry) entry = this.startLoading(documentId);
      const room = await entry.loading;
      if (!room) return null;
      if (this.entries.get(documentId) !== entry) continue; // unloaded meanwhile: load afresh
      if (entry.unloading) {
        await entry.unloading;
        continue;
      }
      room.hold();
      this.cancelIdle(entry);
      return room;
    }
  }

  /** A live room, if this document is loaded; for fan-in of events, not for new holders. */
  get(documentId: string): Room | undefined {
    const room = this.entries.get(documentId)?.room;
    return room && !room.isDestroyed ? room : undefined;
  }

  rooms(): Room[] {
    return [...this.entries.values()].flatMap((entry) => (entry.room && !entry.room.isDestroyed ? [entry.room] : []));
  }

  /** Rooms call this (through their onIdle option) when their last connection or hold goes. */
  noteIdle(room: Room): void {
    const entry = this.entries.get(room.documentId);
    if (!entry || entry.room !== room || entry.unloading || entry.idleTimer) return;
    entry.idleTimer = setTimeout(() => {
      entry.idleTimer = null;
      void this.unload(entry, room);
    }, this.options.idleUnloadMs);
  }

  /** Unloads every room now (shutdown); resolves when each has been stored or given up on. */
  async unloadAll(): Promise<void> {
    const pending: Promise<void>[] = [];
    for (const entry of this.entries.values()) {
      this.cancelIdle(entry);
      if (entry.unloading) pending.push(entry.unloading);
      else if (entry.room) pending.push(this.unload(entry, entry.room, true));
    }
    await Promise.all(pending);
  }

  private startLoading(documentId: string): Entry {
    const entry: Entry = { loading: Promise.resolve(null), room: null, idleTimer: null, unloading: null };
    entry.loading = this.options.load(documentId).then(
      (room) => {
        entry.room = room;
        if (!room && this.entries.get(documentId) === entry) this.entries.delete(documentId);
        return room;
      },
      (error: unknown) => {
        // Let the next attempt try again instead of remembering the failure.
        if (this.entries.get(documentId) === entry) this.entries.delete(documentId);
        throw error;
      },
    );
    this.entries.set(documentId, entry);
    return entry;
  }

  private cancelIdle(entry: Entry): void {
    if (entry.idleTimer) clearTimeout(entry.idleTimer);
    entry.idleTimer = null;
  }

  private unload(entry: Entry, room: Room, force = false): Promise<void> {
    const run = async () => {
      let unloaded = false;
      try {
        unloaded = await this.options.unload(room);
      } finally {
        entry.unloading = null;
      }
      // Acquirers wait on `unloading`, so nobody can have joined in between unless we gave up.
      if (unloaded || force) {
        if (this.entries.get(room.documentId) === entry) this.entries.delete(room.documentId);
        room.destroy();
      } else if (room.isIdle) {
        this.noteIdle(room);
      }
    };
    entry.unloading = run();
    return entry.unloading;
  }
}
