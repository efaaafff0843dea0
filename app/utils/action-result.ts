// What an action answers: success with a message key, or a user-facing error key (and field errors).
export type ActionResult =
  | { ok: true; intent: string; message: string; params?: Record<string, string> }
  | { ok: false; intent: string; error: string; params?: Record<string, string>; fieldErrors?: Record<string, string[]> };
