export * from "./types";
export { computeRedline, computeRedlineOfDocs } from "./redline";
export { canonicalize, fingerprint, CanonicalizeError } from "./fingerprint";
export { tokenize } from "./tokenize";
