// Limits of figure uploads, shared by the upload route (which enforces them) and the editor (which
// refuses an oversized file before sending it and names the limit in its messages).

/** The largest figure accepted: a standard's figures are diagrams and photos, not posters. */
export const FIGURE_MAX_BYTES = 5 * 1024 * 1024;

/** What the file picker offers; the server decides from the bytes, never from this. */
export const FIGURE_ACCEPT = "image/png,image/jpeg,image/gif,image/webp";

/** "5 MB": the limit as people read it. */
export function figureLimitText(): string {
  return `${FIGURE_MAX_BYTES / (1024 * 1024)} MB`;
}

export type FigureErrorCode = "tooLarge" | "unsupportedType" | "empty" | "forbidden" | "notFound";

/** What the upload route answers, as JSON. */
export type FigureUploadResult =
  | { ok: true; assetId: string; src: string; width: number | null; height: number | null; mimeType: string }
  | { ok: false; code: FigureErrorCode; message: string };
