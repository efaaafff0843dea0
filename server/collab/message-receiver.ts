// Decodes what a client sends and hands it to the room. Only what the y-websocket provider sends is
// accepted: sync (step 1, step 2, update) and awareness. Everything is validated before the room sees
// it, so a malformed message ends that connection (4400) and can never half-apply to the document.
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import { messageType } from "~/editor/collab-protocol";
import type { Connection } from "./connection";
import { MalformedMessageError } from "./errors";

/** What the receiver needs from a room. */
export interface MessageTarget {
  readonly doc: Y.Doc;
  applyClientUpdate(connection: Connection, update: Uint8Array): void;
  applyClientAwareness(connection: Connection, update: Uint8Array): void;
}

type Decoded =
  | { kind: "sync-step-1"; stateVector: Uint8Array }
  | { kind: "document"; update: Uint8Array }
  | { kind: "awareness"; update: Uint8Array };

export function receiveMessage(target: MessageTarget, connection: Connection, data: Uint8Array): void {
  const message = decode(data);
  switch (message.kind) {
    case "sync-step-1": {
      // Answer with everything the client lacks. The room is loaded before any connection joins it,
      // so this never answers from a half-loaded document.
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, messageType.sync);
      syncProtocol.writeSyncStep2(encoder, target.doc, message.stateVector);
      connection.send(encoding.toUint8Array(encoder));
      return;
    }
    case "document":
      target.applyClientUpdate(connection, message.update);
      return;
    case "awareness":
      target.applyClientAwareness(connection, message.update);
      return;
  }
}

function decode(data: Uint8Array): Decoded {
  try {
    const decoder = decoding.createDecoder(data);
    const type = decoding.readVarUint(decoder);
    let decoded: Decoded;
    if (type === messageType.sync) {
      const syncType = decoding.readVarUint(decoder);
      const payload = decoding.readVarUint8Array(decoder);
      if (syncType === syncProtocol.messageYjsSyncStep1) {
        Y.decodeStateVector(payload); // throws on bytes that are not a state vector
        decoded = { kind: "sync-step-1", stateVector: payload };
      } else if (syncType === syncProtocol.messageYjsSyncStep2 || syncType === syncProtocol.messageYjsUpdate) {
        // Parsing the whole update first means garbage is refused before anything is integrated.
        Y.decodeUpdate(payload);
        decoded = { kind: "document", update: payload };
      } else {
        throw new Error(`unknown sync message ${syncType}`);
      }
    } else if (type === messageType.awareness) {
      decoded = { kind: "awareness", update: decoding.readVarUint8Array(decoder) };
    } else {
      throw new Error(`unknown message type ${type}`);
    }
    if (decoding.hasContent(decoder)) throw new Error("trailing bytes after the message");
    return decoded;
  } catch (error) {
    throw new MalformedMessageError(error instanceof Error ? error.message : String(error));
  }
}
