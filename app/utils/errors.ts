// Errors are values with codes at the edges: the code picks the HTTP status and the message key a user
// sees; the internal message stays in the logs.
export const errorCodes = {
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  UNAUTHENTICATED: 401,
  BAD_REQUEST: 400,
  CONFLICT: 409,
  GONE: 410,
  TOO_MANY_REQUESTS: 429,
} as const;

export type ErrorCode = keyof typeof errorCodes;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    /** i18n key of the message shown to users. */
    readonly userMessageKey: string,
    internalMessage?: string,
  ) {
    super(internalMessage ?? userMessageKey);
  }

  get status(): number {
    return errorCodes[this.code];
  }
}

/** Throws a 404/403-style Response when the condition fails; used as the first lines of loaders. */
export function invariantResponse(
  condition: unknown,
  message: string,
  init: { status: number } = { status: 400 },
): asserts condition {
  if (!condition) {
    throw new Response(message, { status: init.status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
}
