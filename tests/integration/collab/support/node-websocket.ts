// The browser WebSocket interface over the `ws` package, so the real y-websocket provider can run in
// Node with a Cookie header (a browser sends the session cookie by itself; `ws` needs it given).
import { WebSocket as WsWebSocket, type RawData } from "ws";

/** Node 20 has Event and MessageEvent but no CloseEvent. */
class NodeCloseEvent extends Event implements CloseEvent {
  constructor(
    readonly code: number,
    readonly reason: string,
    readonly wasClean: boolean,
  ) {
    super("close");
  }
}

function toArrayBuffer(data: RawData): ArrayBuffer {
  if (data instanceof ArrayBuffer) return data;
  const bytes = Array.isArray(data) ? Buffer.concat(data) : data;
  const copy = new ArrayBuffer(bytes.byteLength);
  new Uint8Array(copy).set(bytes);
  return copy;
}

export type WebSocketClass = {
  new (url: string | URL, protocols?: string | string[]): WebSocket;
  readonly prototype: WebSocket;
  readonly CONNECTING: 0;
  readonly OPEN: 1;
  readonly CLOSING: 2;
  readonly CLOSED: 3;
};

/**
 * A WebSocket class whose instances send `headers` (e.g. Cookie) with the handshake. `onSocket` gets
 * each underlying `ws` socket, for tests that need to drop a connection without a closing handshake.
 */
export function webSocketWithHeaders(headers: Record<string, string>, onSocket?: (socket: WsWebSocket) => void): WebSocketClass {
  return class NodeWebSocket extends EventTarget implements WebSocket {
    static readonly CONNECTING = 0;
    static readonly OPEN = 1;
    static readonly CLOSING = 2;
    static readonly CLOSED = 3;
    readonly CONNECTING = 0;
    readonly OPEN = 1;
    readonly CLOSING = 2;
    readonly CLOSED = 3;
    binaryType: BinaryType = "arraybuffer";
    readonly extensions = "";
    readonly protocol = "";
    readonly url: string;
    onopen: ((this: WebSocket, ev: Event) => unknown) | null = null;
    onmessage: ((this: WebSocket, ev: MessageEvent) => unknown) | null = null;
    onclose: ((this: WebSocket, ev: CloseEvent) => unknown) | null = null;
    onerror: ((this: WebSocket, ev: Event) => unknown) | null = null;
    private readonly socket: WsWebSocket;

    constructor(url: string | URL, protocols?: string | string[]) {
      super();
      this.url = String(url);
      this.socket = new WsWebSocket(url, protocols, { headers });
      this.socket.binaryType = "arraybuffer";
      onSocket?.(this.socket);
      this.socket.on("open", () => this.fire(new Event("open"), this.onopen));
      this.socket.on("message", (data: RawData) =>
        this.fire(new MessageEvent("message", { data: toArrayBuffer(data) }), this.onmessage),
      );
      this.socket.on("close", (code: number, reason: Buffer) =>
        this.fire(new NodeCloseEvent(code, reason.toString(), code === 1000), this.onclose),
      );
      this.socket.on("error", () => this.fire(new Event("error"), this.onerror));
    }

    get readyState(): number {
      return this.socket.readyState;
    }

    get bufferedAmount(): number {
      return this.socket.bufferedAmount;
    }

    send(data: string | ArrayBufferLike | Blob | ArrayBufferView): void {
      if (data instanceof Blob) throw new TypeError("Blob messages are not supported in Node tests");
      if (ArrayBuffer.isView(data)) this.socket.send(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
      else this.socket.send(data);
    }

    close(code?: number, reason?: string): void {
      if (this.socket.readyState === WsWebSocket.CONNECTING) this.socket.terminate();
      else this.socket.close(code, reason);
    }

    private fire<E extends Event>(event: E, handler: ((this: WebSocket, ev: E) => unknown) | null): void {
      handler?.call(this, event);
      this.dispatchEvent(event);
    }
  };
}
