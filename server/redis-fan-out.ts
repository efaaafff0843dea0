// Fan-out between server processes through Redis pub/sub, for running more than one process
// (REDIS_URL). One channel per document; a message is [kind byte][origin length][origin][payload].
// Redis keeps nothing: storage stays in PostgreSQL, and a message lost here only delays freshness
// until the affected clients' next sync (see server/collab/fan-out.ts).
import { Redis } from "ioredis";
import { FanOutSubscriptions, type FanOut, type FanOutListener, type FanOutMessage } from "./collab/fan-out";

const kinds = ["update", "awareness", "stored", "comments"] as const;
const channelOf = (documentId: string) => `studio:collab:${documentId}`;

export function encodeFanOutMessage(message: FanOutMessage, origin: string): Buffer {
  const payload = message.kind === "stored" ? message.stateVector : message.kind === "comments" ? new Uint8Array(0) : message.update;
  const originBytes = Buffer.from(origin, "utf8");
  const header = Buffer.from([kinds.indexOf(message.kind), originBytes.length]);
  return Buffer.concat([header, originBytes, Buffer.from(payload)]);
}

export function decodeFanOutMessage(data: Buffer): { message: FanOutMessage; origin: string } | null {
  if (data.length < 2) return null;
  const kind = kinds[data[0] ?? 255];
  const originLength = data[1] ?? 0;
  if (!kind || data.length < 2 + originLength) return null;
  const origin = data.subarray(2, 2 + originLength).toString("utf8");
  const payload = new Uint8Array(data.subarray(2 + originLength));
  const message: FanOutMessage =
    kind === "stored" ? { kind, stateVector: payload } : kind === "comments" ? { kind } : { kind, update: payload };
  return { message, origin };
}

export class RedisFanOut implements FanOut {
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly subscriptions = new FanOutSubscriptions();

  constructor(url: string) {
    // Pub/sub needs a connection of its own: a subscribed connection can do nothing else.
    this.publisher = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 2 });
    this.subscriber = new Redis(url, { lazyConnect: false });
    this.subscriber.on("messageBuffer", (channel: Buffer, data: Buffer) => {
      const documentId = channel.toString("utf8").slice("studio:collab:".length);
      const decoded = decodeFanOutMessage(data);
      if (!decoded) return;
      for (const listener of this.subscriptions.listenersFor(documentId, decoded.origin)) listener(decoded.message);
    });
  }

  /** Resolves once both connections are ready, so a test or start-up can fail early and clearly. */
  async ready(): Promise<void> {
    await Promise.all([this.publisher.ping(), this.subscriber.ping()]);
  }

  /** Other processes' subscriptions are not known here. */
  reachesOthers(): boolean {
    return true;
  }

  publish(documentId: string, message: FanOutMessage, origin: string): void {
    this.publisher.publish(channelOf(documentId), encodeFanOutMessage(message, origin)).catch((error: unknown) => {
      console.warn(`[studio] fan-out publish for ${documentId} failed: ${String(error)}`);
    });
  }

  subscribe(documentId: string, subscriber: string, listener: FanOutListener): () => void {
    if (!this.subscriptions.has(documentId)) void this.subscriber.subscribe(channelOf(documentId));
    return this.subscriptions.add(documentId, subscriber, listener, () => void this.subscriber.unsubscribe(channelOf(documentId)));
  }

  async close(): Promise<void> {
    this.subscriptions.clear();
    await Promise.allSettled([this.publisher.quit(), this.subscriber.quit()]);
  }
}
