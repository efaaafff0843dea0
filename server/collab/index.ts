export { CollabServer, defaultLimits, type CollabServerOptions, type EditOptions } from "./collab-server";
export { applyServerEdit } from "./server-edit";
export { InProcessFanOut, type FanOut, type FanOutListener, type FanOutMessage } from "./fan-out";
export {
  DocumentStore,
  type AppendResult,
  type CompactionResult,
  type LoadedDocument,
  type UpdateLog,
  type UpdateRow,
} from "./document-store";
export { DocumentNotFoundError, MalformedMessageError } from "./errors";
export { colorFor, presenceFor, type Presence } from "./identity";
export type { Access, CollabLimits, CollabLogger, CollabUser } from "./types";
