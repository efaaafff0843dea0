/*
 * What a WebSocket close code from the collaboration server means for the person at the keyboard,
 * and whether trying again can help. DOM-free.
 *
 * Reconnecting after a refusal that will repeat does harm: a change too large to store would be sent
 * again on every reconnect forever (y-websocket #189), and a signed-out or removed user would hammer
 * the server. Only "too many connections" (another tab may close) and a restarting server are worth
 * retrying.
 */
import { closeCode, type CloseCodeName } from "../collab-protocol";

/** The close codes the editor explains; each has a message under `editor.closed.<name>`. */
export type CloseReason = Exclude<CloseCodeName, "serverShuttingDown">;

const RETRYABLE: ReadonlySet<CloseCodeName> = new Set<CloseCodeName>(["tooManyConnections", "serverShuttingDown"]);

function isCloseCodeName(name: string): name is CloseCodeName {
  return Object.hasOwn(closeCode, name);
}

function nameOf(code: number): CloseCodeName | null {
  for (const [name, value] of Object.entries(closeCode)) {
    if (value === code && isCloseCodeName(name)) return name;
  }
  return null;
}

/** The reason to show for a close code, or null for an ordinary disconnection (network, restart). */
export function closeReasonOf(code: number): CloseReason | null {
  const name = nameOf(code);
  return name === null || name === "serverShuttingDown" ? null : name;
}

/** Whether the provider should reconnect after the server closed with this code. */
export function shouldReconnectAfter(code: number): boolean {
  const name = nameOf(code);
  // Codes we do not know are treated as transient, like a dropped network.
  return name === null || RETRYABLE.has(name);
}
