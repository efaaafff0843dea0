// Entry point of a collaboration server in a process of its own, for tests that kill it.
// Environment: DATABASE_URL, COLLAB_PORT. Prints "listening <port>" when ready.
import type { CollabLogger } from "../../../../server/collab";
import { startCollabTestServer } from "./test-server";

const stderr: CollabLogger = {
  info: () => undefined,
  warn: (message) => process.stderr.write(`${message}\n`),
  error: (message, error) => process.stderr.write(`${message} ${String(error ?? "")}\n`),
};

const server = await startCollabTestServer({
  port: Number(process.env.COLLAB_PORT ?? 0),
  batchWindowMs: Number(process.env.COLLAB_BATCH_WINDOW_MS ?? 50),
  logger: stderr,
});
process.stdout.write(`listening ${server.port}\n`);
process.on("SIGTERM", () => {
  void server.close().then(() => process.exit(0));
});
