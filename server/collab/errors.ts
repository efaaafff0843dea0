// Errors that decide how a connection ends.

/** The client sent bytes that are not a message of our protocol: close that connection with 4400. */
export class MalformedMessageError extends Error {
  override readonly name = "MalformedMessageError";
}

/** applyServerEdit on a document that does not exist. */
export class DocumentNotFoundError extends Error {
  override readonly name = "DocumentNotFoundError";
  constructor(readonly documentId: string) {
    super(`document ${documentId} does not exist`);
  }
}
