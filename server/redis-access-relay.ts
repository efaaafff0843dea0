// Rights changes between server processes: a membership change or stage transition handled by one
// process must reach the WebSocket connections held by the others, at once. Each process publishes
// its changes on one Redis channel and hands those of the others to its own access watcher.
import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import type { AccessChange } from "~/utils/access-events.server";

const DEFAULT_CHANNEL = "studio:access";

type Envelope = { origin: string; change: AccessChange };

function parseEnvelope(raw: string): Envelope | null {
  try {
    const value = JSON.parse(raw) as Partial<Envelope> | null;
    if (!value || typeof value.origin !== "string" || typeof value.change !== "object" || value.change === null) return null;
    const { committeeId, userId } = value.change;
    return {
      origin: value.origin,
      change: {
        ...(typeof committeeId === "string" ? { committeeId } : {}),
        ...(typeof userId === "string" ? { userId } : {}),
      },
    };
  } catch {
    return null;
  }
}

export class RedisAccessRelay {
  readonly origin = randomUUID();
  private readonly publisher: Redis;
  private readonly subscriber: Redis;

  private readonly channel: string;

  /** `channel` is for tests, which must not hear each other's changes. */
  constructor(url: string, onRemoteChange: (change: AccessChange) => void, options: { channel?: string } = {}) {
    this.channel = options.channel ?? DEFAULT_CHANNEL;
    this.publisher = new Redis(url, { maxRetriesPerRequest: 2 });
    this.subscriber = new Redis(url);
    this.subscriber.on("message", (_channel: string, raw: string) => {
      const envelope = parseEnvelope(raw);
      if (envelope && envelope.origin !== this.origin) onRemoteChange(envelope.change);
    });
  }

  /** Resolves once subscribed, so changes published after it are heard. */
  async ready(): Promise<void> {
    await Promise.all([this.publisher.ping(), this.subscriber.subscribe(this.channel)]);
  }

  publish(change: AccessChange): void {
    const envelope: Envelope = { origin: this.origin, change };
    this.publisher.publish(this.channel, JSON.stringify(envelope)).catch((error: unknown) => {
      console.warn(`[studio] relaying a rights change failed: ${String(error)}`);
    });
  }

  async close(): Promise<void> {
    await Promise.allSettled([this.publisher.quit(), this.subscriber.quit()]);
  }
}
