// Minimal structured-enough logging for the server process; LOG_LEVEL=silent quiets tests.
const level = process.env.LOG_LEVEL ?? "info";
const quiet = level === "silent";
const errorsOnly = level === "error";

export const log = {
  info: (message: string) => {
    if (!quiet && !errorsOnly) console.log(`[studio] ${message}`);
  },
  warn: (message: string) => {
    if (!quiet) console.warn(`[studio] ${message}`);
  },
  error: (message: string, error?: unknown) => {
    if (!quiet) console.error(`[studio] ${message}`, error ?? "");
  },
};
