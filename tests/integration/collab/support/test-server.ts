// Starts the collaboration server the way server/index.ts does (an http.Server whose `upgrade` goes
// to CollabServer.handleUpgrade), on port 0, without Remix.
import { createServer, type Server } from "node:http";
import { CollabServer, type CollabServerOptions, type CollabLogger } from "../../../../server/collab";

export type LogRecord = { level: "info" | "warn" | "error"; message: string; error?: unknown };

/** Keeps log lines for assertions instead of printing them (console.error would fail the test). */
export class RecordingLogger implements CollabLogger {
  readonly records: LogRecord[] = [];
  /** `echo` also receives every line (a server in its own process prints them). */
  constructor(private readonly echo?: CollabLogger) {}
  info(message: string): void {
    this.records.push({ level: "info", message });
    this.echo?.info(message);
  }
  warn(message: string): void {
    this.records.push({ level: "warn", message });
    this.echo?.warn(message);
  }
  error(message: string, error?: unknown): void {
    this.records.push({ level: "error", message, error });
    this.echo?.error(message, error);
  }
  messages(level: LogRecord["level"]): string[] {
    return this.records.filter((r) => r.level === level).map((r) => r.message);
  }
}

export type TestServer = {
  collab: CollabServer;
  http: Server;
  port: number;
  /** ws://127.0.0.1:<port>/collab — the provider appends /<documentId>. */
  url: string;
  logger: RecordingLogger;
  close: () => Promise<void>;
};

export async function startCollabTestServer(options: CollabServerOptions & { port?: number } = {}): Promise<TestServer> {
  const logger = options.logger instanceof RecordingLogger ? options.logger : new RecordingLogger(options.logger);
  const collab = new CollabServer({ batchWindowMs: 20, awarenessIntervalMs: 20, ...options, logger });
  const http = createServer((_request, response) => {
    response.statusCode = 404;
    response.end();
  });
  http.on("upgrade", (request, socket, head: Buffer) => {
    if (!collab.handleUpgrade(request, socket, head)) socket.destroy();
  });
  await new Promise<void>((resolve) => http.listen(options.port ?? 0, "127.0.0.1", resolve));
  const address = http.address();
  if (address === null || typeof address === "string") throw new Error("the test server has no TCP address");
  const port = address.port;
  return {
    collab,
    http,
    port,
    url: `ws://127.0.0.1:${port}/collab`,
    logger,
    close: async () => {
      await collab.close();
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}
