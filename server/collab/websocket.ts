// The WebSocket class the collaboration server hands to `ws`.
import { WebSocket } from "ws";
import { closeCode } from "~/editor/collab-protocol";

/** RFC 6455 "message too big": what `ws` closes with when a frame exceeds maxPayload. */
const MESSAGE_TOO_BIG = 1009;

/**
 * `ws` enforces maxPayload without buffering the oversized message, but closes with 1009, which the
 * y-websocket provider treats as transient: it would reconnect and resend the same message forever
 * (y-websocket #189). Renaming that one close to 4413 makes the provider stop and lets the editor
 * tell the person what happened. `ws` uses 1009 for nothing else.
 */
export class CollabWebSocket extends WebSocket {
  override close(code?: number, data?: string | Buffer): void {
    super.close(code === MESSAGE_TOO_BIG ? closeCode.messageTooLarge : code, data);
  }
}
