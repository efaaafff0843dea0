// "Someone's rights may have changed": emitted after a committed change to memberships, a project's
// stage or editing lock (comment periods, releases), heard by the collaboration server, which
// re-evaluates its open connections at once.
//
// The emitter lives on globalThis because the Remix build (where the routes emit) and the custom
// server (where server/collab listens) are separate module graphs, each with its own copy of this
// module; Vite's reloads in development make a third. One process, one emitter.
import { EventEmitter } from "node:events";

/**
 * Which connections to re-evaluate. Both fields narrow: with `userId`, only that user's connections
 * (in every committee, since roles inherit down the committee tree); with only `committeeId`, every
 * connection whose document may be affected. An empty object re-evaluates everything.
 */
export type AccessChange = { committeeId?: string; userId?: string };

export type AccessChangeListener = (change: AccessChange) => void;

declare global {
  // `var` is how a global is declared to TypeScript; it is never assigned outside this module.
  var __studioAccessEvents: EventEmitter | undefined;
  var __studioAccessRelay: ((change: AccessChange) => void) | undefined;
}

const EVENT = "access-changed";

function emitter(): EventEmitter {
  let events = globalThis.__studioAccessEvents;
  if (!events) {
    events = new EventEmitter();
    // One listener per collaboration server; tests start several in one process.
    events.setMaxListeners(0);
    globalThis.__studioAccessEvents = events;
  }
  return events;
}

/** Call only after the transaction that changed the rights has committed. */
export function emitAccessChanged(change: AccessChange): void {
  emitter().emit(EVENT, { ...change });
  globalThis.__studioAccessRelay?.({ ...change });
}

/**
 * With several server processes (REDIS_URL), every change is also relayed to the others, whose
 * open connections may be affected too (server/redis-access-relay.ts).
 */
export function setAccessRelay(relay: ((change: AccessChange) => void) | undefined): void {
  globalThis.__studioAccessRelay = relay;
}

/** A change relayed from another process: heard here, not relayed again. */
export function deliverRelayedAccessChange(change: AccessChange): void {
  emitter().emit(EVENT, { ...change });
}

/** Returns the function that stops listening. */
export function onAccessChanged(listener: AccessChangeListener): () => void {
  const events = emitter();
  events.on(EVENT, listener);
  return () => {
    events.off(EVENT, listener);
  };
}
